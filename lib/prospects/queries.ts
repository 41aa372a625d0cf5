import "server-only";
// What the consultations page, a person's phase-1 record and a candidate's page read (lib/db's boundary).
import { db } from "@/lib/db";
import { registrationPoints } from "./points";
import { prospectPolicyOf } from "./policy";

/** A consultant's own consultations in the campaign, newest first, with the prospect and its registration. */
export async function myConsultations(campaignId: string, consultantId: string, take = 100) {
  return db().consultation.findMany({
    where: { campaignId, consultantId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      channel: true,
      question: true,
      answer: true,
      createdAt: true,
      prospect: {
        select: {
          id: true,
          name: true,
          examNo: true,
          region: true,
          candidateId: true,
          registrations: { select: { number: true, registeredOn: true, registrarId: true } },
        },
      },
    },
  });
}

/** A person's phase-1 record: consultations answered, registrations made, their points and what they pay. */
export async function phaseOneRecord(campaign: { id: string; prospectPolicy: unknown }, userId: string) {
  const [consultations, registrations, placed] = await Promise.all([
    db().consultation.count({ where: { campaignId: campaign.id, consultantId: userId } }),
    db().sourceRegistration.count({ where: { campaignId: campaign.id, registrarId: userId } }),
    // the payout run pays the staff placed in a group (lib/payouts/inputs.ts); anyone else's points are
    // recorded but not paid here, and the card must not promise otherwise
    db().staffProfile.count({ where: { campaignId: campaign.id, userId, groupId: { not: null } } }),
  ]);
  return {
    consultations,
    inPayoutRun: placed > 0,
    ...registrationPoints(registrations, prospectPolicyOf(campaign.prospectPolicy)),
  };
}

/** What phase 1 knew of a candidate: the prospect linked to them, its consultations and registration, by whom. */
export async function prospectOfCandidate(candidateId: string) {
  return db().prospect.findUnique({
    where: { candidateId },
    select: {
      id: true,
      matchedAt: true,
      consultations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          channel: true,
          question: true,
          answer: true,
          createdAt: true,
          consultant: { select: { name: true } },
        },
      },
      registrations: {
        select: { id: true, number: true, registeredOn: true, registrar: { select: { name: true } } },
      },
    },
  });
}
