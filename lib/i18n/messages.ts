import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "./config";
import accountsEn from "./messages/accounts.en.json";
import accountsZh from "./messages/accounts.zh-CN.json";
import backupEn from "./messages/backup.en.json";
import backupZh from "./messages/backup.zh-CN.json";
import campaignsEn from "./messages/campaigns.en.json";
import campaignsZh from "./messages/campaigns.zh-CN.json";
import commonEn from "./messages/common.en.json";
import commonZh from "./messages/common.zh-CN.json";
import contactEn from "./messages/contact.en.json";
import contactZh from "./messages/contact.zh-CN.json";
import dashboardEn from "./messages/dashboard.en.json";
import dashboardZh from "./messages/dashboard.zh-CN.json";
import declineEn from "./messages/decline.en.json";
import declineZh from "./messages/decline.zh-CN.json";
import enrollmentEn from "./messages/enrollment.en.json";
import enrollmentZh from "./messages/enrollment.zh-CN.json";
import evidenceEn from "./messages/evidence.en.json";
import evidenceZh from "./messages/evidence.zh-CN.json";
import importsEn from "./messages/imports.en.json";
import importsZh from "./messages/imports.zh-CN.json";
import inboxEn from "./messages/inbox.en.json";
import inboxZh from "./messages/inbox.zh-CN.json";
import incidentsEn from "./messages/incidents.en.json";
import incidentsZh from "./messages/incidents.zh-CN.json";
import inspectionEn from "./messages/inspection.en.json";
import inspectionZh from "./messages/inspection.zh-CN.json";
import payoutsEn from "./messages/payouts.en.json";
import payoutsZh from "./messages/payouts.zh-CN.json";
import prospectsEn from "./messages/prospects.en.json";
import prospectsZh from "./messages/prospects.zh-CN.json";
import rosterEn from "./messages/roster.en.json";
import rosterZh from "./messages/roster.zh-CN.json";
import scriptsEn from "./messages/scripts.en.json";
import scriptsZh from "./messages/scripts.zh-CN.json";
import settingsEn from "./messages/settings.en.json";
import settingsZh from "./messages/settings.zh-CN.json";
import staffImportEn from "./messages/staff-import.en.json";
import staffImportZh from "./messages/staff-import.zh-CN.json";
import teamsEn from "./messages/teams.en.json";
import teamsZh from "./messages/teams.zh-CN.json";
import trainingEn from "./messages/training.en.json";
import trainingZh from "./messages/training.zh-CN.json";
import verifyEn from "./messages/verify.en.json";
import verifyZh from "./messages/verify.zh-CN.json";
import worklistsEn from "./messages/worklists.en.json";
import worklistsZh from "./messages/worklists.zh-CN.json";
import type { MessageKey, TranslateFn } from "./text";

// One catalogue per area of the app (common, accounts, campaigns, imports, dashboard, inspection, payouts, settings, staff import,
// roster, training, teams, backup, worklists, contact, inbox, decline, enrollment, evidence, incidents, verify, prospects, scripts), each owning its own
// top-level namespaces, so work on one area never edits another area's file. A unit test checks
// that no namespace is defined twice and that English has exactly the Chinese keys.
export const CATALOGUES = {
  common: { "zh-CN": commonZh, en: commonEn },
  accounts: { "zh-CN": accountsZh, en: accountsEn },
  campaigns: { "zh-CN": campaignsZh, en: campaignsEn },
  imports: { "zh-CN": importsZh, en: importsEn },
  dashboard: { "zh-CN": dashboardZh, en: dashboardEn },
  inspection: { "zh-CN": inspectionZh, en: inspectionEn },
  payouts: { "zh-CN": payoutsZh, en: payoutsEn },
  settings: { "zh-CN": settingsZh, en: settingsEn },
  staffImport: { "zh-CN": staffImportZh, en: staffImportEn },
  roster: { "zh-CN": rosterZh, en: rosterEn },
  training: { "zh-CN": trainingZh, en: trainingEn },
  teams: { "zh-CN": teamsZh, en: teamsEn },
  backup: { "zh-CN": backupZh, en: backupEn },
  worklists: { "zh-CN": worklistsZh, en: worklistsEn },
  contact: { "zh-CN": contactZh, en: contactEn },
  inbox: { "zh-CN": inboxZh, en: inboxEn },
  decline: { "zh-CN": declineZh, en: declineEn },
  enrollment: { "zh-CN": enrollmentZh, en: enrollmentEn },
  evidence: { "zh-CN": evidenceZh, en: evidenceEn },
  incidents: { "zh-CN": incidentsZh, en: incidentsEn },
  verify: { "zh-CN": verifyZh, en: verifyEn },
  prospects: { "zh-CN": prospectsZh, en: prospectsEn },
  scripts: { "zh-CN": scriptsZh, en: scriptsEn },
} as const;

const zhCN = {
  ...commonZh,
  ...accountsZh,
  ...campaignsZh,
  ...importsZh,
  ...dashboardZh,
  ...inspectionZh,
  ...payoutsZh,
  ...settingsZh,
  ...staffImportZh,
  ...rosterZh,
  ...trainingZh,
  ...teamsZh,
  ...backupZh,
  ...worklistsZh,
  ...contactZh,
  ...inboxZh,
  ...declineZh,
  ...enrollmentZh,
  ...evidenceZh,
  ...incidentsZh,
  ...verifyZh,
  ...prospectsZh,
  ...scriptsZh,
};
const en = {
  ...commonEn,
  ...accountsEn,
  ...campaignsEn,
  ...importsEn,
  ...dashboardEn,
  ...inspectionEn,
  ...payoutsEn,
  ...settingsEn,
  ...staffImportEn,
  ...rosterEn,
  ...trainingEn,
  ...teamsEn,
  ...backupEn,
  ...worklistsEn,
  ...contactEn,
  ...inboxEn,
  ...declineEn,
  ...enrollmentEn,
  ...evidenceEn,
  ...incidentsEn,
  ...verifyEn,
  ...prospectsEn,
  ...scriptsEn,
};

export type Messages = typeof zhCN;

// English must have every key Chinese has: checked by the type below and by a unit test.
export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

/** True when `key` names a sentence of the catalogue (zod carries our keys as plain strings). */
export function isMessageKey(key: string): key is MessageKey {
  let node: unknown = MESSAGES[DEFAULT_LOCALE];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** The catalogue's translator (root namespace) in `locale`, for the server and the command line. */
export function translatorFor(locale: Locale): TranslateFn {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (key, values) => t(key as never, values as never);
}
