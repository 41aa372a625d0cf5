// `npm run bench:load`: 50, 100 and 200 callers pressing 保存 at the same moment (docs/reliability.md #22), each
// logging a contact for a different candidate of the demo campaign through the real logContact action,
// on the server's default pool of 10 connections. Beside each wave, the floor: the same number of plain
// ContactLog + AuditLog transactions fired at once. It prints the wall time of a wave, each call's p50 and
// p99, and checks that no call failed (no pool timeout) and no contact was lost: the log count grows by
// exactly the number of calls. It asserts nothing about time (machines are noisy).
import { randomUUID } from "node:crypto";
import { beforeAll, bench, describe } from "vitest";
import { logContact } from "@/app/(app)/calls/actions";
import { db } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { signInAs } from "../support/session";

// the server's default pool (lib/env), not the integration tests' smaller one
process.env.DATABASE_POOL_SIZE = "10";

const WAVES = [50, 100, 200] as const;
const ROUNDS = 5;

interface Slot {
  caller: { id: string; name: string; login: string; roles: ("CALLER" | "GROUP_LEADER")[] };
  candidateId: string;
  campaignId: string;
}

let slots: Slot[] = [];
const results: string[] = [];

beforeAll(async () => {
  await seedDemo(db(), new Date());
  // admitted candidates with a caller: a consultation call is allowed in the open 报到 phase
  const candidates = await db().candidate.findMany({
    where: { admitted: true, assignedCallerId: { not: null } },
    select: {
      id: true,
      campaignId: true,
      assignedCaller: { select: { id: true, name: true, login: true, roles: true } },
    },
    orderBy: { examNo: "asc" },
    take: Math.max(...WAVES),
  });
  slots = candidates.flatMap((c) =>
    c.assignedCaller
      ? [{ caller: c.assignedCaller as Slot["caller"], candidateId: c.id, campaignId: c.campaignId }]
      : [],
  );
  if (slots.length < Math.max(...WAVES)) throw new Error(`only ${slots.length} workable candidates in the demo`);
}, 180_000);

function contact(candidateId: string) {
  return {
    candidateId,
    idempotencyKey: randomUUID(),
    channel: "PHONE",
    durationSeconds: 95,
    outcome: "CONSULTED",
    notes: "确认报到时间",
  };
}

function floorWrite(slot: Slot) {
  const logId = randomUUID();
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "ContactLog" (id, "campaignId", "candidateId", "callerId", phase, channel, "startedAt",
        "durationSeconds", outcome, notes, "idempotencyKey", "updatedAt")
      VALUES (${logId}, ${slot.campaignId}, ${slot.candidateId}, ${slot.caller.id}, 4, 'PHONE', now(), 95,
        'CONSULTED', '确认报到时间', ${randomUUID()}, now())`;
    await tx.$executeRaw`
      INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", "requestId")
      VALUES (${randomUUID()}, ${slot.caller.id}, 'contact.create', 'ContactLog', ${logId}, ${randomUUID()})`;
  });
}

/** Fires one wave at once; answers each call's milliseconds and how many failed. */
async function wave(size: number, run: (slot: Slot) => Promise<unknown>) {
  const started = performance.now();
  const settled = await Promise.allSettled(
    slots.slice(0, size).map(async (slot) => {
      const t0 = performance.now();
      await run(slot);
      return performance.now() - t0;
    }),
  );
  const wall = performance.now() - started;
  const times = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failures = settled
    .filter((s) => s.status === "rejected")
    .map((s) => String((s as PromiseRejectedResult).reason));
  return { wall, times, failures };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(size: number, label: string, run: (slot: Slot) => Promise<unknown>) {
  const before = await db().contactLog.count();
  const walls: number[] = [];
  const times: number[] = [];
  const failures: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const w = await wave(size, run);
    walls.push(w.wall);
    times.push(...w.times);
    failures.push(...w.failures);
  }
  const added = (await db().contactLog.count()) - before;
  times.sort((a, b) => a - b);
  walls.sort((a, b) => a - b);
  return {
    label,
    size,
    wall: pct(walls, 50),
    p50: pct(times, 50),
    p99: pct(times, 99),
    failures,
    added,
    expected: size * ROUNDS,
  };
}

describe("callers logging at the same moment", () => {
  for (const size of WAVES) {
    bench(
      `${size} at once`,
      async () => {
        const floor = await measure(size, "floor", (slot) => floorWrite(slot));
        const action = await measure(size, "logContact", async (slot) => {
          signInAs(slot.caller);
          // the action reads the session when it starts: the next slot's sign-in does not leak into it
          const result = await logContact(contact(slot.candidateId));
          if (!result.ok) throw new Error(`refused: ${result.error}`);
        });
        const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(9);
        for (const m of [floor, action]) {
          results.push(
            `${String(size).padStart(4)} at once  ${m.label.padEnd(11)} wave ${ms(m.wall)}  per call p50 ${ms(m.p50)} p99 ${ms(m.p99)}` +
              `  failed ${m.failures.length}  logs added ${m.added}/${m.expected}${m.added === m.expected ? "" : "  LOST"}`,
          );
          if (m.failures.length > 0) results.push(`      first failure: ${m.failures[0]}`);
        }
        results.push(`      logContact wave / floor wave: ${(action.wall / floor.wall).toFixed(1)}x`);
      },
      {
        iterations: 1,
        time: 0,
        warmupIterations: 0,
        warmupTime: 0,
        teardown: (_task, mode) => {
          if (mode === "run" && size === WAVES[WAVES.length - 1]) {
            console.log([`bench:load, ${ROUNDS} waves of each size, pool of 10 connections`, ...results].join("\n"));
          }
        },
      },
    );
  }
});
