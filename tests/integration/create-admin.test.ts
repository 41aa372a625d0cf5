// The first admin of a deployment: the library function on the test database, and the command on an
// embedded folder of its own, as a college runs it before the first start.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAdmin } from "@/lib/accounts/create-admin";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { seedDemoIfEmpty } from "@/prisma/seed";
import { createAdminCommand } from "@/scripts/commands/create-admin";

describe("createAdmin", () => {
  it("creates an admin with a lower-cased login and a hashed password, audited with no acting user", async () => {
    const result = await createAdmin(db(), { login: " Admin.Zhang ", name: " 张老师 ", password: "chengdu-wenli-7" });
    expect(result).toMatchObject({ ok: true, login: "admin.zhang" });
    const user = await db().user.findUniqueOrThrow({ where: { login: "admin.zhang" } });
    expect(user).toMatchObject({ name: "张老师", roles: ["ADMIN"], active: true });
    expect(await verifyPassword(user.passwordHash, "chengdu-wenli-7")).toBe(true);
    const audit = await db().auditLog.findMany({ where: { entityId: user.id } });
    expect(audit).toMatchObject([{ actorId: null, action: "user.createAdmin", after: { login: "admin.zhang" } }]);
  });

  it.each([
    [{ login: "admin.zhang", name: "另一个", password: "chengdu-wenli-7" }, "accounts.errors.loginTaken"],
    [{ login: "a", name: "张", password: "chengdu-wenli-7" }, "accounts.errors.loginInvalid"],
    [{ login: "wang01", name: " ", password: "chengdu-wenli-7" }, "accounts.errors.nameInvalid"],
    [{ login: "wang01", name: "王", password: "password123" }, "accounts.password.common"],
    [{ login: "wang01", name: "王", password: "wang01wang01" }, "accounts.password.containsLogin"],
  ])("refuses %o with %s and changes nothing", async (input, key) => {
    const before = await db().user.count();
    const result = await createAdmin(db(), input);
    expect(result).toMatchObject({ ok: false, reason: { key } });
    expect(await db().user.count()).toBe(before);
  });
});

describe("npm run cli -- create-admin", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "huifang-create-admin-"));
  const saved = { ...process.env };
  let errors: string[];
  let lines: string[];

  beforeAll(() => {
    // the command's own database: the embedded folder, as on a fresh deployment
    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_OWNER_URL;
    process.env.HUIFANG_DATA_DIR = dataDir;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (args: string[], password?: string) => {
    errors = [];
    lines = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    if (password === undefined) delete process.env.HUIFANG_ADMIN_PASSWORD;
    else process.env.HUIFANG_ADMIN_PASSWORD = password;
    return createAdminCommand(args);
  };

  it("refuses a weak password with one line, before opening any database", async () => {
    expect(await run(["--login", "admin", "--name", "管理员"], "admin12345")).toBe(2);
    expect(errors).toEqual(["密码不能包含账号。"]);
  });

  it("refuses without a password from the environment or a terminal", async () => {
    expect(await run(["--login", "admin", "--name", "管理员"])).toBe(2);
    expect(errors[0]).toContain("HUIFANG_ADMIN_PASSWORD");
  });

  it("creates the admin on the migrated embedded database, then refuses the same login", async () => {
    expect(await run(["--login", "admin", "--name", "管理员"], "chengdu-wenli-7")).toBe(0);
    expect(lines).toEqual(["已创建管理员 admin（管理员）。现在可以用这个账号登录。"]);
    expect(await run(["--login", "admin", "--name", "管理员"], "chengdu-wenli-8")).toBe(2);
    expect(errors).toEqual(["账号 admin 已存在。"]);
  }, 120_000);

  it("keeps the demo out of a database that began with create-admin, whatever HUIFANG_DEMO says", async () => {
    const app = await startEmbeddedDatabase(dataDir);
    try {
      vi.spyOn(console, "log").mockImplementation(() => {});
      expect(await seedDemoIfEmpty(app.url)).toBeNull();
      const prisma = createPrismaClient(app.url, { poolSize: 1 });
      try {
        expect(await prisma.campaign.count()).toBe(0);
        expect(await prisma.user.findMany({ select: { login: true } })).toEqual([{ login: "admin" }]);
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await app.stop();
    }
  }, 120_000);

  it("refuses while the app holds the embedded database", async () => {
    const app = await startEmbeddedDatabase(dataDir);
    try {
      expect(await run(["--login", "second", "--name", "第二"], "chengdu-wenli-7")).toBe(2);
      expect(errors[0]).toMatch(/正被进程 \d+ 使用：请先停止正在运行的应用/);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it("prints its usage for missing arguments", async () => {
    expect(await run(["--login", "admin"], "chengdu-wenli-7")).toBe(2);
    expect(errors[0]).toMatch(/^用法：/);
  });
});
