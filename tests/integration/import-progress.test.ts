import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { applyUpload } from "@/app/(app)/admin/imports/actions";
import { GET as progress } from "@/app/api/imports/progress/route";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import type { ApplyStage } from "@/lib/import/progress";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { csvText } from "../support/import-fixtures";
import { signInAs } from "../support/session";

// The import page polls /api/imports/progress while its apply action runs: checking, then rows written
// chunk by chunk (2,000 at a time), then idle once the apply has ended. On a PostgreSQL server the
// progress is a row written outside the apply's transaction, so another instance (here: a client of
// its own) reads it while the apply runs.

const ROWS = 6_000;
const LIST = csvText([
  ["考生号", "姓名", "联系电话", "地区"],
  ...Array.from({ length: ROWS }, (_, i) => [
    `2451010100${String(i).padStart(4, "0")}`,
    `考生${i}`,
    `138${String(i).padStart(8, "0")}`,
    "成都",
  ]),
]);

describe("the progress of an apply", () => {
  let data: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2 });
    data = await createUser(db(), { login: "progress-data", roles: ["DATA"] });
    const caller = await createUser(db(), { login: "progress-caller", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
  });

  const ask = async (fileHash: string) =>
    progress(new Request(`http://localhost/api/imports/progress?fileHash=${fileHash}`));

  it("is read while the apply runs, chunk by chunk, and is idle before and after", async () => {
    signInAs(data);
    const form = new FormData();
    form.set("file", new File([LIST], "投档名单.csv", { type: "text/csv" }));
    form.set("kind", "toudang");
    const preview = (await (
      await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }))
    ).json()) as {
      fileHash: string;
    };
    expect(await (await ask(preview.fileHash)).json()).toEqual({ stage: "idle" });

    const seen: ApplyStage[] = [];
    let done = false;
    const apply = applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
      expectedRows: ROWS,
    }).finally(() => {
      done = true;
    });
    while (!done) {
      const stage = (await (await ask(preview.fileHash)).json()) as ApplyStage;
      if (stage.stage !== "idle" && JSON.stringify(seen.at(-1)) !== JSON.stringify(stage)) seen.push(stage);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(await apply).toMatchObject({ ok: true, data: { created: ROWS } });

    const written = seen.flatMap((s) => (s.stage === "writing" ? [s] : []));
    expect(written.length).toBeGreaterThan(0);
    for (const s of written) expect(s.total).toBe(ROWS);
    // it only moves forward
    expect(written.map((s) => s.written)).toEqual([...written.map((s) => s.written)].sort((a, b) => a - b));
    expect(await (await ask(preview.fileHash)).json()).toEqual({ stage: "idle" });
  });

  it("is read by another client (another app instance) while the apply runs, with a growing count", async () => {
    signInAs(data);
    const list = csvText([
      ["考生号", "姓名", "联系电话", "地区"],
      ...Array.from({ length: 10_000 }, (_, i) => [
        `2451020200${String(i).padStart(4, "0")}`,
        `另一考生${i}`,
        `137${String(i).padStart(8, "0")}`,
        "成都",
      ]),
    ]);
    const form = new FormData();
    form.set("file", new File([list], "投档名单二.csv", { type: "text/csv" }));
    form.set("kind", "toudang");
    const preview = (await (
      await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }))
    ).json()) as { fileHash: string };

    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      const read = async () =>
        (
          await other.query<{ stage: string; written: number; total: number }>(
            `SELECT stage, written, total FROM "ImportProgress" WHERE "fileHash" = $1`,
            [preview.fileHash],
          )
        ).rows[0] ?? null;
      const seen: { stage: string; written: number; total: number }[] = [];
      let done = false;
      const apply = applyUpload({
        fileHash: preview.fileHash,
        format: "csv",
        kind: "toudang",
        fileName: "投档名单二.csv",
        expectedRows: 10_000,
      }).finally(() => {
        done = true;
      });
      while (!done) {
        const row = await read();
        if (row && JSON.stringify(seen.at(-1)) !== JSON.stringify(row)) seen.push(row);
      }
      expect(await apply).toMatchObject({ ok: true, data: { created: 10_000 } });

      const writing = seen.filter((row) => row.stage === "writing");
      // at least two chunks seen from outside, each further than the one before, out of the whole list
      expect(writing.length).toBeGreaterThanOrEqual(2);
      for (const row of writing) expect(row.total).toBe(10_000);
      const counts = writing.map((row) => row.written);
      expect(counts).toEqual([...new Set(counts)].sort((a, b) => a - b));
      expect(await read()).toBeNull();
    } finally {
      await other.end();
    }
  });

  it("answers only the data team", async () => {
    signInAs(null);
    expect((await ask("0".repeat(64))).status).toBe(401);
    signInAs(await createUser(db(), { login: "progress-lead", roles: ["CALLBACK_LEAD"] }));
    expect((await ask("0".repeat(64))).status).toBe(403);
    signInAs(data);
    expect((await ask("not-a-hash")).status).toBe(400);
  });
});
