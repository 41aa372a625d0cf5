"use server";

import { isDeepStrictEqual } from "node:util";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action } from "@/lib/action";
import { campaignInUse } from "@/lib/campaign/current";
import { issueTexts } from "@/lib/settings/messages";
import { parsePhaseRows } from "@/lib/settings/phases";
import { applySection, SECTIONS, sectionSnapshot, settingsOf } from "@/lib/settings/sections";

const json = (value: unknown) => value as Prisma.InputJsonValue;

// The form carries the campaign's updatedAt as it was read: a save made on an older reading is refused
// (STALE) instead of silently undoing another admin's change.
const versioned = {
  campaignId: z.string().min(1).max(64),
  version: z.iso.datetime(),
};

/** Loads the campaign for a save and checks the form was made from its current version. */
async function campaignAt(tx: Prisma.TransactionClient, campaignId: string, version: string) {
  const campaign = await tx.campaign.findUnique({ where: { id: campaignId } });
  // a past campaign is read-only: settings are changed on the campaign in use (lib/campaign/current.ts)
  if (!campaign || campaign.id !== (await campaignInUse(tx))?.id) throw new ActionError("NOT_FOUND");
  if (campaign.updatedAt.getTime() !== new Date(version).getTime()) throw new ActionError("STALE");
  return campaign;
}

/** Writes the campaign only if nobody wrote it since it was read; returns the new version. */
async function writeCampaign(
  tx: Prisma.TransactionClient,
  campaign: { id: string; updatedAt: Date },
  now: Date,
  data: Prisma.CampaignUpdateManyMutationInput,
): Promise<Date> {
  // strictly later, so two saves in the same millisecond still give two versions
  const updatedAt = new Date(Math.max(now.getTime(), campaign.updatedAt.getTime() + 1));
  const { count } = await tx.campaign.updateMany({
    where: { id: campaign.id, updatedAt: campaign.updatedAt },
    data: { ...data, updatedAt },
  });
  if (count !== 1) throw new ActionError("STALE");
  return updatedAt;
}

function revalidateSettings() {
  revalidatePath("/admin/settings");
  revalidatePath("/admin");
  revalidatePath("/payouts");
}

/**
 * Saves one section of the campaign's settings. Each value is checked against its field's bounds and
 * the policy's own schema; a refusal names every bad field and writes nothing. A signed-off PayoutRun
 * holds its own copy of the policy, so a change here moves the projection only.
 */
export const saveSettingsSection = action(
  {
    name: "campaign.configure",
    permission: "campaign.configure",
    schema: z.strictObject({
      ...versioned,
      section: z.enum(SECTIONS),
      values: z.record(z.string().max(64), z.union([z.string().max(32), z.boolean()])),
      tiers: z
        .array(z.strictObject({ bound: z.string().max(32), inclusive: z.boolean(), yuan: z.string().max(32) }))
        .max(50)
        .optional(),
    }),
  },
  async ({ campaignId, version, section, values, tiers }, { tx, now, audit, unchanged }) => {
    const campaign = await campaignAt(tx, campaignId, version);
    const current = settingsOf(campaign);
    const applied = applySection(current, section, { values, ...(tiers ? { tiers } : {}) });
    if (!applied.ok) throw new ActionError("INVALID_INPUT", issueTexts(applied.issues));
    const before = sectionSnapshot(current, section);
    const after = sectionSnapshot(applied.next, section);
    if (isDeepStrictEqual(before, after)) {
      unchanged();
      return { version: campaign.updatedAt.toISOString() };
    }
    const next = applied.next;
    const data: Prisma.CampaignUpdateManyMutationInput =
      section === "campaign"
        ? {
            planSize: next.planSize,
            basicRatePermille: next.basicRatePermille,
            targetRatePermille: next.targetRatePermille,
            retentionDays: next.retentionDays,
            subsidyPolicy: json(next.subsidy),
          }
        : section === "subsidy"
          ? { subsidyPolicy: json(next.subsidy), workflowPolicy: json(next.workflow) }
          : section === "workflow"
            ? { workflowPolicy: json(next.workflow) }
            : section === "inspection"
              ? { inspectionPolicy: json(next.inspection) }
              : section === "strike"
                ? { strikePolicy: json(next.strike) }
                : { prospectPolicy: json(next.prospects) };
    const updatedAt = await writeCampaign(tx, campaign, now, data);
    audit({
      entityType: "Campaign",
      entityId: campaignId,
      before: json({ section, ...before }),
      after: json({ section, ...after }),
    });
    revalidateSettings();
    return { version: updatedAt.toISOString() };
  },
);

/** Saves the four phase windows (Beijing time), in order and without overlap. */
export const savePhaseWindows = action(
  {
    name: "campaign.configurePhases",
    permission: "campaign.configure",
    schema: z.strictObject({
      ...versioned,
      phases: z
        .array(
          z.strictObject({
            phase: z.int().min(1).max(4),
            opensAt: z.string().max(32),
            closesAt: z.string().max(32),
          }),
        )
        .length(4),
    }),
  },
  async ({ campaignId, version, phases }, { tx, now, audit, unchanged }) => {
    const campaign = await campaignAt(tx, campaignId, version);
    const parsed = parsePhaseRows(phases, campaign.year);
    if (!parsed.ok) throw new ActionError("INVALID_INPUT", issueTexts(parsed.issues));
    const existing = await tx.phaseWindow.findMany({ where: { campaignId }, orderBy: { phase: "asc" } });
    const shape = (rows: readonly { phase: number; opensAt: Date; closesAt: Date }[]) =>
      rows.map((w) => ({ phase: w.phase, opensAt: w.opensAt.toISOString(), closesAt: w.closesAt.toISOString() }));
    const before = shape(existing);
    const after = shape(parsed.windows);
    if (isDeepStrictEqual(before, after)) {
      unchanged();
      return { version: campaign.updatedAt.toISOString() };
    }
    const updatedAt = await writeCampaign(tx, campaign, now, {});
    for (const window of parsed.windows) {
      await tx.phaseWindow.upsert({
        where: { campaignId_phase: { campaignId, phase: window.phase } },
        update: { opensAt: window.opensAt, closesAt: window.closesAt },
        create: { campaignId, ...window },
      });
    }
    audit({
      entityType: "Campaign",
      entityId: campaignId,
      before: json({ phases: before }),
      after: json({ phases: after }),
    });
    revalidateSettings();
    return { version: updatedAt.toISOString() };
  },
);
