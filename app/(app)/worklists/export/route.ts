import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import { BEIJING_TIME_ZONE } from "@/lib/time";
import { isWorklistFilter } from "@/lib/worklists/filters";
import { rowsOf, seesWholeCampaign, worklist, worklistGroups } from "@/lib/worklists/queries";

/**
 * The worklist as the page shows it (a group or the whole campaign, one list or everyone still to win), all
 * its rows, as xlsx with headers in the reader's language. A group outside the viewer's scope is 404, as is
 * the whole campaign for a leader. Audited: it holds candidates' personal data.
 */
export const GET = route(
  { name: "export.worklist", permission: "worklist.view", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, query, audit, t }) => {
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND");
    const list = isWorklistFilter(query.get("list")) ? (query.get("list") as Parameters<typeof rowsOf>[1]) : null;
    const groups = await worklistGroups(user, campaign.id);
    const requested = query.get("group");
    const group = requested ? groups.find((g) => g.id === requested) : undefined;
    if (requested && !group) return routeFailure("NOT_FOUND");
    // a leader's list without a group is their own group's, as on the page
    const scope = group ?? (seesWholeCampaign(user) ? null : groups[0]);
    if (scope === undefined) return routeFailure("NOT_FOUND");
    const now = new Date();
    const data = await worklist(user, campaign, scope?.id ?? null, now);
    const rows = rowsOf(data.rows, list);
    const when = (d: Date | null | undefined) =>
      d
        ? new Intl.DateTimeFormat("zh-CN", {
            timeZone: BEIJING_TIME_ZONE,
            dateStyle: "short",
            timeStyle: "short",
          }).format(d)
        : "";
    const header = (column: string) => t(`worklistExport.columns.${column}` as "worklistExport.columns.name");
    const file = await buildWorkbook({
      name: t("worklistExport.sheet"),
      rows,
      columns: [
        { header: header("examNo"), width: 18, value: (r) => r.examNo },
        { header: header("name"), value: (r) => r.name },
        { header: header("group"), value: (r) => r.group?.name ?? "" },
        { header: header("region"), value: (r) => r.region },
        { header: header("school"), width: 20, value: (r) => r.school ?? "" },
        { header: header("caller"), value: (r) => r.assignedCaller?.name ?? "" },
        { header: header("lastContactAt"), width: 18, value: (r) => when(r.lastContact?.startedAt) },
        {
          header: header("lastOutcome"),
          value: (r) => (r.lastContact ? t(`outcome.${r.lastContact.outcome}` as "outcome.CONSULTED") : ""),
        },
        { header: header("lastCaller"), value: (r) => r.lastContact?.callerName ?? "" },
        { header: header("nextFollowUpAt"), width: 18, value: (r) => when(r.nextFollowUpAt) },
        {
          header: header("lists"),
          width: 30,
          value: (r) => r.lists.map((l) => t(`worklists.filters.${l}`)).join(" / "),
        },
        {
          header: header("escalation"),
          value: (r) => (r.escalation ? t(`escalation.status.${r.escalation.status}`) : ""),
        },
      ],
    });
    await audit({ entityType: "Export", entityId: scope?.id ?? campaign.id, after: { list, rows: rows.length } });
    const listName = list ? t(`worklists.filters.${list}`) : t("worklists.all");
    return xlsxResponse(
      file,
      `${t("worklistExport.file", { scope: scope?.name ?? t("worklists.allGroups"), list: listName })}.xlsx`,
      "worklist.xlsx",
    );
  },
);
