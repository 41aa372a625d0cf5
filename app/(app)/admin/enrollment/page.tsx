import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { EnrollmentDecision } from "@/components/enrollment/enrollment-decision";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { PillTabs } from "@/components/ui/pill-tabs";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { MISMATCH_KINDS, type MismatchKind, type MismatchRow } from "@/lib/enrollment/mismatches";
import { mismatchCountsOf, mismatchesOf } from "@/lib/enrollment/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordedEnrollment"))("title") };
}

// a page a phone can hold; the rest follow as rows are resolved
const LIMIT = 100;

/**
 * The data team's list of candidates whose caller's claim and the record disagree, one tab per kind of
 * disagreement (the first with anyone in it opens), each row resolvable where it stands.
 */
export default async function EnrollmentMismatchesPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await requirePermission("enrollment.confirm");
  const t = await getTranslations("recordedEnrollment");
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const counts = await mismatchCountsOf(campaign.id);
  const asked = (await searchParams).kind;
  const kind: MismatchKind = MISMATCH_KINDS.includes(asked as MismatchKind)
    ? (asked as MismatchKind)
    : (MISMATCH_KINDS.find((k) => counts[k] > 0) ?? MISMATCH_KINDS[0]);
  const rows = await mismatchesOf(campaign.id, { kind, limit: LIMIT });
  const total = MISMATCH_KINDS.reduce((sum, k) => sum + counts[k], 0);
  const record = (r: MismatchRow["enrollmentRecord"]) => t(`record.${r ?? "none"}`);
  const columns: Column<MismatchRow>[] = [
    {
      key: "candidate",
      label: t("columns.candidate"),
      primary: true,
      cell: (r) => (
        <span>
          <Zh>{r.name}</Zh> <span className="text-xs font-normal text-slate-500 tabular-nums">{r.examNo}</span>
        </span>
      ),
    },
    {
      key: "caller",
      label: t("columns.caller"),
      cell: (r) => (r.callerName ? <Zh>{r.callerName}</Zh> : t("noCaller")),
    },
    { key: "group", label: t("columns.group"), cell: (r) => (r.groupName ? <Zh>{r.groupName}</Zh> : t("noGroup")) },
    {
      key: "lastContact",
      label: t("columns.lastContact"),
      cell: (r) =>
        r.lastContactAt
          ? format.dateTime(r.lastContactAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })
          : t("never"),
    },
    {
      key: "claim",
      label: t("columns.claim"),
      cell: (r) => <Badge tone={r.enrollment === "ENROLLED" ? "info" : "default"}>{t(`claim.${r.enrollment}`)}</Badge>,
    },
    {
      key: "record",
      label: t("columns.record"),
      cell: (r) => <Badge tone={r.enrollmentRecord ? "good" : "warn"}>{record(r.enrollmentRecord)}</Badge>,
    },
    {
      key: "actions",
      label: t("columns.actions"),
      cell: (r) => (
        <span className="flex flex-col items-end gap-2 md:items-start">
          {r.enrollmentRecord === null ? (
            <EnrollmentDecision candidateId={r.candidateId} version={r.version} decision="confirm" name={r.name} />
          ) : r.enrollmentRecord === "DATA_TEAM" ? (
            <EnrollmentDecision candidateId={r.candidateId} version={r.version} decision="withdraw" name={r.name} />
          ) : null}
          <Link
            href={`/admin/enrollment/${r.candidateId}`}
            prefetch={false}
            className="inline-flex min-h-9 items-center text-brand-700 underline"
            data-testid="enrollment-open"
          >
            {t("open")}
          </Link>
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <PillTabs
        label={t("title")}
        active={kind}
        items={MISMATCH_KINDS.map((k) => ({
          key: k,
          href: `/admin/enrollment?kind=${k}`,
          label: `${t(`kinds.${k}`)} · ${t("count", { count: counts[k] })}`,
        }))}
      />
      <Card title={t(`kinds.${kind}`)}>
        <p className="mb-3 text-sm text-slate-600">{t(`kindHelp.${kind}`)}</p>
        <div data-testid="enrollment-mismatches" data-count={counts[kind]}>
          {rows.length === 0 ? (
            <EmptyState>{total === 0 ? t("empty") : t("emptyKind")}</EmptyState>
          ) : (
            <Table columns={columns} rows={rows} rowKey={(r) => r.candidateId} caption={t(`kinds.${kind}`)} />
          )}
          {counts[kind] > rows.length ? (
            <p className="mt-2 text-xs text-slate-500">{t("truncated", { count: rows.length })}</p>
          ) : null}
        </div>
      </Card>
    </>
  );
}
