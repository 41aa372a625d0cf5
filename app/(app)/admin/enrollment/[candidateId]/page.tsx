import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { EnrollmentDecision } from "@/components/enrollment/enrollment-decision";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { enrollmentDetailOf } from "@/lib/enrollment/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordedEnrollment"))("detail.title") };
}

/** One candidate's claim and record, the latest contacts and the data team's decisions on them. */
export default async function EnrollmentCandidatePage({ params }: { params: Promise<{ candidateId: string }> }) {
  await requirePermission("enrollment.confirm");
  const t = await getTranslations("recordedEnrollment");
  const root = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const c = await enrollmentDetailOf(campaign.id, (await params).candidateId);
  if (!c) notFound();
  const when = (d: Date) =>
    format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const outcome = (code: string) =>
    root.has(`outcome.${code}` as "outcome.GUIDED") ? root(`outcome.${code}` as "outcome.GUIDED") : code;
  return (
    <>
      <PageHeader title={<Zh>{c.name}</Zh>} subtitle={t("detail.title")}>
        <Link href="/admin/enrollment" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("detail.record")}>
          <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="enrollment-detail">
            <div>
              <dt className="text-slate-500">{t("detail.examNo")}</dt>
              <dd className="tabular-nums">{c.examNo}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.group")}</dt>
              <dd>{c.group ? <Zh>{c.group.name}</Zh> : t("noGroup")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.caller")}</dt>
              <dd>{c.assignedCaller ? <Zh>{c.assignedCaller.name}</Zh> : t("noCaller")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.claim")}</dt>
              <dd>
                <Badge tone={c.enrollment === "ENROLLED" ? "info" : "default"}>{t(`claim.${c.enrollment}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.record")}</dt>
              <dd data-testid="enrollment-record">
                <Badge tone={c.enrollmentRecord ? "good" : "warn"}>{t(`record.${c.enrollmentRecord ?? "none"}`)}</Badge>
              </dd>
            </div>
            {c.noShowReason ? (
              <div>
                <dt className="text-slate-500">{t("detail.noShowReason")}</dt>
                <dd>
                  <Zh>{c.noShowReason}</Zh>
                </dd>
              </div>
            ) : null}
          </dl>
          <div className="mt-4">
            {!c.admitted ? (
              <p className="text-sm text-slate-600">{t("detail.notAdmittedNote")}</p>
            ) : c.enrollmentRecord === "LIST" ? (
              <p className="text-sm text-slate-600">{t("detail.listRecordNote")}</p>
            ) : (
              <EnrollmentDecision
                candidateId={c.id}
                version={c.version}
                decision={c.enrollmentRecord === null ? "confirm" : "withdraw"}
                name={c.name}
              />
            )}
          </div>
        </Card>
        <Card title={t("detail.lastContacts")}>
          {c.contactLogs.length === 0 ? (
            <EmptyState>{t("detail.noContacts")}</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm">
              {c.contactLogs.map((log) => (
                <li key={log.id}>
                  {withData(
                    (v) => t("detail.contactLine", { ...v, when: when(log.startedAt), outcome: outcome(log.outcome) }),
                    {
                      caller: log.caller.name,
                    },
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("detail.history")} className="md:col-span-2">
          {c.decisions.length === 0 ? (
            <EmptyState>{t("detail.noHistory")}</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="enrollment-history">
              {c.decisions.map((d) => (
                <li key={d.id}>
                  {withData(
                    (v) =>
                      t("detail.historyLine", {
                        ...v,
                        when: when(d.createdAt),
                        decision: t(`detail.decision.${d.decision}`),
                      }),
                    { actor: d.actorName ?? "—", reason: d.reason },
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
