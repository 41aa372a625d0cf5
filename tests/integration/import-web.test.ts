import { beforeAll, describe, expect, it } from "vitest";
import { applyUpload, undoUpload } from "@/app/(app)/admin/imports/actions";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import { csvText } from "@/lib/import/fixtures";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;

function uploadRequest(content: string, kind = "toudang", origin = "http://localhost") {
  const form = new FormData();
  form.set("file", new File([content], "投档名单.csv", { type: "text/csv" }));
  form.set("kind", kind);
  return new Request("http://localhost/api/imports", { method: "POST", body: form, headers: { origin } });
}

const LIST = csvText([
  ["考生号", "姓名", "联系电话", "地区"],
  ["24510101000101", "甲", "13800000101", "成都"],
  ["24510101000102", "乙", "13800000102", "成都市"],
]);

describe("importing from the web page", () => {
  let data: User;
  let caller: User;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2 });
    data = await createUser(db(), { login: "web-data", roles: ["DATA"] });
    caller = await createUser(db(), { login: "web-caller", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
  });

  it("previews, applies once, refuses the same file again, and undoes", async () => {
    signInAs(data);
    const response = await POST(uploadRequest(LIST));
    expect(response.status).toBe(200);
    const preview = (await response.json()) as {
      fileHash: string;
      format: "csv";
      rows: number;
      plan: { create: number };
    };
    expect(preview).toMatchObject({ rows: 2, format: "csv", plan: { create: 2 } });
    expect(await db().candidate.count()).toBe(0);

    const applied = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
    });
    expect(applied).toMatchObject({ ok: true, data: { created: 2, updated: 0, unassigned: 0 } });
    expect(await db().candidate.count({ where: { assignedCallerId: caller.id } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "import.apply" } })).toBe(1);

    const again = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
    });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db().candidate.count()).toBe(2);

    if (!applied.ok) throw new Error("unreachable");
    expect(await undoUpload({ batchId: applied.data.batchId })).toMatchObject({ ok: true });
    expect(await db().candidate.count()).toBe(0);
  });

  it("answers a file it cannot read with a Chinese message", async () => {
    signInAs(data);
    const form = new FormData();
    form.set("file", new File(["not a spreadsheet"], "名单.pdf"));
    form.set("kind", "toudang");
    const response = await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/只支持 \.xlsx 和 \.csv/);
  });

  it.each([
    ["no session", null, "http://localhost", 401],
    ["a caller", "caller", "http://localhost", 403],
    ["a post from another site", "data", "https://evil.example", 403],
  ] as const)("refuses %s", async (_, who, origin, status) => {
    signInAs(who === null ? null : who === "caller" ? caller : data);
    const response = await POST(uploadRequest(LIST, "toudang", origin));
    expect(response.status).toBe(status);
  });

  it("refuses the apply action to a caller", async () => {
    signInAs(caller);
    const result = await applyUpload({ fileHash: "0".repeat(64), format: "csv", kind: "toudang", fileName: "x.csv" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
