import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { DOCUMENTS, documentSlug, type ScriptDocument } from "@/lib/scripts/documents";
import { latestScripts } from "@/lib/scripts/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scripts"))("title") };
}

type Row = { document: ScriptDocument; latest: Awaited<ReturnType<typeof latestScripts>>[number] | undefined };

/** The training manual and the four phases' call scripts of the campaign, each with its latest version. */
export default async function ScriptsPage() {
  await requirePermission("scripts.edit");
  const t = await getTranslations("scripts");
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const latest = await latestScripts(campaign.id);
  const rows: Row[] = DOCUMENTS.map((document) => ({
    document,
    latest: latest.find((l) => l.document === document),
  }));
  const columns: Column<Row>[] = [
    {
      key: "document",
      label: t("columns.document"),
      cell: (r) => (
        <Link
          href={`/admin/scripts/${documentSlug(r.document)}`}
          className="font-medium text-brand-700 underline"
          data-testid={`script-link-${documentSlug(r.document)}`}
        >
          {t(`documents.${r.document}`)}
        </Link>
      ),
      primary: true,
    },
    {
      key: "latest",
      label: t("columns.latest"),
      cell: (r) => (r.latest ? t("versionNumber", { version: r.latest.version }) : t("notWritten")),
    },
    {
      key: "by",
      label: t("columns.savedBy"),
      cell: (r) => (r.latest ? r.latest.author ? <Zh>{r.latest.author.name}</Zh> : t("someone") : "—"),
    },
    {
      key: "at",
      label: t("columns.savedAt"),
      cell: (r) =>
        r.latest
          ? format.dateTime(r.latest.createdAt, {
              month: "numeric",
              day: "numeric",
              hour: "2-digit",
              minute: "2-digit",
            })
          : "—",
    },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("intro")} />
      <Table columns={columns} rows={rows} rowKey={(r) => r.document} caption={t("title")} />
    </>
  );
}
