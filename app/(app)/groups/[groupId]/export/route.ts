import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { contactsPerCandidate, minutesPerCandidate } from "@/lib/dashboard/callers";
import { groupCallers, groupForViewer } from "@/lib/dashboard/queries";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import { formatPermille, formatYuanNumber } from "@/lib/subsidy/money";

const oneDecimal = (value: number | null) => (value === null ? "" : Math.round(value * 10) / 10);

/**
 * The per-caller table of one group as xlsx (Chinese headers, like the other exports; no personal data
 * of candidates). Open to whoever may open the group's page; anything else is 404. Audited.
 */
export const GET = route<{ groupId: string }>(
  { name: "export.groupCallers", permission: "groups.view", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, params: { groupId }, audit }) => {
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const group = await groupForViewer(user, campaign.id, groupId);
    if (!group) return routeFailure("NOT_FOUND");
    const rows = await groupCallers(campaign.id, group, new Date());
    const file = await buildWorkbook({
      name: "组员进度",
      rows,
      columns: [
        { header: "回访人员", value: (r) => r.name },
        { header: "负责", value: (r) => r.assigned },
        { header: "联系上", value: (r) => r.reached },
        { header: "录取", value: (r) => r.admitted },
        { header: "报到", value: (r) => r.enrolled },
        { header: "报到率", value: (r) => formatPermille(r.ratePermille) },
        { header: "联系次数", value: (r) => r.contacts },
        { header: "次数/生", value: (r) => oneDecimal(contactsPerCandidate(r)) },
        { header: "时长（分钟）", value: (r) => Math.round((r.seconds / 60) * 10) / 10 },
        { header: "分钟/生", value: (r) => oneDecimal(minutesPerCandidate(r)) },
        { header: "从未联系", value: (r) => r.neverContacted },
        { header: "逾期跟进", value: (r) => r.overdue },
        { header: "待处理上报", value: (r) => r.openEscalations },
        { header: "预计补贴（元）", width: 16, value: (r) => formatYuanNumber(r.subsidyFen) },
        { header: "补贴明细", width: 80, value: (r) => r.lines.join("\n") },
      ],
    });
    await audit({ entityType: "Export", entityId: group.id });
    return xlsxResponse(file, `组员进度-${group.name}.xlsx`);
  },
);
