import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Markdown } from "@/components/scripts/markdown";
import { ScriptEditor } from "@/components/scripts/script-editor";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { documentOfSlug, documentSlug } from "@/lib/scripts/documents";
import { currentScript, scriptVersion, scriptVersions } from "@/lib/scripts/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scripts"))("title") };
}

type VersionRow = Awaited<ReturnType<typeof scriptVersions>>[number];

/**
 * One script or the manual: the editor on its latest version and the list of versions, or, with
 * ?version=N, that version read-only.
 */
export default async function ScriptPage({
  params,
  searchParams,
}: {
  params: Promise<{ document: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  await requirePermission("scripts.edit");
  const [{ document: slug }, { version: asked }] = await Promise.all([params, searchParams]);
  const document = documentOfSlug(slug);
  if (!document) notFound();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const t = await getTranslations("scripts");
  const format = await getFormatter();
  const when = (d: Date) =>
    format.dateTime(d, { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const href = `/admin/scripts/${documentSlug(document)}`;
  const [current, versions] = await Promise.all([
    currentScript(campaign.id, document),
    scriptVersions(campaign.id, document),
  ]);
  const who = (author: { name: string } | null) => (author ? <Zh>{author.name}</Zh> : t("someone"));

  const columns: Column<VersionRow>[] = [
    {
      key: "version",
      label: t("columns.latest"),
      cell: (v) => (
        <span className="inline-flex items-center gap-1">
          {t("versionNumber", { version: v.version })}
          {v.version === current?.version ? <Badge tone="info">{t("versions.current")}</Badge> : null}
        </span>
      ),
      primary: true,
    },
    { key: "by", label: t("columns.savedBy"), cell: (v) => who(v.author) },
    { key: "at", label: t("columns.savedAt"), cell: (v) => when(v.createdAt) },
    {
      key: "open",
      label: t("columns.open"),
      cell: (v) => (
        <Link
          href={`${href}?version=${v.version}`}
          className="text-brand-700 underline"
          data-testid={`script-version-${v.version}`}
        >
          {t("versions.view")}
        </Link>
      ),
    },
  ];

  const viewing = asked === undefined ? null : /^\d{1,7}$/.test(asked) ? Number(asked) : -1;
  const shown = viewing === null ? null : await scriptVersion(campaign.id, document, viewing);

  return (
    <div className="space-y-4">
      <Link href="/admin/scripts" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <PageHeader title={t(`documents.${document}`)} />
      {viewing === null ? (
        <Card>
          <ScriptEditor document={document} latest={current?.version ?? 0} initialBody={current?.body ?? ""} />
        </Card>
      ) : shown ? (
        <Card
          title={t("versionNumber", { version: shown.version })}
          action={
            <Link href={href} className="text-sm text-brand-700 underline">
              {t("versions.backToEditor")}
            </Link>
          }
        >
          <p className="mb-3 text-sm text-slate-600" data-testid="script-version-viewing">
            {shown.author
              ? withData((v) => t("versions.viewing", { ...v, version: shown.version, when: when(shown.createdAt) }), {
                  who: shown.author.name,
                })
              : t("versions.viewing", { version: shown.version, when: when(shown.createdAt), who: t("someone") })}
          </p>
          <Markdown source={shown.body} testId="script-version-body" />
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-slate-600">{t("versions.source")}</summary>
            <pre lang="zh" className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-xs">
              {shown.body}
            </pre>
          </details>
        </Card>
      ) : (
        <EmptyState>
          <span className="block">{t("versions.notFound")}</span>
          <Link href={href} className="mt-2 inline-block text-brand-700 underline">
            {t("versions.backToEditor")}
          </Link>
        </EmptyState>
      )}
      <Card title={t("versions.title")}>
        {versions.length === 0 ? (
          <EmptyState>{t("versions.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={versions} rowKey={(v) => String(v.version)} caption={t("versions.title")} />
        )}
      </Card>
    </div>
  );
}
