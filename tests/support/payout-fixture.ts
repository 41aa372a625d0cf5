// A campaign small enough to pay by hand (docs/domain.md, "The subsidy"), shared by the payout and settings tests:
// - caller A has 20 admitted candidates, 19 enrolled (95.0%), 80 contacts of 5 minutes = 400 minutes,
//   exactly the minimum workload for 20 assigned (4 × 20 contacts, 20 × 20 minutes);
//   tier 94% < r ≤ 95% pays 65 元, plus 10 full steps above 94.0% × 0.5 元 = 70.00 元 per student;
//   19 × 70.00 = 1,330.00 元;
// - leader A has no candidate: no rate, nothing;
// - caller B has 1 admitted, 0 enrolled: 0%, below 92%, nothing;
// - group A pools 19 / 20 = 95.0% ≥ 95%: leader bonus 1,500.00 元; group B 0 / 1: nothing.
// Total 1,330.00 + 1,500.00 = 2,830.00 元.
import { db } from "@/lib/db";
import { createCandidate } from "@/prisma/seed/factories";
import { buildCallsFixture } from "./calls-fixtures";

export const CALLER_A_FEN = 133_000;
export const LEADER_A_FEN = 150_000;
export const HAND_COMPUTED_TOTAL_FEN = CALLER_A_FEN + LEADER_A_FEN;

/** The campaign above, and caller A's one candidate still pending (enrolling them reaches 100%). */
export async function buildPayoutFixture() {
  const fx = await buildCallsFixture({ openPhase: 4 });
  const prisma = db();
  // enrolled as recorded by a 报到 list: what payouts count (a caller's 已报到 alone is a claim)
  await prisma.candidate.update({
    where: { id: fx.candidateA.id },
    data: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
  });
  const more: Awaited<ReturnType<typeof createCandidate>>[] = [];
  for (let i = 0; i < 19; i++) {
    more.push(
      await createCandidate(prisma, {
        campaignId: fx.campaign.id,
        groupId: fx.groupA.id,
        assignedCallerId: fx.users.callerA.id,
        region: "成都",
        admitted: true,
        enrollment: i < 18 ? "ENROLLED" : "PENDING",
        enrollmentRecord: i < 18 ? "LIST" : null,
      }),
    );
  }
  await prisma.contactLog.createMany({
    data: Array.from({ length: 80 }, (_, i) => ({
      campaignId: fx.campaign.id,
      candidateId: (more[i % more.length] ?? fx.candidateA).id,
      callerId: fx.users.callerA.id,
      phase: 4,
      channel: "PHONE" as const,
      startedAt: new Date(fx.now.getTime() - (i + 1) * 60_000),
      durationSeconds: 300,
      outcome: "REACHED",
      idempotencyKey: `${fx.tag}-${i}`,
    })),
  });
  const pending = more[18];
  if (!pending) throw new Error("fixture");
  return { fx, pending };
}
