import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { withData } from "@/components/ui/user-data";
import { WorklistTable, type WorklistViewRow } from "@/components/worklists/worklist-table";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { FORWARD_REASONS, isWorklistFilter, proposedReason, WORKLIST_FILTERS } from "@/lib/worklists/filters";
import { rowsOf, seesWholeCampaign, worklist, worklistGroups } from "@/lib/worklists/queries";
import { worklistHref } from "./href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("worklists"))("title") };
}

/** A list this long is shown in full; a longer one shows its first rows and the export has them all. */
const SHOWN = 300;

/**
 * 工作清单: a group's candidates by what they need (lib/worklists/filters.ts), each list with its count. A
 * leader sees their own group; the callback lead and admins choose any group or the whole campaign.
 */
export default async function WorklistsPage({
  searchParams,
}: {
  searchParams: Promise<{ group?: string; list?: string }>;
}) {
  const user = await requirePermission("worklist.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const query = await searchParams;
  const list = isWorklistFilter(query.list) ? query.list : null;
  const groups = await worklistGroups(user, campaign.id);
  const whole = seesWholeCampaign(user);
  if (!whole && groups.length === 0) {
    return (
      <>
        <PageHeader title={t("worklists.title")} subtitle={t("worklists.subtitle")} />
        <EmptyState>{t("worklists.noGroup")}</EmptyState>
      </>
    );
  }
  // a leader has their group's list; the lead and admins the whole campaign's until they choose a group
  const groupId = query.group ?? (whole ? null : (groups[0]?.id ?? null));
  if (groupId && !groups.some((g) => g.id === groupId)) notFound();
  const now = new Date();
  const data = await worklist(user, campaign, groupId, now);
  const shown = rowsOf(data.rows, list);
  const total = list ? data.counts[list] : data.open;

  const when = (d: Date) =>
    format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const viewRows: WorklistViewRow[] = shown.slice(0, SHOWN).map((r) => ({
    id: r.id,
    name: r.name,
    examNo: r.examNo,
    group: r.group?.name ?? null,
    caller: r.assignedCaller?.name ?? null,
    last: r.lastContact
      ? {
          time: when(r.lastContact.startedAt),
          outcome: t(`outcome.${r.lastContact.outcome}` as "outcome.CONSULTED"),
          caller: r.lastContact.callerName,
        }
      : null,
    lists: r.lists.filter((l) => l !== list).map((l) => t(`worklists.filters.${l}`)),
    escalation: r.escalation
      ? {
          label:
            r.escalation.status === "CLAIMED" && r.escalation.assignee
              ? withData((v) => t("strikeTake.claimedBy", v), { name: r.escalation.assignee.name })
              : t(`escalation.status.${r.escalation.status}`),
          withStrike: r.escalation.status === "FORWARDED" || r.escalation.status === "CLAIMED",
        }
      : null,
  }));
  const groupChoices = [...(whole ? [{ id: null, name: t("worklists.allGroups") }] : []), ...groups];
  const exportHref = worklistHref(groupId, list).replace("/worklists", "/worklists/export");
  return (
    <>
      <PageHeader title={t("worklists.title")} subtitle={t("worklists.subtitle")}>
        <ExportLink href={exportHref}>{t("worklists.export")}</ExportLink>
      </PageHeader>
      {groupChoices.length > 1 ? (
        <nav className="mb-3 flex gap-2 overflow-x-auto text-sm" aria-label={t("worklists.scope")}>
          {groupChoices.map((g) => (
            <Link
              key={g.id ?? "all"}
              href={worklistHref(g.id, list)}
              aria-current={g.id === groupId ? "page" : undefined}
              className={`whitespace-nowrap rounded-full px-3 py-1.5 ${
                g.id === groupId ? "bg-slate-800 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"
              }`}
              data-testid="worklist-scope"
              lang={g.id ? "zh" : undefined}
            >
              {g.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("worklists.title")} data-testid="worklist-filters">
        {[null, ...WORKLIST_FILTERS].map((f) => {
          const active = f === list;
          const count = f ? data.counts[f] : data.open;
          return (
            <Link
              key={f ?? "all"}
              href={worklistHref(groupId, f)}
              aria-current={active ? "page" : undefined}
              title={f ? t(`worklists.hints.${f}`) : undefined}
              className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-medium ${
                active ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
              }`}
              data-testid={`worklist-filter-${f ?? "ALL"}`}
            >
              {f ? t(`worklists.filters.${f}`) : t("worklists.all")}
              <span
                className={`rounded-full px-1.5 text-xs tabular-nums ${active ? "bg-white/20" : "bg-slate-100"}`}
                data-testid="worklist-count"
              >
                {count}
              </span>
            </Link>
          );
        })}
      </nav>
      {list ? <p className="mb-3 text-sm text-slate-600">{t(`worklists.hints.${list}`)}</p> : null}
      {shown.length === 0 ? (
        <Card>
          <EmptyState>{list ? t("worklists.empty") : t("worklists.emptyAll")}</EmptyState>
        </Card>
      ) : (
        <>
          {shown.length > SHOWN ? (
            <p className="mb-2 text-sm text-slate-600">{t("worklists.shown", { shown: SHOWN, total })}</p>
          ) : null}
          <WorklistTable
            rows={viewRows}
            showGroup={groupId === null}
            mayForward={can(user.roles, "worklist.forward")}
            reasons={FORWARD_REASONS.map((r) => ({ value: r, label: t(`escalation.reason.${r}`) }))}
            proposedReason={proposedReason(list)}
          />
        </>
      )}
    </>
  );
}
