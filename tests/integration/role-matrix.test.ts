import { beforeAll, describe, expect, it } from "vitest";
import { actionDeclaration, routeDeclaration } from "@/lib/action";
import { can, type Permission, ROLES, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { MESSAGES } from "@/lib/i18n/messages";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

// docs/reliability.md #2 and #3, generated: every server action of the app, found by its "use server" directive
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

  it("finds the call scripts' save, held by the admin alone", () => {
    expect(found.declared.filter((a) => a.name === "scripts.save").map((a) => [a.exportName, a.permission])).toEqual([
      ["saveScript", "scripts.edit"],
    ]);
  });

  it("finds the patrol's record, held by the inspection team, and raises its findings through the findings' action", () => {
    expect(found.declared.filter((a) => a.name === "patrol.create").map((a) => [a.exportName, a.permission])).toEqual([
      ["recordPatrol", "patrol.record"],
    ]);
    expect(found.declared.filter((a) => a.name === "finding.create").map((a) => a.permission)).toEqual([
      "inspection.record",
    ]);
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

// The same for every route handler, found by file name (next-auth's own handler aside, the health
// check, which answers a load balancer without a session and reads no data: tests/integration/health.test.ts,
// the metrics, which answer Prometheus's token instead: tests/integration/metrics.test.ts, and the families'
// public check, a 404 unless the college switches it on: tests/integration/verify.test.ts):
// each exported HTTP method must come from the route wrapper, and refuse nobody and each role the matrix
// does not name before doing anything, writing nothing; anything but a GET also refuses a post from another site.
const WITHOUT_SESSION = ["[...nextauth]", "/app/api/health/", "/app/api/metrics/", "/app/api/verify/"];
const routeModules = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>("/app/**/route.ts")).filter(
    ([file]) => !WITHOUT_SESSION.some((part) => file.includes(part)),
  ),
);

type DeclaredRoute = {
  label: string;
  method: string;
  path: string;
  params: Record<string, string>;
  run: (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
  permission: Permission;
  forbiddenAs?: "NOT_FOUND";
};

async function declaredRoutes(): Promise<{ declared: DeclaredRoute[]; undeclared: string[] }> {
  const declared: DeclaredRoute[] = [];
  const undeclared: string[] = [];
  for (const [file, load] of Object.entries(routeModules)) {
    // /app/(app)/groups/[groupId]/export/route.ts -> /groups/x/export, with { groupId: "x" }
    const segments = file
      .replace(/^\/app/, "")
      .replace(/\/route\.ts$/, "")
      .split("/")
      .filter((segment) => !/^\(.*\)$/.test(segment));
    const params = Object.fromEntries(
      segments.flatMap((segment) => (/^\[\w+\]$/.test(segment) ? [[segment.slice(1, -1), "x"]] : [])),
    );
    const path = segments.map((segment) => (/^\[\w+\]$/.test(segment) ? "x" : segment)).join("/");
    for (const [method, value] of Object.entries(await load())) {
      const declaration = routeDeclaration(value);
      if (!declaration) {
        undeclared.push(`${file}#${method}`);
        continue;
      }
      declared.push({
        label: `${method} ${file}`,
        method,
        path,
        params,
        run: value as DeclaredRoute["run"],
        permission: declaration.permission,
        forbiddenAs: declaration.forbiddenAs,
      });
    }
  }
  return { declared, undeclared };
}

describe("every route handler against every role", () => {
  let found: Awaited<ReturnType<typeof declaredRoutes>>;
  const userByRole = new Map<Role, Awaited<ReturnType<typeof createUser>>>();

  beforeAll(async () => {
    found = await declaredRoutes();
    for (const role of ROLES) {
      userByRole.set(role, await createUser(db(), { login: `route-matrix-${role.toLowerCase()}`, roles: [role] }));
    }
  });

  const call = (route: DeclaredRoute, origin = "http://localhost") =>
    route.run(
      new Request(`http://localhost${route.path}`, { method: route.method, headers: { host: "localhost", origin } }),
      { params: Promise.resolve(route.params) },
    );
  const written = async () => [
    await db().auditLog.count(),
    await db().storedFile.count(),
    await db().importProgress.count(),
  ];

  it("finds the app's route handlers, and every one goes through the wrapper", () => {
    expect(Object.keys(routeModules).length).toBeGreaterThanOrEqual(6);
    expect(found.declared.map((route) => route.label).sort()).toEqual(
      expect.arrayContaining([
        "GET /app/api/exports/[kind]/route.ts",
        "POST /app/api/imports/route.ts",
        "GET /app/api/imports/progress/route.ts",
        "GET /app/api/imports/errors/route.ts",
        "GET /app/api/withdrawal-photos/[photoId]/route.ts",
        "GET /app/api/contact-evidence/[evidenceId]/route.ts",
        "GET /app/(app)/groups/[groupId]/export/route.ts",
      ]),
    );
    expect(found.undeclared).toEqual([]);
  });

  it("refuses every route handler without a session, and writes nothing", async () => {
    const before = await written();
    for (const route of found.declared) {
      signInAs(null);
      const response = await call(route);
      expect(response.status, route.label).toBe(401);
      expect(await response.json(), route.label).toMatchObject({ code: "UNAUTHENTICATED", error: expect.any(String) });
    }
    expect(await written()).toEqual(before);
  });

  it("refuses every route handler to each role the matrix does not name, and writes nothing", async () => {
    const before = await written();
    let refusals = 0;
    for (const route of found.declared) {
      for (const role of ROLES) {
        if (can([role], route.permission)) continue;
        const user = userByRole.get(role);
        if (!user) throw new Error(`no user for ${role}`);
        signInAs(user);
        const response = await call(route);
        const code = route.forbiddenAs ?? "FORBIDDEN";
        expect(response.status, `${role} → ${route.label}`).toBe(code === "FORBIDDEN" ? 403 : 404);
        expect(await response.json(), `${role} → ${route.label}`).toMatchObject({ code });
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(found.declared.length);
    expect(await written()).toEqual(before);
  });

  it("refuses anything but a GET from another site, even to a role the matrix names", async () => {
    const before = await written();
    const posts = found.declared.filter((route) => route.method !== "GET");
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const route of posts) {
      const role = ROLES.find((r) => can([r], route.permission));
      const user = role && userByRole.get(role);
      if (!user) throw new Error(`${route.label}: no role holds ${route.permission}`);
      signInAs(user);
      const response = await call(route, "https://evil.example");
      expect(response.status, route.label).toBe(403);
      expect(await response.json(), route.label).toMatchObject({ code: "CROSS_SITE" });
    }
    expect(await written()).toEqual(before);
  });
});
