import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { GroupForm } from "@/components/groups/group-form";
import { ApproveRosterButton, DeleteGroupButton } from "@/components/groups/roster-buttons";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { groupsForAdmin, leaderSuggestions, regionChoices } from "@/lib/groups/roster-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roster.admin"))("title") };
}

type Row = Awaited<ReturnType<typeof groupsForAdmin>>[number];

/**
 * 小组与名单: the admin sets up the current campaign's groups (name, region, leader), edits them,
 * deletes one that never had candidates, and approves and files each roster (审批备案). A new
 * campaign's empty page explains what a group is and offers the form.
 */
export default async function AdminGroupsPage() {
  await requirePermission("groups.manage");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const t = await getTranslations();
  const format = await getFormatter();
  const [groups, regions, leaders] = await Promise.all([
    groupsForAdmin(campaign.id),
    regionChoices(campaign.id),
    leaderSuggestions(campaign.id),
  ]);
  const taken = new Set(groups.map((g) => g.region));
  const free = regions.filter((r) => !taken.has(r));

  const columns: Column<Row>[] = [
    {
      key: "name",
      label: t("roster.columns.name"),
      primary: true,
      cell: (g) => (
        <Link href={`/groups/${g.id}`} className="text-brand-700 underline" data-testid="admin-group-link">
          <Zh>{g.name}</Zh>
        </Link>
      ),
    },
    { key: "region", label: t("roster.columns.region"), cell: (g) => <Zh>{g.region}</Zh> },
    {
      key: "leader",
      label: t("roster.columns.leader"),
      cell: (g) =>
        g.leader ? (
          <span>
            <Zh>{g.leader.name}</Zh> <span className="text-xs text-slate-500">{g.leader.login}</span>
          </span>
        ) : (
          "—"
        ),
    },
    { key: "members", label: t("roster.columns.members"), align: "right", cell: (g) => g._count.members },
    { key: "candidates", label: t("roster.columns.candidates"), align: "right", cell: (g) => g._count.candidates },
    {
      key: "roster",
      label: t("roster.columns.roster"),
      cell: (g) =>
        g.rosterApprovedAt ? (
          <Badge tone="good">
            {t("roster.filing.filed", {
              date: format.dateTime(g.rosterApprovedAt, { month: "numeric", day: "numeric" }),
            })}
          </Badge>
        ) : (
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone="warn">{t("roster.filing.notFiled")}</Badge>
            <ApproveRosterButton groupId={g.id} groupName={g.name} />
          </span>
        ),
    },
    {
      key: "actions",
      label: t("roster.columns.actions"),
      cell: (g) => (
        <div className="space-y-2">
          <details>
            <summary className="inline-flex min-h-9 cursor-pointer items-center text-sm text-brand-700 underline">
              {t("roster.form.edit")}
            </summary>
            <div className="mt-2 min-w-72">
              <GroupForm
                regions={regions}
                leaders={leaders}
                group={{ id: g.id, name: g.name, region: g.region, leaderLogin: g.leader?.login ?? "" }}
              />
            </div>
          </details>
          {g._count.candidates === 0 ? (
            <DeleteGroupButton groupId={g.id} groupName={g.name} />
          ) : (
            <span className="text-xs text-slate-500">{t("roster.filing.cannotDelete")}</span>
          )}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t("roster.admin.title")} subtitle={t("roster.admin.subtitle")}>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("areas.admin")}
        </Link>
      </PageHeader>
      {groups.length === 0 ? (
        <section
          className="mb-4 rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm text-slate-700"
          data-testid="groups-empty"
        >
          <h2 className="mb-1 text-base font-semibold text-slate-900">{t("roster.admin.emptyTitle")}</h2>
          <p>{t("roster.admin.emptyBody")}</p>
        </section>
      ) : (
        <Card title={t("roster.admin.groupsTable")} className="mb-4">
          <div data-testid="admin-groups">
            <Table columns={columns} rows={groups} rowKey={(g) => g.id} caption={t("roster.admin.groupsTable")} />
          </div>
        </Card>
      )}
      <Card title={t("roster.admin.newGroup")}>
        <GroupForm regions={free} leaders={leaders} />
      </Card>
    </>
  );
}
