import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { ImportUploader } from "@/components/imports/import-uploader";
import { UndoBatchButton } from "@/components/imports/undo-batch-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { recentImports } from "@/lib/import/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportsPage() {
  await requirePermission("import.run");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const batches = await recentImports(campaign.id);
  const latestApplied = batches.find((b) => b.status === "APPLIED")?.id;
  type Row = (typeof batches)[number];
  const columns: Column<Row>[] = [
    {
      key: "time",
      label: t("admin.columns.time"),
      primary: true,
      cell: (b) =>
        format.dateTime(b.createdAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
    },
    {
      key: "kind",
      label: t("admin.columns.kind"),
      cell: (b) => t(`imports.kinds.${b.kind.toLowerCase()}` as "imports.kinds.toudang"),
    },
    { key: "file", label: t("admin.columns.file"), cell: (b) => <span lang="zh">{b.fileName}</span> },
    {
      key: "rows",
      label: t("imports.columns.counts"),
      cell: (b) => t("imports.counts", { rows: b.rowsRead, created: b.rowsNew, updated: b.rowsChanged }),
    },
    { key: "by", label: t("admin.columns.actor"), cell: (b) => <span lang="zh">{b.createdBy.name}</span> },
    {
      key: "status",
      label: t("admin.columns.status"),
      cell: (b) => <Badge tone={b.status === "APPLIED" ? "good" : "default"}>{t(`imports.status.${b.status}`)}</Badge>,
    },
    {
      key: "undo",
      label: t("imports.columns.undo"),
      cell: (b) => (b.id === latestApplied ? <UndoBatchButton batchId={b.id} /> : "—"),
    },
  ];
  return (
    <>
      <PageHeader title={t("imports.title")} subtitle={t("imports.subtitle")}>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("staff.back")}
        </Link>
      </PageHeader>
      <Card title={t("imports.upload")}>
        <ImportUploader />
      </Card>
      <Card title={t("imports.history")} className="mt-4">
        {batches.length === 0 ? (
          <EmptyState>{t("admin.importsEmpty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={batches} rowKey={(b) => b.id} />
        )}
      </Card>
    </>
  );
}
