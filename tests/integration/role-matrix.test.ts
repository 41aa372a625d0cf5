import { beforeAll, describe, expect, it } from "vitest";
import { actionDeclaration } from "@/lib/action";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { MESSAGES } from "@/lib/i18n/messages";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

// RELIABILITY #2 and #3, generated: every server action of the app, found by its "use server" directive
// whatever the file is called, is called directly (as a crafted POST would) by each role the permission
// matrix does not name, and by nobody. Each must be refused before it reads its input, and write nothing.
// An action added later is covered without touching this file; an exported function that bypasses the
// action wrapper fails the test.
const appSources = import.meta.glob<string>("/app/**/*.ts", { query: "?raw", import: "default", eager: true });
const actionModules = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>("/app/**/*.ts")).filter(([file]) =>
    /^\s*["']use server["']/.test(appSources[file] ?? ""),
  ),
);

type Declared = {
  file: string;
  exportName: string;
  run: (input: unknown) => Promise<unknown>;
  name: string;
  permission: string;
};

async function declaredActions(): Promise<{ declared: Declared[]; undeclared: string[] }> {
  const declared: Declared[] = [];
  const undeclared: string[] = [];
  for (const [file, load] of Object.entries(actionModules)) {
    for (const [exportName, value] of Object.entries(await load())) {
      const declaration = actionDeclaration(value);
      if (declaration) {
        declared.push({
          file,
          exportName,
          run: value as Declared["run"],
          name: declaration.name,
          permission: declaration.permission,
        });
      } else {
        undeclared.push(`${file}#${exportName}`);
      }
    }
  }
  return { declared, undeclared };
}

describe("every server action against every role", () => {
  let found: Awaited<ReturnType<typeof declaredActions>>;
  const userByRole = new Map<Role, Awaited<ReturnType<typeof createUser>>>();

  beforeAll(async () => {
    found = await declaredActions();
    for (const role of ROLES) {
      userByRole.set(role, await createUser(db(), { login: `matrix-${role.toLowerCase()}`, roles: [role] }));
    }
  });

  it("finds the app's actions, and every export of an action file goes through the wrapper", () => {
    expect(Object.keys(actionModules).length).toBeGreaterThanOrEqual(5);
    expect(found.declared.length).toBeGreaterThanOrEqual(11);
    expect(found.undeclared).toEqual([]);
  });

  it("names every action in the activity log in both languages", () => {
    for (const catalogue of Object.values(MESSAGES)) {
      for (const action of found.declared) {
        const label = action.name
          .split(".")
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown> | undefined)?.[part],
            catalogue.auditActions,
          );
        expect(typeof label, `auditActions.${action.name}`).toBe("string");
      }
    }
  });

  it("refuses every action without a session, and writes nothing", async () => {
    const auditBefore = await db().auditLog.count();
    for (const action of found.declared) {
      signInAs(null);
      const result = await action.run({});
      expect(result, `${action.file}#${action.exportName}`).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
    expect(await db().auditLog.count()).toBe(auditBefore);
  });

  it("refuses every action to each role the matrix does not name, before reading the input", async () => {
    const auditBefore = await db().auditLog.count();
    let refusals = 0;
    for (const action of found.declared) {
      for (const role of ROLES) {
        if (can([role], action.permission as Parameters<typeof can>[1])) continue;
        const user = userByRole.get(role);
        if (!user) throw new Error(`no user for ${role}`);
        signInAs(user);
        // An empty input: were the permission checked after parsing, this would say INVALID_INPUT.
        const result = await action.run({});
        expect(result, `${role} → ${action.file}#${action.exportName}`).toMatchObject({
          ok: false,
          code: "FORBIDDEN",
        });
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(found.declared.length);
    expect(await db().auditLog.count()).toBe(auditBefore);
  });

  it("lets each role the matrix names past the permission check (then the empty input is refused)", async () => {
    for (const action of found.declared) {
      const role = ROLES.find((r) => can([r], action.permission as Parameters<typeof can>[1]));
      if (!role) throw new Error(`${action.exportName}: no role holds ${action.permission}`);
      const user = userByRole.get(role);
      if (!user) throw new Error(`no user for ${role}`);
      signInAs(user);
      const result = await action.run({});
      expect(result, `${role} → ${action.file}#${action.exportName}`).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
      });
    }
  });
});
