// A campaign is created by an admin, from the plan's defaults or copied from an earlier campaign (its
// rates, policies, groups and the latest scripts and manual; its people and candidates stay with it), and one campaign is the current
// one, which every working page and action uses (lib/campaign/latest.ts).
import { z } from "zod";
import { defineAction } from "@/lib/action/definition";
import { ActionError, type FieldErrors, messageKey } from "@/lib/action/errors";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { copyScripts } from "@/lib/scripts/save";
import { issueTexts } from "@/lib/settings/messages";
import { PHASES, parsePhaseRows } from "@/lib/settings/phases";
import { defaultSettings, settingsOf } from "@/lib/settings/sections";
import { CURRENT_CAMPAIGN_FIRST } from "./latest";

export const CAMPAIGN_NAME_MAX = 40;
/** Campaign years the app accepts: the phase rules read a window against its year and the next. */
export const CAMPAIGN_YEARS = { min: 2020, max: 2100 } as const;
export const PLAN_SIZE_MAX = 100_000;

const wholeNumber = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number);

export const newCampaignSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, messageKey("campaigns.errors.nameRequired"))
    .max(CAMPAIGN_NAME_MAX, messageKey("campaigns.errors.nameTooLong")),
  year: wholeNumber(messageKey("campaigns.errors.year")).refine(
    (year) => year >= CAMPAIGN_YEARS.min && year <= CAMPAIGN_YEARS.max,
    messageKey("campaigns.errors.year"),
  ),
  planSize: wholeNumber(messageKey("campaigns.errors.planSize")).refine(
    (size) => size >= 1 && size <= PLAN_SIZE_MAX,
    messageKey("campaigns.errors.planSize"),
  ),
  /** the campaign to copy rates, policies and groups from; "" for the plan's defaults */
  copyFrom: z.string().max(64),
  phases: z
    .array(
      z.strictObject({
        phase: z.number().int(),
        opensAt: z.string().max(32),
        closesAt: z.string().max(32),
      }),
    )
    .length(PHASES.length),
});

export type NewCampaign = z.output<typeof newCampaignSchema>;

type Created = { id: string; name: string; year: number; isCurrent: boolean; groupsCopied: number };

/**
 * Creates the campaign with its four phase windows. It becomes the current one only when it is the
 * first: a college sets up next year's campaign while this year's still runs, and switches when ready.
 */
export async function createCampaign(
  tx: Prisma.TransactionClient,
  input: NewCampaign,
): Promise<{ ok: true; campaign: Created } | { ok: false; fieldErrors: FieldErrors }> {
  const phases = parsePhaseRows(input.phases, input.year);
  if (!phases.ok) return { ok: false, fieldErrors: issueTexts(phases.issues) };
  const source = input.copyFrom
    ? await tx.campaign.findUnique({
        where: { id: input.copyFrom },
        include: { groups: { select: { name: true, region: true }, orderBy: { createdAt: "asc" } } },
      })
    : null;
  if (input.copyFrom && !source) {
    return { ok: false, fieldErrors: { copyFrom: [text("campaigns.errors.sourceGone")] } };
  }
  const taken = await tx.campaign.findUnique({ where: { year_name: { year: input.year, name: input.name } } });
  if (taken) {
    return { ok: false, fieldErrors: { name: [text("campaigns.errors.nameTaken", { year: input.year })] } };
  }
  const settings = source ? { ...settingsOf(source), planSize: input.planSize } : defaultSettings(input.planSize);
  // creating never switches the app: the campaign in use so far is pinned as current (it may have been
  // current only as the newest), and the new one is current only when it is the first
  const inUse = await tx.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true, isCurrent: true } });
  if (inUse && !inUse.isCurrent) await tx.campaign.update({ where: { id: inUse.id }, data: { isCurrent: true } });
  const json = (value: unknown) => value as Prisma.InputJsonValue;
  const campaign = await tx.campaign.create({
    data: {
      name: input.name,
      year: input.year,
      planSize: settings.planSize,
      basicRatePermille: settings.basicRatePermille,
      targetRatePermille: settings.targetRatePermille,
      retentionDays: settings.retentionDays,
      subsidyPolicy: json(settings.subsidy),
      workflowPolicy: json(settings.workflow),
      inspectionPolicy: json(settings.inspection),
      strikePolicy: json(settings.strike),
      prospectPolicy: json(settings.prospects),
      isCurrent: !inUse,
      phaseWindows: { create: phases.windows },
      // a group keeps its name and region; its leader and members are this year's choice
      groups: { create: (source?.groups ?? []).map((g) => ({ name: g.name, region: g.region })) },
    },
    select: { id: true, name: true, year: true, isCurrent: true },
  });
  // the training manual and the call scripts start from the earlier campaign's latest texts
  if (source) await copyScripts(tx, source.id, campaign.id);
  return { ok: true, campaign: { ...campaign, groupsCopied: source?.groups.length ?? 0 } };
}

/**
 * Makes a campaign the current one (the others stop being so in the same transaction). Two admins
 * switching at once: the partial unique index lets one win, the other gets a conflict.
 */
export async function makeCurrentCampaign(
  tx: Prisma.TransactionClient,
  campaignId: string,
): Promise<{ found: false } | { found: true; previousId: string | null; changed: boolean }> {
  const target = await tx.campaign.findUnique({ where: { id: campaignId }, select: { isCurrent: true } });
  if (!target) return { found: false };
  const previous = await tx.campaign.findFirst({ where: { isCurrent: true }, select: { id: true } });
  if (target.isCurrent) return { found: true, previousId: campaignId, changed: false };
  await tx.campaign.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
  await tx.campaign.update({ where: { id: campaignId }, data: { isCurrent: true } });
  return { found: true, previousId: previous?.id ?? null, changed: true };
}

/** The campaigns page's 新建届次: creates a campaign from the plan's defaults or from an earlier one. */
export const CREATE_CAMPAIGN = defineAction({
  name: "campaign.create",
  permission: "campaign.configure",
  schema: newCampaignSchema,
  run: async (input, { tx, audit }) => {
    const created = await createCampaign(tx, input);
    if (!created.ok) throw new ActionError("INVALID_INPUT", created.fieldErrors);
    audit({
      entityType: "Campaign",
      entityId: created.campaign.id,
      after: {
        name: input.name,
        year: input.year,
        planSize: input.planSize,
        copiedFrom: input.copyFrom || null,
        isCurrent: created.campaign.isCurrent,
        groupsCopied: created.campaign.groupsCopied,
      },
    });
    return created.campaign;
  },
});
