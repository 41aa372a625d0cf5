import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { FindingCard } from "@/components/inspection/finding-card";
import { FindingForm } from "@/components/inspection/finding-form";
import { InspectionTabs } from "@/components/inspection/tabs";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { deductionRules } from "@/lib/inspection/findings";
import { findingsWithEffects, findingTargets } from "@/lib/inspection/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection.findings"))("title") };
}

export default async function FindingsPage() {
  await requirePermission("inspection.view");
  const t = await getTranslations("inspection");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const [{ findings, policy }, targets] = await Promise.all([
    findingsWithEffects(campaign.id),
    findingTargets(campaign.id),
  ]);
  const rules = deductionRules(policy);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("findings.subtitle")} />
      <InspectionTabs active="findings" />
      <div className="grid gap-4 md:grid-cols-3">
        <section className="space-y-3 md:col-span-2" aria-label={t("findings.title")} data-testid="findings">
          {findings.length === 0 ? (
            <Card>
              <EmptyState>{t("findings.empty")}</EmptyState>
            </Card>
          ) : (
            findings.map((f) => <FindingCard key={f.id} finding={f} policy={policy} now={now} />)
          )}
        </section>
        <Card title={t("findings.new")} className="self-start">
          <p className="mb-3 text-sm text-slate-600">{t("findings.newHint")}</p>
          <FindingForm
            callers={targets.map((s) => ({
              id: s.userId,
              label: t("finding.callerOption", { name: s.user.name, group: s.group?.name ?? "" }),
            }))}
            rules={rules}
            defaultKind="MISTAKEN_WITHDRAWAL"
          />
        </Card>
      </div>
    </>
  );
}
