// The route wrapper's answers that no product route reaches on purpose: a handler that throws is
// answered UNAVAILABLE with the catalogue's sentence, its message kept in the server's log only.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { route } from "@/lib/action";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { captureLog } from "../support/log-lines";
import { signInAs } from "../support/session";

const failing = route({ name: "test.failing", permission: "staff.manage" }, async () => {
  throw new Error('relation "Secret" does not exist');
});

describe("the route wrapper", () => {
  beforeAll(async () => {
    signInAs(await createUser(db(), { login: `admin-route-${Date.now()}`, roles: ["ADMIN"] }));
  });
  afterEach(() => vi.restoreAllMocks());

  it("answers a handler's failure as UNAVAILABLE, without its message, and logs it with the request id", async () => {
    const log = captureLog();
    const response = await failing(new Request("http://127.0.0.1/api/test"));
    log.restore();
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ code: "UNAVAILABLE", error: "服务暂时出了问题，请稍后再试。" });
    expect(body).not.toContain("Secret");
    expect(log.lines()).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "route failed",
        action: "test.failing",
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    );
  });

  it("refuses a role the matrix does not name before the handler runs", async () => {
    signInAs(await createUser(db(), { login: `caller-route-${Date.now()}`, roles: ["CALLER"] }));
    const response = await failing(new Request("http://127.0.0.1/api/test"));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "FORBIDDEN" });
  });
});
