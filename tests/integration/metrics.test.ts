// GET /api/metrics: refused without the token (HUIFANG_METRICS_TOKEN), off without one configured, and
// its figures move when an action runs, a list is applied or a sign-in fails.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { GET } from "@/app/api/metrics/route";
import { UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { checkCredentials, LOGIN_LIMITS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { csvText, makeTempDir, removeTempDir, writeBytes } from "../support/import-fixtures";
import { signInAs } from "../support/session";

const TOKEN = "metrics-token-0123456789abcdef";

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

/** One sample's value in the text format (0 when the series does not exist yet). */
async function sample(series: string): Promise<number> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  const text = await response.text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("GET /api/metrics", () => {
  afterEach(() => {
    delete process.env.HUIFANG_METRICS_TOKEN;
  });

  it("does not exist without a configured token", async () => {
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("refuses a request without the token or with another, saying nothing", async () => {
    process.env.HUIFANG_METRICS_TOKEN = TOKEN;
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await scrape(authorization);
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.text()).toBe("");
    }
  });

  it("answers the token with Prometheus' text format", async () => {
    process.env.HUIFANG_METRICS_TOKEN = TOKEN;
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    for (const name of [
      "huifang_db_pool_in_use",
      "huifang_db_pool_waiting",
      "huifang_db_pool_max",
      "huifang_process_resident_memory_bytes",
    ]) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
  });
});

describe("the figures", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let caller: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    admin = await createUser(db(), { login: "metrics-admin", roles: ["ADMIN"] });
    caller = await createUser(db(), { login: "metrics-caller", roles: ["CALLER"], password: "right-password-1" });
  });

  afterEach(() => {
    delete process.env.HUIFANG_METRICS_TOKEN;
  });

  it("count each action by name and outcome, with its duration", async () => {
    process.env.HUIFANG_METRICS_TOKEN = TOKEN;
    const ok = 'huifang_actions_total{action="user.setActive",outcome="ok"}';
    const forbidden = 'huifang_actions_total{action="user.setActive",outcome="FORBIDDEN"}';
    const durations = 'huifang_action_duration_seconds_count{action="user.setActive",outcome="ok"}';
    const before = { ok: await sample(ok), forbidden: await sample(forbidden), durations: await sample(durations) };

    signInAs(admin);
    expect((await setUserActive({ userId: caller.id, active: "false" })).ok).toBe(true);
    expect((await setUserActive({ userId: caller.id, active: "true" })).ok).toBe(true);
    signInAs(caller);
    expect(await setUserActive({ userId: caller.id, active: "true" })).toMatchObject({ code: "FORBIDDEN" });

    expect(await sample(ok)).toBe(before.ok + 2);
    expect(await sample(forbidden)).toBe(before.forbidden + 1);
    expect(await sample(durations)).toBe(before.durations + 2);
  });

  it("count the rows of an applied list and its seconds", async () => {
    process.env.HUIFANG_METRICS_TOKEN = TOKEN;
    const rows = 'huifang_import_rows_total{list="toudang"}';
    const applies = 'huifang_import_seconds_count{list="toudang"}';
    const before = { rows: await sample(rows), applies: await sample(applies) };

    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2 });
    await createUser(db(), { login: "metrics-data", roles: ["DATA"] });
    const group = await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
    const dir = makeTempDir();
    try {
      const header = ["考生号", "姓名", "联系电话", "地区"];
      const people = [1, 2, 3].map((n) => [`2451010100000${n}`, `考生${n}`, `1380000000${n}`, "成都"]);
      const file = writeBytes(dir, "名单.csv", csvText([header, ...people]));
      const applied = await applyImport(db(), {
        campaignId: campaign.id,
        kind: "toudang",
        path: file,
        fileName: "名单.csv",
        by: { login: "metrics-data" },
      });
      expect(applied).toMatchObject({ ok: true, created: 3 });
    } finally {
      removeTempDir(dir);
    }

    expect(await sample(rows)).toBe(before.rows + 3);
    expect(await sample(applies)).toBe(before.applies + 1);
  });

  it("count sign-in failures by reason, and the attempts a lock refused", async () => {
    process.env.HUIFANG_METRICS_TOKEN = TOKEN;
    const invalid = 'huifang_sign_in_failures_total{reason="invalid"}';
    const locks = "huifang_sign_in_locks_total";
    const before = { invalid: await sample(invalid), locks: await sample(locks) };

    const attempt = (password: string) =>
      checkCredentials(db(), { login: "metrics-caller", password, address: UNKNOWN_ADDRESS });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect(await attempt("wrong")).toMatchObject({ ok: false });
    expect(await attempt("right-password-1")).toEqual({ ok: false, error: "LOCKED" });

    expect(await sample(invalid)).toBe(before.invalid + LOGIN_LIMITS.perAccount);
    expect(await sample(locks)).toBe(before.locks + 1);
  });
});
