import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { candidateRows, type ExportKind, exportScope, ledgerRows } from "@/lib/export/queries";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import { type Messages, translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { beijingDateTime } from "@/lib/time";

const KINDS: readonly ExportKind[] = ["campaign", "group", "caller"];

/**
 * xlsx exports: `campaign` (every candidate with statuses), `group` and `caller` (the ledger, 台账).
 * Phone numbers are never exported. Every export is audited. Who may export what is exportScope's;
 * anything else is "not found", so an export URL reveals nothing about other groups. Headers, sheet
 * and file names and the statuses are in the reader's language; the candidates' data as stored.
 */
export const GET = route<{ kind: string }>(
  { name: "export", permission: "export.download", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, params: { kind }, query, audit, t, render }) => {
    if (!KINDS.includes(kind as ExportKind)) return routeFailure("NOT_FOUND");
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const scope = await exportScope(user, kind as ExportKind, {
      campaignId: campaign.id,
      groupId: query.get("groupId"),
      callerId: query.get("callerId"),
    });
    if (!scope) return routeFailure("NOT_FOUND");

    const yesNo = (v: boolean) => (v ? t("exports.yes") : t("exports.no"));
    const day = (d: Date | null) => (d ? beijingDateTime(d).replace("T", " ") : "");
    const header = (column: keyof Messages["exports"]["columns"]) => t(`exports.columns.${column}`);
    const sheet = t(kind === "campaign" ? "exports.sheets.campaign" : "exports.sheets.ledger");
    const creator = t("app.name");
    const file =
      kind === "campaign"
        ? await buildWorkbook({
            name: sheet,
            creator,
            rows: await candidateRows(scope.candidateWhere),
            columns: [
              { header: header("examNo"), width: 18, value: (c) => c.examNo },
              { header: header("name"), value: (c) => c.name },
              { header: header("gender"), width: 6, value: (c) => c.gender },
              { header: header("region"), value: (c) => c.region },
              { header: header("school"), width: 22, value: (c) => c.school },
              { header: header("major"), width: 18, value: (c) => c.major },
              { header: header("firstChoice"), value: (c) => (c.firstChoice === null ? "" : yesNo(c.firstChoice)) },
              { header: header("intent"), value: (c) => (c.intent ? t(`intent.${c.intent}`) : "") },
              { header: header("withdrawal"), value: (c) => t(`withdrawal.status.${c.withdrawal}`) },
              { header: header("admitted"), value: (c) => yesNo(c.admitted) },
              { header: header("comeIntent"), value: (c) => (c.comeIntent ? t(`comeIntent.${c.comeIntent}`) : "") },
              { header: header("paid"), value: (c) => yesNo(c.paid) },
              { header: header("dormChosen"), value: (c) => yesNo(c.dormChosen) },
              { header: header("busBooked"), value: (c) => yesNo(c.busBooked) },
              { header: header("masterInterest"), value: (c) => yesNo(c.masterInterest) },
              { header: header("enrollment"), value: (c) => t(`enrollment.${c.enrollment}`) },
              { header: header("noShowReason"), width: 18, value: (c) => c.noShowReason },
              { header: header("group"), width: 18, value: (c) => c.group?.name ?? "" },
              { header: header("caller"), value: (c) => c.assignedCaller?.name ?? "" },
              { header: header("lastContact"), width: 18, value: (c) => day(c.lastContactAt) },
            ],
          })
        : await buildWorkbook({
            name: sheet,
            creator,
            rows: await ledgerRows(scope.logWhere),
            columns: [
              { header: header("contactedAt"), width: 18, value: (l) => day(l.startedAt) },
              { header: header("examNo"), width: 18, value: (l) => l.candidate.examNo },
              { header: header("name"), value: (l) => l.candidate.name },
              { header: header("phase"), value: (l) => t(`phases.${l.phase}` as "phases.1") },
              { header: header("channel"), value: (l) => t(`channel.${l.channel}`) },
              { header: header("minutes"), value: (l) => Math.round((l.durationSeconds / 60) * 10) / 10 },
              {
                header: header("outcome"),
                value: (l) =>
                  t.has(`outcome.${l.outcome}` as "outcome.GUIDED")
                    ? t(`outcome.${l.outcome}` as "outcome.GUIDED")
                    : l.outcome,
              },
              { header: header("notes"), width: 30, value: (l) => l.notes },
              { header: header("caller"), value: (l) => l.caller.name },
            ],
          });
    // the audit names the scope the same way whatever the reader's language
    const auditLabel = typeof scope.label === "string" ? scope.label : renderText(translatorFor("zh-CN"), scope.label);
    await audit({ action: `export.${kind}`, entityType: "Export", entityId: auditLabel });
    const scopeLabel = typeof scope.label === "string" ? scope.label : render(scope.label);
    return xlsxResponse(file, t("exports.fileName", { sheet, scope: scopeLabel }));
  },
);
