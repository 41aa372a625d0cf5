import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PayoutView } from "@/components/payouts/payout-view";
import { PageHeader } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { Marked, markData } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { signedPayouts } from "@/lib/payouts/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payouts"))("title") };
}

/** A signed-off version, read from its frozen snapshot only: nothing here looks at today's data. */
export default async function FrozenPayoutPage({ params }: { params: Promise<{ version: string }> }) {
  await requirePermission("payouts.view");
  const t = await getTranslations("payouts");
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const { version } = await params;
  if (!/^\d{1,6}$/.test(version)) notFound();
  const run = await signedPayouts(campaign.id, Number(version));
  if (!run) notFound();
  return (
    <>
      <PageHeader
        title={t("frozenTitle", { version: run.version })}
        subtitle={
          <Marked
            sentence={t("frozenSubtitle", {
              name: markData(run.signedOffBy),
              when: format.dateTime(run.signedOffAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          />
        }
      >
        <div className="flex flex-wrap items-center gap-3">
          <Link className="text-sm text-brand-700 underline-offset-2 hover:underline" href="/payouts">
            {t("backToCurrent")}
          </Link>
          <Link
            className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50"
            href={`/payouts/${run.version}/statements`}
          >
            {t("statements.link")}
          </Link>
          <ExportLink href={`/payouts/${run.version}/export`}>{t("financeExport.link")}</ExportLink>
        </div>
      </PageHeader>
      <PayoutView snapshot={run.snapshot} />
    </>
  );
}
