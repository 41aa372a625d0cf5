// `npm run cli -- import <file> --list <kind> --apply --by <login>` against this file's database: the
// command line runs the import page's apply through the same wrapper (lib/action/system.ts), so its
// batch carries the same audit row as one applied from the page, and an account that may not import
// is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyUpload } from "@/app/(app)/admin/imports/actions";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { cli } from "../support/cli";
import { csvText, makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";
import { signInAs } from "../support/session";

const importList = (args: string[]) => cli(["import", ...args]);

const HEADER = ["考生号", "姓名", "联系电话", "地区"];
const list = (first: number) =>
  [first, first + 1].map((n) => [
    `245101010${String(n).padStart(5, "0")}`,
    `考生${n}`,
    `138000${String(n).padStart(5, "0")}`,
    "成都",
  ]);

/** An audit row as a shape: its columns but the ones unique to each row, and the keys of what it records. */
function shape({ id: _id, createdAt: _at, entityId, requestId, after, ...rest }: AuditRow) {
  return {
    ...rest,
    entityId: typeof entityId,
    requestId: /^[0-9a-f-]{36}$/.test(requestId ?? ""),
    after: Object.keys((after ?? {}) as object).sort(),
  };
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof db>["auditLog"]["findFirstOrThrow"]>>;

describe("cli import --apply", () => {
  let dir: string;
  let data: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    dir = makeTempDir();
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2 });
    data = await createUser(db(), { login: "cli-data", roles: ["DATA"] });
    const caller = await createUser(db(), { login: "cli-caller", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
  });

  afterAll(() => removeTempDir(dir));

  it("writes the same audit row as the import page's apply", async () => {
    signInAs(data);
    const form = new FormData();
    form.set("file", new File([csvText([HEADER, ...list(1)])], "页面名单.csv", { type: "text/csv" }));
    form.set("kind", "toudang");
    const preview = (await (
      await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }))
    ).json()) as { fileHash: string };
    const fromPage = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "页面名单.csv",
    });
    expect(fromPage).toMatchObject({ ok: true, data: { created: 2 } });

    const file = writeCsv(dir, "命令行名单.csv", [HEADER, ...list(11)], "utf-8");
    const run = await importList([file, "--list", "toudang", "--apply", "--by", "cli-data"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("已导入：新增 2");

    const auditOf = (fileName: string) =>
      db().auditLog.findFirstOrThrow({
        where: { action: "import.apply", after: { path: ["fileName"], equals: fileName } },
      });
    const pageRow = await auditOf("页面名单.csv");
    const cliRow = await auditOf("命令行名单.csv");
    expect(cliRow).toMatchObject({
      actorId: data.id,
      entityType: "ImportBatch",
      after: { kind: "toudang", created: 2 },
    });
    expect(shape(cliRow)).toEqual(shape(pageRow));
    expect(shape(cliRow)).toMatchObject({ requestId: true, after: ["created", "fileName", "kind", "updated"] });
    expect(await db().candidate.count()).toBe(4);
  });

  it("refuses an account that may not import, writing nothing", async () => {
    const before = [await db().auditLog.count(), await db().candidate.count(), await db().importBatch.count()];
    const file = writeCsv(dir, "来电名单.csv", [HEADER, ...list(21)], "utf-8");
    for (const by of ["cli-caller", "nobody-here"]) {
      const run = await importList([file, "--list", "toudang", "--apply", "--by", by]);
      expect(run.status, by).toBe(2);
      expect(run.stderr, by).toContain("--by 须是系统数据组或管理员的有效账号。");
    }
    expect([await db().auditLog.count(), await db().candidate.count(), await db().importBatch.count()]).toEqual(before);
  });
});
