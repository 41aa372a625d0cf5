import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { FindingForm } from "@/components/inspection/finding-form";
import { PatrolForm } from "@/components/inspection/patrol-form";
import { InspectionTabs } from "@/components/inspection/tabs";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Marked, markData, Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { deductionRules } from "@/lib/inspection/findings";
import { findingTargets, type PatrolRow, patrolList } from "@/lib/inspection/queries";
import { DEFAULT_POLICY, subsidyPolicySchema } from "@/lib/subsidy";
import { beijingDay, fromDateColumn } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection.patrols"))("title") };
}

type Caller = { id: string; label: string };

/** 现场巡查: the patrols, newest first, each with its findings; the team records patrols and raises findings. */
export default async function PatrolsPage() {
  const user = await requirePermission("inspection.view");
  const t = await getTranslations("inspection");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const writesPatrols = can(user.roles, "patrol.record");
  const raisesFindings = can(user.roles, "inspection.record");
  const [patrols, targets] = await Promise.all([
    patrolList(campaign.id),
    raisesFindings ? findingTargets(campaign.id) : [],
  ]);
  const parsed = subsidyPolicySchema.safeParse(campaign.subsidyPolicy);
  const rules = deductionRules(parsed.success ? parsed.data : DEFAULT_POLICY);
  const callers = targets.map((s) => ({
    id: s.userId,
    label: t("finding.callerOption", { name: s.user.name, group: s.group?.name ?? "" }),
  }));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("patrols.subtitle")} />
      <InspectionTabs active="patrols" />
      <div className="grid gap-4 md:grid-cols-3">
        <section className="space-y-3 md:col-span-2" aria-label={t("patrols.title")} data-testid="patrols">
          <h2 className="text-sm font-medium text-slate-600">{t("patrols.count", { count: patrols.length })}</h2>
          {patrols.length === 0 ? (
            <Card>
              <EmptyState>{t("patrols.empty")}</EmptyState>
            </Card>
          ) : (
            patrols.map((patrol) => (
              <PatrolCard key={patrol.id} patrol={patrol} callers={raisesFindings ? callers : null} rules={rules} />
            ))
          )}
        </section>
        <Card title={t("patrols.new")} className="self-start">
          {writesPatrols ? (
            <PatrolForm today={beijingDay(new Date())} />
          ) : (
            <p className="text-sm text-slate-600">{t("patrols.readOnly")}</p>
          )}
        </Card>
      </div>
    </>
  );
}

/** One patrol: when, where, who was there, what was seen, its findings and (for inspectors) the form to raise one. */
async function PatrolCard({
  patrol,
  callers,
  rules,
}: {
  patrol: PatrolRow;
  /** the callers a finding may name; null for those who do not record findings */
  callers: Caller[] | null;
  rules: ReturnType<typeof deductionRules>;
}) {
  const t = await getTranslations("inspection");
  return (
    <article
      id={`patrol-${patrol.id}`}
      className="scroll-mt-4 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="patrol"
    >
      <header>
        <h3 className="font-semibold">
          <span className="tabular-nums">{fromDateColumn(patrol.day)}</span> · <Zh>{patrol.place}</Zh>
        </h3>
        <p className="text-xs text-slate-500">
          <Marked sentence={t("patrols.recordedBy", { inspector: markData(patrol.recordedBy.name) })} />
        </p>
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">{t("patrols.field.present")}</dt>
        <dd className="min-w-0 break-words whitespace-pre-wrap" lang="zh">
          {patrol.present}
        </dd>
        <dt className="text-slate-500">{t("patrols.field.observations")}</dt>
        <dd className="min-w-0 break-words whitespace-pre-wrap" lang="zh">
          {patrol.observations}
        </dd>
      </dl>
      <section className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="patrol-findings">
        <h4 className="mb-1 font-medium">{t("patrols.findings", { count: patrol.findings.length })}</h4>
        {patrol.findings.length === 0 ? (
          <p className="text-slate-600">{t("patrols.noFindings")}</p>
        ) : (
          <ul className="space-y-1">
            {patrol.findings.map((finding) => (
              <li key={finding.id}>
                <Link
                  href={`/inspection/findings#finding-${finding.id}`}
                  className="text-brand-700 underline"
                  data-testid="patrol-finding"
                >
                  <Marked
                    sentence={t("patrols.findingLine", {
                      caller: markData(finding.caller.name),
                      kind: t(`kind.${finding.kind}`),
                    })}
                  />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {callers ? (
        <details className="rounded-lg border border-slate-200 p-3" data-testid="patrol-raise">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("patrols.raise")}</summary>
          <div className="mt-3">
            <FindingForm patrolId={patrol.id} callers={callers} rules={rules} defaultKind="FALSE_PROMISE" />
          </div>
        </details>
      ) : null}
    </article>
  );
}
