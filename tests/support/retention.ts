import { db } from "@/lib/db";
import { retentionDueAt } from "@/lib/retention";

/**
 * Moves the campaign's phase windows back in time so that its retention period ended a minute ago by the
 * database's clock, which the audit redaction checks (migration database_roles), and returns that moment.
 * Call it after logging what the test needs: the phases are closed afterwards.
 */
export async function makeRetentionDue(campaignId: string): Promise<Date> {
  const prisma = db();
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: { phaseWindows: true },
  });
  const dueAt = retentionDueAt(campaign);
  if (!dueAt) throw new Error(`campaign ${campaignId} has no phase windows: it never falls due`);
  const [{ now }] = await prisma.$queryRaw<[{ now: Date }]>`SELECT now() AS now`;
  const shiftMs = dueAt.getTime() - now.getTime() + 60_000;
  await prisma.$executeRaw`
    UPDATE "PhaseWindow"
       SET "opensAt" = "opensAt" - ${shiftMs} * interval '1 millisecond',
           "closesAt" = "closesAt" - ${shiftMs} * interval '1 millisecond'
     WHERE "campaignId" = ${campaignId}`;
  return new Date(dueAt.getTime() - shiftMs);
}
