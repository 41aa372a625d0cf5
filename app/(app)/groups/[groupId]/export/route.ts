import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { contactsPerCandidate, minutesPerCandidate } from "@/lib/dashboard/callers";
import { groupCallers, groupForViewer } from "@/lib/dashboard/queries";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import { withNames } from "@/lib/payouts/names";
import { formatPermille, formatYuanNumber } from "@/lib/subsidy/money";

const oneDecimal = (value: number | null) => (value === null ? "" : Math.round(value * 10) / 10);

/**
 * The per-caller table of one group as xlsx, headers and explanation in the user's language (no personal
 * data of candidates). Open to whoever may open the group's page; anything else is 404. Audited.
 */
export const GET = route<{ groupId: string }>(
  { name: "export.groupCallers", permission: "groups.view", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, params: { groupId }, audit, t, render }) => {
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const group = await groupForViewer(user, campaign.id, groupId);
    if (!group) return routeFailure("NOT_FOUND");
    const rows = await groupCallers(campaign.id, group, new Date());
    const header = (column: string) => t(`groupExport.columns.${column}` as "groupExport.columns.name");
    const file = await buildWorkbook({
      name: t("groupExport.sheet"),
      rows,
      columns: [
        { header: header("name"), value: (r) => r.name },
        { header: header("assigned"), value: (r) => r.assigned },
        { header: header("reached"), value: (r) => r.reached },
        { header: header("admitted"), value: (r) => r.admitted },
        { header: header("enrolled"), value: (r) => r.enrolled },
        { header: header("rate"), value: (r) => formatPermille(r.ratePermille) },
        { header: header("contacts"), value: (r) => r.contacts },
        { header: header("contactsPer"), value: (r) => oneDecimal(contactsPerCandidate(r)) },
        { header: header("minutes"), value: (r) => Math.round((r.seconds / 60) * 10) / 10 },
        { header: header("minutesPer"), value: (r) => oneDecimal(minutesPerCandidate(r)) },
        { header: header("neverContacted"), value: (r) => r.neverContacted },
        { header: header("overdue"), value: (r) => r.overdue },
        { header: header("openEscalations"), value: (r) => r.openEscalations },
        { header: header("subsidy"), width: 16, value: (r) => formatYuanNumber(r.subsidyFen) },
        {
          header: header("steps"),
          width: 80,
          value: (r) => {
            const names = new Map(Object.entries(r.names));
            return r.steps.map((step) => render(withNames(step, names))).join("\n");
          },
        },
      ],
    });
    await audit({ entityType: "Export", entityId: group.id });
    return xlsxResponse(file, `${t("groupExport.file", { group: group.name })}.xlsx`);
  },
);
