"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey, requiredWords } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { normalizeExamNo, normalizePhone } from "@/lib/import/normalize";
import { CONSULTATION_CHANNELS, prospectForConsultation } from "@/lib/prospects";
import { beijingDay, parseDay, toDateColumn } from "@/lib/time";

const words = (max: number, required: Parameters<typeof requiredWords>[1]) =>
  requiredWords(max, required, "prospects.errors.tooLong");

/**
 * 登记咨询: a team member records an inbound question from a prospective candidate or parent. The
 * consultation is its own record; it creates the prospect or updates the one with the same exam number,
 * else the same phone (lib/prospects/match.ts). The audit row names the prospect, never the phone.
 */
export const logConsultation = action(
  {
    name: "consultation.log",
    permission: "consultation.log",
    schema: z
      .object({
        name: words(40, "prospects.errors.nameRequired"),
        phone: z.string().trim().max(40),
        examNo: z.string().trim().max(40),
        region: z.string().trim().max(40),
        channel: z.enum(CONSULTATION_CHANNELS, messageKey("prospects.errors.channelRequired")),
        question: words(1000, "prospects.errors.questionRequired"),
        answer: words(1000, "prospects.errors.answerRequired"),
      })
      .strict(),
  },
  async (input, { tx, user, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const phone = normalizePhone(input.phone);
    if (!phone.ok) {
      const key = phone.code === "REQUIRED" ? "prospects.errors.phoneRequired" : "prospects.errors.phoneFormat";
      throw new ActionError("INVALID_INPUT", { phone: [text(key)] });
    }
    let examNo: string | null = null;
    if (input.examNo !== "") {
      const parsed = normalizeExamNo(input.examNo);
      if (!parsed.ok) throw new ActionError("INVALID_INPUT", { examNo: [text("prospects.errors.examNoFormat")] });
      examNo = parsed.value;
    }
    const existing = await tx.prospect.findMany({
      where: { campaignId, OR: [...(examNo ? [{ examNo }] : []), { phone: phone.value }] },
      orderBy: { updatedAt: "desc" },
      select: { id: true, examNo: true, phone: true, region: true },
    });
    const found = prospectForConsultation({ examNo, phone: phone.value }, existing);
    const region = input.region === "" ? null : input.region;
    const prospect = found
      ? await tx.prospect.update({
          where: { id: found.id },
          data: {
            name: input.name,
            phone: phone.value,
            examNo: examNo ?? found.examNo,
            region: region ?? found.region,
          },
          select: { id: true },
        })
      : await tx.prospect.create({
          data: { campaignId, name: input.name, phone: phone.value, examNo, region },
          select: { id: true },
        });
    const consultation = await tx.consultation.create({
      data: {
        campaignId,
        prospectId: prospect.id,
        consultantId: user.id,
        channel: input.channel,
        question: input.question,
        answer: input.answer,
      },
      select: { id: true },
    });
    audit({
      entityType: "Consultation",
      entityId: consultation.id,
      after: { prospectId: prospect.id, newProspect: !found, channel: input.channel, examNoKnown: examNo !== null },
    });
    revalidatePath("/consultations");
    return { id: consultation.id, prospectId: prospect.id, newProspect: !found };
  },
);

/**
 * 生源报备: the person records that they registered a prospect they consulted as their own source in the
 * college's 全员招生报备 system, with that system's number (unique in the campaign) and the day. One
 * registration per prospect: the external system gives a source one registrar.
 */
export const registerSource = action(
  {
    name: "sourceRegistration.record",
    permission: "sourceRegistration.record",
    schema: z
      .object({
        prospectId: z.string().min(1).max(64),
        number: z
          .string()
          .trim()
          .min(1, messageKey("prospects.errors.numberRequired"))
          .max(40, messageKey("prospects.errors.tooLong"))
          .regex(/^[0-9A-Za-z-]+$/, messageKey("prospects.errors.numberFormat")),
        registeredOn: z
          .string()
          .trim()
          .refine((value) => parseDay(value) !== null, messageKey("prospects.errors.dayRequired")),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    // one's own prospects: those one consulted
    const prospect = await tx.prospect.findFirst({
      where: { id: input.prospectId, campaignId, consultations: { some: { consultantId: user.id } } },
      select: { id: true, registrations: { select: { id: true } } },
    });
    if (!prospect) throw new ActionError("NOT_FOUND");
    if (prospect.registrations.length > 0) {
      throw new ActionError("INVALID_INPUT", { number: [text("prospects.errors.alreadyRegistered")] });
    }
    if (input.registeredOn > beijingDay(now)) {
      throw new ActionError("INVALID_INPUT", { registeredOn: [text("prospects.errors.dayInFuture")] });
    }
    const taken = await tx.sourceRegistration.findUnique({
      where: { campaignId_number: { campaignId, number: input.number } },
      select: { id: true },
    });
    if (taken) throw new ActionError("INVALID_INPUT", { number: [text("prospects.errors.numberTaken")] });
    const registration = await tx.sourceRegistration.create({
      data: {
        campaignId,
        prospectId: prospect.id,
        registrarId: user.id,
        number: input.number,
        registeredOn: toDateColumn(input.registeredOn),
      },
      select: { id: true },
    });
    audit({ entityType: "SourceRegistration", entityId: registration.id, after: input });
    revalidatePath("/consultations");
    revalidatePath("/calls");
    return { id: registration.id };
  },
);
