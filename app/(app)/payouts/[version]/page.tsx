import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PayoutView } from "@/components/payouts/payout-view";
import { PageHeader } from "@/components/ui/card";
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
        <Link className="text-sm text-brand-700 underline-offset-2 hover:underline" href="/payouts">
          {t("backToCurrent")}
        </Link>
      </PageHeader>
      <PayoutView snapshot={run.snapshot} />
    </>
  );
}
