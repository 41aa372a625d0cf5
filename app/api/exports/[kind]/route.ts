import { createTranslator } from "next-intl";
import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { candidateRows, type ExportKind, exportScope, ledgerRows } from "@/lib/export/queries";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import { MESSAGES } from "@/lib/i18n/messages";
import { beijingDateTime } from "@/lib/time";

const KINDS: readonly ExportKind[] = ["campaign", "group", "caller"];

/**
 * xlsx exports: `campaign` (every candidate with statuses), `group` and `caller` (the ledger, 台账).
 * Phone numbers are never exported. Every export is audited. Who may export what is exportScope's;
 * anything else is "not found", so an export URL reveals nothing about other groups.
 */
export const GET = route<{ kind: string }>(
  { name: "export", permission: "export.download", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, params: { kind }, query, audit }) => {
    if (!KINDS.includes(kind as ExportKind)) return routeFailure("NOT_FOUND");
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const scope = await exportScope(user, kind as ExportKind, {
      campaignId: campaign.id,
      groupId: query.get("groupId"),
      callerId: query.get("callerId"),
    });
    if (!scope) return routeFailure("NOT_FOUND");

    // exports are for the college's own files: always in Chinese, whatever the screen language
    const t = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });
    const yesNo = (v: boolean) => (v ? "是" : "否");
    const day = (d: Date | null) => (d ? beijingDateTime(d).replace("T", " ") : "");
    const file =
      kind === "campaign"
        ? await buildWorkbook({
            name: "考生名单",
            rows: await candidateRows(scope.candidateWhere),
            columns: [
              { header: "考生号", width: 18, value: (c) => c.examNo },
              { header: "姓名", value: (c) => c.name },
              { header: "性别", width: 6, value: (c) => c.gender },
              { header: "地区", value: (c) => c.region },
              { header: "毕业学校", width: 22, value: (c) => c.school },
              { header: "专业", width: 18, value: (c) => c.major },
              { header: "第一志愿", value: (c) => (c.firstChoice === null ? "" : yesNo(c.firstChoice)) },
              { header: "志愿意向", value: (c) => (c.intent ? t(`intent.${c.intent}`) : "") },
              { header: "退档", value: (c) => t(`withdrawal.status.${c.withdrawal}`) },
              { header: "录取", value: (c) => yesNo(c.admitted) },
              { header: "来校意向", value: (c) => (c.comeIntent ? t(`comeIntent.${c.comeIntent}`) : "") },
              { header: "缴费", value: (c) => yesNo(c.paid) },
              { header: "选宿舍", value: (c) => yesNo(c.dormChosen) },
              { header: "约校车", value: (c) => yesNo(c.busBooked) },
              { header: "专硕意向", value: (c) => yesNo(c.masterInterest) },
              { header: "报到", value: (c) => t(`enrollment.${c.enrollment}`) },
              { header: "未报到原因", width: 18, value: (c) => c.noShowReason },
              { header: "小组", width: 18, value: (c) => c.group?.name ?? "" },
              { header: "回访人员", value: (c) => c.assignedCaller?.name ?? "" },
              { header: "最近联系", width: 18, value: (c) => day(c.lastContactAt) },
            ],
          })
        : await buildWorkbook({
            name: "回访台账",
            rows: await ledgerRows(scope.logWhere),
            columns: [
              { header: "联系时间", width: 18, value: (l) => day(l.startedAt) },
              { header: "考生号", width: 18, value: (l) => l.candidate.examNo },
              { header: "姓名", value: (l) => l.candidate.name },
              { header: "阶段", value: (l) => t(`phases.${l.phase}` as "phases.1") },
              { header: "方式", value: (l) => t(`channel.${l.channel}`) },
              { header: "时长（分钟）", value: (l) => Math.round((l.durationSeconds / 60) * 10) / 10 },
              {
                header: "结果",
                value: (l) =>
                  t.has(`outcome.${l.outcome}` as "outcome.GUIDED")
                    ? t(`outcome.${l.outcome}` as "outcome.GUIDED")
                    : l.outcome,
              },
              { header: "备注", width: 30, value: (l) => l.notes },
              { header: "回访人员", value: (l) => l.caller.name },
            ],
          });
    await audit({ action: `export.${kind}`, entityType: "Export", entityId: scope.label });
    return xlsxResponse(file, `${kind === "campaign" ? "考生名单" : "回访台账"}-${scope.label}.xlsx`);
  },
);
