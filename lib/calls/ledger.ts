// A candidate's ledger totals (台账合计): every contact made on the candidate counts, whoever made it (the
// caller, the group leader, the strike team), as the strike queue counts them; the viewer's own share is
// kept beside it. A caller's workload (lib/calls/queries callerWorkload) counts only their own contacts.
// Pure: the candidate page hands the logs it read.

export interface LedgerTotals {
  contacts: number;
  seconds: number;
  /** the viewer's own contacts with the candidate */
  mine: { contacts: number; seconds: number };
}

export function ledgerTotals(
  logs: readonly { callerId: string; durationSeconds: number }[],
  viewerId: string,
): LedgerTotals {
  const totals: LedgerTotals = { contacts: 0, seconds: 0, mine: { contacts: 0, seconds: 0 } };
  for (const log of logs) {
    totals.contacts += 1;
    totals.seconds += log.durationSeconds;
    if (log.callerId === viewerId) {
      totals.mine.contacts += 1;
      totals.mine.seconds += log.durationSeconds;
    }
  }
  return totals;
}
