import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NewAccountForm } from "@/components/admin/new-account-form";
import { ResetPasswordButton } from "@/components/admin/reset-password-button";
import { ToggleActiveButton } from "@/components/admin/toggle-active-button";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { staffList } from "@/lib/admin/staff-queries";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

type Row = Awaited<ReturnType<typeof staffList>>[number];

export default async function StaffPage() {
  const admin = await requirePermission("staff.manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const people = await staffList(campaign.id);
  const columns: Column<Row>[] = [
    {
      key: "name",
      label: t("staff.columns.name"),
      cell: (u) => (
        <Link href={`/admin/staff/${u.id}`} className="text-brand-700 underline" data-testid={`person-${u.login}`}>
          <Zh>{u.name}</Zh>
        </Link>
      ),
      primary: true,
    },
    { key: "login", label: t("staff.columns.login"), cell: (u) => <code className="text-xs">{u.login}</code> },
    {
      key: "roles",
      label: t("staff.columns.roles"),
      cell: (u) =>
        format.list(
          u.roles.map((r) => t(`roles.${r}`)),
          { type: "conjunction", style: "narrow" },
        ),
    },
    {
      key: "group",
      label: t("staff.columns.group"),
      cell: (u) => {
        const group = u.staffProfiles[0]?.group?.name;
        return group ? <Zh>{group}</Zh> : "—";
      },
    },
    {
      key: "status",
      label: t("staff.columns.status"),
      cell: (u) => <Badge tone={u.active ? "good" : "bad"}>{u.active ? t("staff.active") : t("staff.disabled")}</Badge>,
    },
    {
      key: "action",
      label: t("staff.columns.action"),
      align: "right",
      cell: (u) =>
        // one's own password is changed (the current one proved) on its own page, never reset here
        u.id === admin.id ? (
          <Link href="/account/password" className="inline-flex min-h-9 items-center text-sm text-brand-700 underline">
            {t("staff.ownPassword")}
          </Link>
        ) : (
          <span className="inline-flex flex-wrap items-start justify-end gap-2">
            <ResetPasswordButton userId={u.id} login={u.login} name={u.name} />
            <ToggleActiveButton userId={u.id} login={u.login} active={u.active} />
          </span>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t("staff.title")} subtitle={t("staff.subtitle", { count: people.length })}>
        <span className="flex flex-wrap gap-4">
          <Link href="/admin/staff/import" className="text-sm text-brand-700 underline" data-testid="open-staff-import">
            {t("staffImport.openFromStaff")}
          </Link>
          <Link href="/admin" className="text-sm text-brand-700 underline">
            {t("staff.back")}
          </Link>
        </span>
      </PageHeader>
      {/* folded away once there are people to read about; open while the admin is alone */}
      <details className="mb-4 rounded-xl border border-slate-200 bg-white shadow-sm" open={people.length <= 1}>
        <summary
          className="flex min-h-11 cursor-pointer items-center px-4 font-medium text-brand-700"
          data-testid="open-new-account"
        >
          {t("accounts.new.open")}
        </summary>
        <div className="border-t border-slate-100 p-4">
          <NewAccountForm />
        </div>
      </details>
      <Card>
        <Table columns={columns} rows={people} rowKey={(u) => u.id} caption={t("staff.title")} />
      </Card>
    </>
  );
}
