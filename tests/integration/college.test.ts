// 学校名称: the admin sets the college's full and short name (one row for the deployment); the statements,
// the login page and the title read it. Saved once with before/after in the audit log, a resubmitted form
// writes nothing, a refused one says why in Chinese and writes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { saveCollege } from "@/app/(app)/admin/college/actions";
import { currentCollege } from "@/lib/college/queries";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

describe("the college's name", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;

  beforeEach(async () => {
    await db().college.deleteMany();
    admin = await createUser(db(), { login: `admin${Date.now()}`, name: "张老师", roles: ["ADMIN"] });
    signInAs(admin);
  });

  // this test's rows: the audit log outlives the row each test starts by deleting
  const audits = () =>
    db().auditLog.findMany({ where: { action: "college.rename", actorId: admin.id }, orderBy: { createdAt: "asc" } });
  const stored = () => db().college.findMany({ select: { id: true, name: true, shortName: true } });

  it("is not set on a new deployment, and reading it then fails nothing", async () => {
    expect(await stored()).toEqual([]);
    expect(await currentCollege()).toBeNull();
  });

  it("is set by the first save, trimmed, with one audit row holding nothing before", async () => {
    const result = await saveCollege({ name: " 成都文理学院 ", shortName: "文理 " });
    expect(result).toEqual({ ok: true, data: { changed: true } });
    expect(await stored()).toEqual([{ id: 1, name: "成都文理学院", shortName: "文理" }]);
    const [audit, ...more] = await audits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      entityType: "College",
      entityId: "1",
      before: null,
      after: { name: "成都文理学院", shortName: "文理" },
    });
  });

  it("is renamed in place, the audit row holding the names before and after", async () => {
    await saveCollege({ name: "成都文理学院", shortName: "文理" });
    const result = await saveCollege({ name: "成都文理学院", shortName: "成文理" });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    expect(await stored()).toEqual([{ id: 1, name: "成都文理学院", shortName: "成文理" }]);
    const rows = await audits();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      before: { name: "成都文理学院", shortName: "文理" },
      after: { name: "成都文理学院", shortName: "成文理" },
    });
  });

  it("writes nothing when the same names are saved again", async () => {
    await saveCollege({ name: "成都文理学院", shortName: "文理" });
    const before = await db().college.findUniqueOrThrow({ where: { id: 1 } });
    const result = await saveCollege({ name: "成都文理学院 ", shortName: " 文理" });
    expect(result).toEqual({ ok: true, data: { changed: false } });
    expect(await audits()).toHaveLength(1);
    expect((await db().college.findUniqueOrThrow({ where: { id: 1 } })).updatedAt).toEqual(before.updatedAt);
  });

  it("refuses names out of bounds in Chinese, field by field, and writes nothing", async () => {
    await saveCollege({ name: "成都文理学院", shortName: "文理" });
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [
        { name: " ", shortName: "" },
        { name: ["请填写学校全称，至少 2 个字。"], shortName: ["请填写简称。"] },
      ],
      [{ name: "学".repeat(41), shortName: "文理" }, { name: ["学校全称不能超过 40 个字。"] }],
      [{ name: "成都文理学院", shortName: "简".repeat(13) }, { shortName: ["简称不能超过 12 个字。"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      expect(await saveCollege(input)).toEqual({
        ok: false,
        code: "INVALID_INPUT",
        error: expect.stringMatching(/[\u4e00-\u9fff]/),
        fieldErrors,
      });
    }
    // an extra field (say another row's id) is refused whole
    expect(await saveCollege({ name: "另一所学院", shortName: "另", id: 2 })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await stored()).toEqual([{ id: 1, name: "成都文理学院", shortName: "文理" }]);
    expect(await audits()).toHaveLength(1);
  });

  it("is refused to the data team, who may open /admin but not its settings, and to nobody", async () => {
    const data = await createUser(db(), { login: `data${Date.now()}`, roles: ["DATA", "INSPECTOR"] });
    signInAs(data);
    expect(await saveCollege({ name: "成都文理学院", shortName: "文理" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    signInAs(null);
    expect(await saveCollege({ name: "成都文理学院", shortName: "文理" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await stored()).toEqual([]);
  });

  it("keeps one row: the database refuses a second college whatever writes it", async () => {
    await saveCollege({ name: "成都文理学院", shortName: "文理" });
    await expect(
      db()
        .$executeRaw`INSERT INTO "College" (id, name, "shortName", "updatedAt") VALUES (2, '另一所学院', '另', now())`,
    ).rejects.toThrow();
    expect(await stored()).toHaveLength(1);
  });
});
