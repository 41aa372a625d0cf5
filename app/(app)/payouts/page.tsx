import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PayoutView } from "@/components/payouts/payout-view";
import { SignOffForm } from "@/components/payouts/sign-off-form";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { type Column, Table } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { textRenderer } from "@/lib/i18n/server";
import { currentPayouts } from "@/lib/payouts/queries";
import { yuan } from "@/lib/subsidy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payouts"))("title") };
}

type Run = Awaited<ReturnType<typeof currentPayouts>>["runs"][number];

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const user = await requirePermission("payouts.view");
  const t = await getTranslations("payouts");
  const format = await getFormatter();
  const render = await textRenderer();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const { group } = await searchParams;
  const { snapshot, runs } = await currentPayouts(campaign.id);
  const groupOptions = Object.entries(snapshot.names.groups).sort(([, a], [, b]) => a.localeCompare(b, "zh-CN"));
  const groupId = group && snapshot.names.groups[group] ? group : undefined;
  const nextVersion = (runs[0]?.version ?? 0) + 1;

  const runColumns: Column<Run>[] = [
    {
      key: "version",
      label: t("history.versionColumn"),
      cell: (r) => (
        <Link className="text-brand-700 underline-offset-2 hover:underline" href={`/payouts/${r.version}`}>
          {t("history.version", { version: r.version })}
        </Link>
      ),
      primary: true,
    },
    { key: "total", label: t("total"), cell: (r) => render(yuan(r.totalFen)), align: "right" },
    { key: "by", label: t("history.by"), cell: (r) => <span lang="zh">{r.signedOffBy.name}</span> },
    {
      key: "when",
      label: t("history.when"),
      cell: (r) => format.dateTime(r.signedOffAt, { dateStyle: "medium", timeStyle: "short" }),
    },
  ];

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <form className="flex items-end gap-2" method="get">
          <Field label={t("filterGroup")}>
            {(control) => (
              <Select {...control} name="group" defaultValue={groupId ?? ""}>
                <option value="">{t("allGroups")}</option>
                {groupOptions.map(([id, name]) => (
                  <option key={id} value={id} lang="zh">
                    {name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button variant="secondary" type="submit">
            {t("filter")}
          </Button>
        </form>
      </PageHeader>
      <div className="space-y-4">
        <PayoutView snapshot={snapshot} groupId={groupId}>
          <div className="grid gap-4 md:grid-cols-2">
            <Card title={t("signOff.title")}>
              {can(user.roles, "payouts.signOff") ? (
                <SignOffForm
                  campaignId={campaign.id}
                  totalFen={snapshot.result.totalFen}
                  totalText={render(yuan(snapshot.result.totalFen))}
                  nextVersion={nextVersion}
                />
              ) : (
                <p className="text-sm text-slate-600">{t("signOff.onlyAdmin")}</p>
              )}
            </Card>
            <Card title={t("history.title")}>
              {runs.length === 0 ? (
                <EmptyState>{t("history.empty")}</EmptyState>
              ) : (
                <Table
                  columns={runColumns}
                  rows={runs}
                  rowKey={(r) => String(r.version)}
                  caption={t("history.title")}
                />
              )}
            </Card>
          </div>
        </PayoutView>
      </div>
    </>
  );
}
