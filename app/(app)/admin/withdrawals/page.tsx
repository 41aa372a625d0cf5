import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BundleForm } from "@/components/admin/bundle-form";
import { WithdrawalReview } from "@/components/admin/withdrawal-review";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { withdrawalQueue } from "@/lib/admin/withdrawal-queries";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { CHECKLISTS } from "@/lib/withdrawals/kinds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("declineReview"))("title") };
}

/** Kind-specific words: the checklist items of a 退档 or a 放弃录取 live in their own namespaces. */
const ITEMS = { WITHDRAW: "withdrawal.items", DECLINE: "decline.items" } as const;
const STATUS = { WITHDRAW: "withdrawal.status", DECLINE: "decline.status" } as const;

/**
 * The data team reviews submitted 退档 and 放弃录取 materials here and exports the approved ones as one
 * bundle; an admin sees the queue and exports, without deciding (the review is the data team's).
 */
export default async function WithdrawalsPage() {
  const user = await requirePermission("withdrawal.bundle");
  const reviewer = can(user.roles, "withdrawal.review");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const { pending, decided, approved } = await withdrawalQueue(campaign.id);
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "—";
  return (
    <>
      <PageHeader
        title={t("declineReview.title")}
        subtitle={`${t("review.subtitle", { count: pending.length })} · ${t("declineReview.counts", { withdrawn: approved.WITHDRAW, declined: approved.DECLINE })}`}
      >
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("staff.back")}
        </Link>
      </PageHeader>
      <Card title={t("bundle.title")} className="mb-4">
        <BundleForm />
      </Card>
      <Card title={t("review.pending")}>
        {pending.length === 0 ? (
          <EmptyState>{t("review.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {pending.map((r) => (
              <li key={r.id} className="py-3" data-testid="review-item">
                <div className="flex flex-wrap justify-between gap-2">
                  <div>
                    <div className="font-medium">
                      <Badge tone={r.kind === "DECLINE" ? "warn" : "info"}>{t(`withdrawalKind.${r.kind}`)}</Badge>{" "}
                      <Zh>{r.candidate.name}</Zh>{" "}
                      <span className="text-xs text-slate-500 tabular-nums">
                        {r.candidate.examNo} · <Zh>{r.candidate.region}</Zh>
                      </span>
                    </div>
                    <div className="text-sm text-slate-600">
                      {withData((v) => t("review.by", { ...v, when: when(r.submittedAt) }), { name: r.caller.name })}
                    </div>
                    {r.reason ? (
                      <div className="text-sm" data-testid="review-reason">
                        {withData((v) => t("declineReview.reason", v), { reason: r.reason })}
                      </div>
                    ) : null}
                  </div>
                </div>
                <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
                  {CHECKLISTS[r.kind].map((item) => (
                    <li key={item}>
                      {r.checklist.includes(item) ? "✓" : "✗"}{" "}
                      {t(`${ITEMS[r.kind]}.${item}` as "withdrawal.items.ID_COPY")}
                    </li>
                  ))}
                </ul>
                {/* the photos route shows them to the data team (and whoever works the candidate) only */}
                <div className="mt-2 flex flex-wrap gap-2">
                  {(reviewer ? r.photos : []).map((p, i) => (
                    <a
                      key={p.id}
                      href={`/api/withdrawal-photos/${p.id}`}
                      target="_blank"
                      rel="noreferrer"
                      className="text-sm text-brand-700 underline"
                    >
                      {t("review.photo", { n: i + 1 })}
                    </a>
                  ))}
                </div>
                {reviewer ? (
                  <div className="mt-2">
                    <WithdrawalReview requestId={r.id} version={r.version} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("review.decided")} className="mt-4">
        {decided.length === 0 ? (
          <EmptyState>{t("review.noneDecided")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {decided.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {t(`withdrawalKind.${r.kind}`)} · <Zh>{r.candidate.name}</Zh> · <Zh>{r.caller.name}</Zh>
                  {r.reviewReason ? (
                    <>
                      {" · "}
                      <Zh>{r.reviewReason}</Zh>
                    </>
                  ) : null}
                </span>
                <span className="flex items-center gap-2 text-slate-500">
                  {when(r.reviewedAt)} {r.reviewer ? <Zh>{r.reviewer.name}</Zh> : null}
                  <Badge tone={r.status === "APPROVED" ? "good" : "warn"}>
                    {t(`${STATUS[r.kind]}.${r.status}` as "withdrawal.status.APPROVED")}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
