// The action wrapper's log lines (lib/action/report.ts): one JSON line per action and route handler run,
// whatever its outcome, with the request id its audit row carries, and nothing about the people involved.
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { GET as exportList } from "@/app/api/exports/[kind]/route";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { logTo } from "@/lib/log";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { csvText, makeTempDir, removeTempDir, writeBytes } from "../support/import-fixtures";
import { signInAs } from "../support/session";

type Line = Record<string, unknown>;

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the action wrapper's log lines", () => {
  let written = "";
  let restore: () => void;
  let dir: string;
  const lines = (): Line[] =>
    written
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  const actionLines = () => lines().filter((line) => line.kind === "action");

  // a person whose every detail would be personal data in a log
  const CALLER = { name: "欧阳晓明", phone: "13912345678", login: "ouyang.xiaoming" };
  let admin: Awaited<ReturnType<typeof createUser>>;
  let caller: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    dir = makeTempDir();
    admin = await createUser(db(), { login: "log-admin", roles: ["ADMIN"] });
    caller = await createUser(db(), { ...CALLER, roles: ["CALLER"] });
  });
  afterAll(() => removeTempDir(dir));

  beforeEach(() => {
    written = "";
    restore = logTo(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      }),
    );
  });
  afterEach(() => restore());

  it("writes one line for an action that succeeded: time, request id, user, action, outcome, duration", async () => {
    signInAs(admin);
    expect((await setUserActive({ userId: caller.id, active: "false" })).ok).toBe(true);
    const [line, ...more] = actionLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: "info",
      kind: "action",
      userId: admin.id,
      action: "user.setActive",
      outcome: "ok",
      msg: "action",
    });
    expect(line?.time).toMatch(ISO_TIME);
    expect(line?.requestId).toMatch(UUID);
    expect(line?.durationMs).toEqual(expect.any(Number));
    // the audit row names the same request as the line
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: caller.id, action: "user.setActive" } });
    expect(audit.requestId).toBe(line?.requestId);
  });

  it("writes a line with the refusal's code for each refusal, before and after the session is known", async () => {
    signInAs(null);
    await setUserActive({ userId: caller.id, active: "true" });
    signInAs(caller);
    await setUserActive({ userId: caller.id, active: "true" });
    signInAs(admin);
    await setUserActive({ userId: caller.id, active: "maybe", phone: CALLER.phone });
    expect(actionLines().map(({ userId, outcome }) => ({ userId, outcome }))).toEqual([
      { userId: null, outcome: "UNAUTHENTICATED" },
      { userId: caller.id, outcome: "FORBIDDEN" },
      { userId: admin.id, outcome: "INVALID_INPUT" },
    ]);
    expect(new Set(actionLines().map((line) => line.requestId)).size).toBe(3);
  });

  it("writes a line for a route handler, with the refusal's code", async () => {
    signInAs(caller);
    const response = await exportList(new Request("http://localhost/api/exports/campaign?callerId=x"), {
      params: Promise.resolve({ kind: "campaign" }),
    });
    expect(response.status).toBe(404);
    expect(actionLines()).toEqual([
      expect.objectContaining({ kind: "action", action: "export", outcome: "NOT_FOUND", userId: caller.id }),
    ]);
  });

  it("writes a line for an action run from the command line (runAs), with its own request id", async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2 });
    const data = await createUser(db(), { login: "log-data", roles: ["DATA"] });
    const group = await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
    const file = writeBytes(
      dir,
      "名单.csv",
      csvText([
        ["考生号", "姓名", "联系电话", "地区"],
        ["24510101000001", "司马相如", "13800001111", "成都"],
      ]),
    );
    const applied = await applyImport(db(), {
      campaignId: campaign.id,
      kind: "toudang",
      path: file,
      fileName: "名单.csv",
      by: { login: "log-data" },
    });
    expect(applied).toMatchObject({ ok: true, created: 1 });
    expect(actionLines()).toEqual([
      expect.objectContaining({
        action: "import.apply",
        outcome: "ok",
        userId: data.id,
        requestId: expect.any(String),
      }),
    ]);
    // neither the list's person nor the file's name
    expect(written).not.toMatch(/司马相如|13800001111|名单\.csv/);
  });

  it("puts no personal data in any line: no name, phone or login, none of the posted values", async () => {
    signInAs(admin);
    await setUserActive({ userId: caller.id, active: "true" });
    await setUserActive({ userId: caller.id, active: "yes", note: `${CALLER.name} ${CALLER.phone}` });
    expect(actionLines()).toHaveLength(2);
    for (const value of [CALLER.name, CALLER.phone, CALLER.login, admin.login]) expect(written).not.toContain(value);
  });
});
