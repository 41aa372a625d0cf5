import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { WithdrawalReview } from "@/components/admin/withdrawal-review";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { withdrawalQueue } from "@/lib/admin/withdrawal-queries";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { WITHDRAWAL_CHECKLIST } from "@/lib/workflow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function WithdrawalsPage() {
  await requirePermission("withdrawal.review");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const { pending, decided } = await withdrawalQueue(campaign.id);
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "—";
  return (
    <>
      <PageHeader title={t("review.title")} subtitle={t("review.subtitle", { count: pending.length })}>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("staff.back")}
        </Link>
      </PageHeader>
      <Card title={t("review.pending")}>
        {pending.length === 0 ? (
          <EmptyState>{t("review.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {pending.map((r) => (
              <li key={r.id} className="py-3">
                <div className="flex flex-wrap justify-between gap-2">
                  <div>
                    <div className="font-medium">
                      <Zh>{r.candidate.name}</Zh>{" "}
                      <span className="text-xs text-slate-500 tabular-nums">
                        {r.candidate.examNo} · <Zh>{r.candidate.region}</Zh>
                      </span>
                    </div>
                    <div className="text-sm text-slate-600">
                      {withData((v) => t("review.by", { ...v, when: when(r.submittedAt) }), { name: r.caller.name })}
                    </div>
                  </div>
                </div>
                <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
                  {WITHDRAWAL_CHECKLIST.map((item) => (
                    <li key={item}>
                      {r.checklist.includes(item) ? "✓" : "✗"} {t(`withdrawal.items.${item}`)}
                    </li>
                  ))}
                </ul>
                <div className="mt-2 flex flex-wrap gap-2">
                  {r.photos.map((p, i) => (
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
                <div className="mt-2">
                  <WithdrawalReview requestId={r.id} version={r.version} />
                </div>
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
                  <Zh>{r.candidate.name}</Zh> · <Zh>{r.caller.name}</Zh>
                  {r.reviewReason ? (
                    <>
                      {" · "}
                      <Zh>{r.reviewReason}</Zh>
                    </>
                  ) : null}
                </span>
                <span className="flex items-center gap-2 text-slate-500">
                  {when(r.reviewedAt)} {r.reviewer ? <Zh>{r.reviewer.name}</Zh> : null}
                  <Badge tone={r.status === "APPROVED" ? "good" : "warn"}>{t(`withdrawal.status.${r.status}`)}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
