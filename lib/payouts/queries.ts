import "server-only";
// What the payout pages read: the projection as it would be signed now beside the versions signed
// before, and one signed version from its frozen snapshot.
import { db } from "@/lib/db";
import { frozenRun, payoutRuns, payoutSnapshot } from "./runs";
import { payoutPeople } from "./statements";

export async function currentPayouts(campaignId: string) {
  const [snapshot, runs] = await Promise.all([payoutSnapshot(db(), campaignId), payoutRuns(db(), campaignId)]);
  return { snapshot, runs };
}

export function signedPayouts(campaignId: string, version: number) {
  return frozenRun(db(), campaignId, version);
}

/**
 * One signed version per person, for the finance export and the statements: the run's own figures and
 * frozen lines, with each person's login (a login is not part of the run; a deleted account has none).
 */
export async function signedPayoutPeople(campaignId: string, version: number) {
  const run = await frozenRun(db(), campaignId, version);
  if (!run) return null;
  const people = payoutPeople(run.snapshot);
  const accounts = await db().user.findMany({
    where: { id: { in: people.map((p) => p.personId) } },
    select: { id: true, login: true },
  });
  const logins = new Map(accounts.map((a) => [a.id, a.login]));
  return { run, people: people.map((p) => ({ ...p, login: logins.get(p.personId) ?? "" })) };
}
