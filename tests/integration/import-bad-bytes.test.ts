import { beforeAll, describe, expect, it } from "vitest";
import { applyUpload } from "@/app/(app)/admin/imports/actions";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

// A NUL in a name previewed as valid and then failed the apply with a 500 (PostgreSQL's 22P05) and
// no row number; bytes that are not UTF-8 after the first 64 KB were stored as U+FFFD. Both are now
// row errors in the preview, and the apply is refused with nothing written.

type Preview = {
  fileHash: string;
  valid: number;
  errors: { row: number; column: string; code: string; message: string }[];
  plan: unknown;
};

function upload(bytes: Buffer, name: string) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
  form.set("kind", "toudang");
  return POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
}

const HEADER = "考生号,姓名,联系电话,地区\r\n";
const row = (n: number, name = `考生${n}`) =>
  `245102020${String(n).padStart(5, "0")},${name},137${String(n).padStart(8, "0")},成都市\r\n`;

describe("bad bytes in an uploaded list", () => {
  let campaignId: string;
  let data: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2, name: "坏字节" });
    campaignId = campaign.id;
    data = await createUser(db(), { login: "bad-bytes-data", roles: ["DATA"] });
    const caller = await createUser(db(), { login: "bad-bytes-caller", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });
  });

  async function previewThenApply(bytes: Buffer, name: string) {
    signInAs(data);
    const response = await upload(bytes, name);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Preview;
    const applied = await applyUpload({ fileHash: preview.fileHash, format: "csv", kind: "toudang", fileName: name });
    return { preview, applied };
  }

  it("shows a NUL byte in a name as a row error with its row number, and refuses the apply", async () => {
    const bytes = Buffer.from(`${HEADER}${row(1)}${row(2, "张\u0000三")}`, "utf8");
    const { preview, applied } = await previewThenApply(bytes, "含空字符.csv");
    expect(preview).toMatchObject({ valid: 1, plan: null });
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, column: "姓名", code: "CONTROL_CHARACTER" })]);
    expect(applied).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { fileHash: [expect.any(String)] },
    });
    expect(await db().candidate.count({ where: { campaignId } })).toBe(0);
    expect(await db().importBatch.count({ where: { campaignId } })).toBe(0);
  });

  it("shows bytes that are not UTF-8 after the first 64 KB as a row error, and refuses the apply", async () => {
    const head = HEADER + Array.from({ length: 1500 }, (_, i) => row(i + 1)).join("");
    const gbkName = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in GBK
    const bytes = Buffer.concat([
      Buffer.from(`${head}24510202099999,`, "utf8"),
      gbkName,
      Buffer.from(",13799999999,成都\r\n", "utf8"),
    ]);
    const { preview, applied } = await previewThenApply(bytes, "半截乱码.csv");
    expect(preview).toMatchObject({ valid: 1500, plan: null });
    expect(preview.errors).toEqual([expect.objectContaining({ row: 1502, column: "姓名", code: "INVALID_ENCODING" })]);
    expect(applied).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().candidate.count({ where: { campaignId } })).toBe(0);
    expect(await db().candidate.count({ where: { name: { contains: "\uFFFD" } } })).toBe(0);
  });
});
