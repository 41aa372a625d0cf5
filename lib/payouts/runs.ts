import type { Reader } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import type { PayoutInput, PayoutResult, SubsidyPolicy } from "@/lib/subsidy";
import { projectPayouts } from "./index";
import type { PayoutNames } from "./names";
import { nameMap, withNames } from "./names";

export type { PayoutNames } from "./names";

/**
 * A signed-off run's explanation as it read when it was signed: Chinese lines with the names of that
 * moment, per caller and per group. Shown as they are, never rendered again.
 */
export interface FrozenLines {
  callers: Record<string, string[]>;
  groups: Record<string, string[]>;
}

export interface PayoutSnapshot {
  policy: SubsidyPolicy;
  input: PayoutInput;
  names: PayoutNames;
  result: PayoutResult;
  /** a signed-off run's frozen text; absent on the live projection, which renders its steps */
  frozen?: FrozenLines;
}

/**
 * The result as a sign-off stores it: the steps, and beside each payout's steps the Chinese lines they
 * read as now, with today's names (the signed record is Chinese, like the plan it pays by).
 */
export function resultToSign(snapshot: PayoutSnapshot) {
  const t = translatorFor("zh-CN");
  const names = nameMap(snapshot.names);
  const lines = (steps: PayoutResult["callers"][number]["steps"]) =>
    steps.map((step) => renderText(t, withNames(step, names)));
  return {
    ...snapshot.result,
    callers: snapshot.result.callers.map((c) => ({ ...c, lines: lines(c.steps) })),
    groups: snapshot.result.groups.map((g) => ({ ...g, lines: lines(g.steps) })),
  };
}

/** A stored result: runs signed before steps hold only `lines` (Chinese, people and groups by id). */
type StoredPayout = { steps?: PayoutResult["callers"][number]["steps"]; lines?: string[] };

// Runs signed before steps named people by id inside their lines and were shown with each word that is
// an id replaced by its name; they still are, from the names stored with the run.
function legacyWithNames(line: string, names: ReadonlyMap<string, string>): string {
  return line.replace(/[A-Za-z0-9_-]+/g, (word) => names.get(word) ?? word);
}

function frozenLinesOf(result: PayoutResult, names: PayoutNames): FrozenLines {
  const byId = nameMap(names);
  const stored = (payout: StoredPayout) =>
    payout.steps === undefined ? (payout.lines ?? []).map((line) => legacyWithNames(line, byId)) : (payout.lines ?? []);
  return {
    callers: Object.fromEntries(result.callers.map((c) => [c.callerId, stored(c as StoredPayout)])),
    groups: Object.fromEntries(result.groups.map((g) => [g.groupId, stored(g as StoredPayout)])),
  };
}

/** The payout if the campaign closed now, with the names needed to read it. */
export async function payoutSnapshot(reader: Reader, campaignId: string): Promise<PayoutSnapshot> {
  const { input, policy, result } = await projectPayouts(reader, campaignId);
  const personIds = [...new Set([...input.callers.map((c) => c.callerId), ...input.groups.map((g) => g.leaderId)])];
  const [people, groups, reasons] = await Promise.all([
    reader.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
    reader.group.findMany({ where: { campaignId }, select: { id: true, name: true } }),
    reader.staffProfile.findMany({
      where: { campaignId, userId: { in: personIds }, overtimeReason: { not: null } },
      select: { userId: true, overtimeReason: true },
    }),
  ]);
  return {
    policy,
    input,
    names: {
      people: Object.fromEntries(people.map((p) => [p.id, p.name])),
      groups: Object.fromEntries(groups.map((g) => [g.id, g.name])),
      overtimeReasons: Object.fromEntries(reasons.map((r) => [r.userId, r.overtimeReason ?? ""])),
    },
    result,
  };
}

/** Signed-off runs, newest first (the run itself stays in the row, untouched, forever). */
export async function payoutRuns(reader: Reader, campaignId: string) {
  return reader.payoutRun.findMany({
    where: { campaignId },
    orderBy: { version: "desc" },
    select: {
      version: true,
      totalFen: true,
      signedOffAt: true,
      signedOffBy: { select: { name: true } },
    },
  });
}

/** One signed-off run read back as the snapshot it froze; null if there is no such version. */
export async function frozenRun(reader: Reader, campaignId: string, version: number) {
  const run = await reader.payoutRun.findUnique({
    where: { campaignId_version: { campaignId, version } },
    include: { signedOffBy: { select: { name: true } } },
  });
  if (!run) return null;
  const inputs = run.inputs as unknown as { input: PayoutInput; names: PayoutNames };
  const result = run.result as unknown as PayoutResult;
  const snapshot: PayoutSnapshot & { frozen: FrozenLines } = {
    policy: run.policy as unknown as SubsidyPolicy,
    input: inputs.input,
    names: inputs.names,
    result,
    frozen: frozenLinesOf(result, inputs.names),
  };
  return {
    id: run.id,
    version: run.version,
    totalFen: run.totalFen,
    signedOffAt: run.signedOffAt,
    signedOffBy: run.signedOffBy.name,
    issuer: run.issuer,
    snapshot,
  };
}
