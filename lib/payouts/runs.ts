import type { Reader } from "@/lib/db/client";
import type { PayoutInput, PayoutResult, SubsidyPolicy } from "@/lib/subsidy";
import { projectPayouts } from "./index";

/** Names as they were when the payout was computed, so a frozen run reads the same years later. */
export interface PayoutNames {
  people: Record<string, string>;
  groups: Record<string, string>;
}

export interface PayoutSnapshot {
  policy: SubsidyPolicy;
  input: PayoutInput;
  names: PayoutNames;
  result: PayoutResult;
}

/** The payout if the campaign closed now, with the names needed to read it. */
export async function payoutSnapshot(reader: Reader, campaignId: string): Promise<PayoutSnapshot> {
  const { input, policy, result } = await projectPayouts(reader, campaignId);
  const personIds = [...new Set([...input.callers.map((c) => c.callerId), ...input.groups.map((g) => g.leaderId)])];
  const [people, groups] = await Promise.all([
    reader.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
    reader.group.findMany({ where: { campaignId }, select: { id: true, name: true } }),
  ]);
  return {
    policy,
    input,
    names: {
      people: Object.fromEntries(people.map((p) => [p.id, p.name])),
      groups: Object.fromEntries(groups.map((g) => [g.id, g.name])),
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
  const snapshot: PayoutSnapshot = {
    policy: run.policy as unknown as SubsidyPolicy,
    input: inputs.input,
    names: inputs.names,
    result: run.result as unknown as PayoutResult,
  };
  return { version: run.version, signedOffAt: run.signedOffAt, signedOffBy: run.signedOffBy.name, snapshot };
}
