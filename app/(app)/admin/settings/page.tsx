import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { CollegeCard } from "@/components/settings/college-card";
import { type SectionProps, SettingsEditor } from "@/components/settings/settings-editor";
import { PageHeader } from "@/components/ui/card";
import { VerifySettingsCard } from "@/components/verify/verify-settings-card";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { collegeNames } from "@/lib/college/college";
import { currentCollege } from "@/lib/college/queries";
import { PHASES } from "@/lib/settings/phases";
import { defaultSettings, SECTION_FIELDS, SECTIONS, sectionForm, settingsOf } from "@/lib/settings/sections";
import { beijingDateTime } from "@/lib/time";
import { verifySettingsForm } from "@/lib/verify/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

// Only the admin (campaign.configure) opens this page; the data team, who can open /admin, gets the
// 403 page: the rules are the leading group's decision, and the admin page already shows the tasks.
export default async function SettingsPage() {
  await requirePermission("campaign.configure");
  const t = await getTranslations();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const current = settingsOf(campaign);
  const defaults = defaultSettings(campaign.planSize);
  const sections: SectionProps[] = SECTIONS.map((id) => {
    const defaultForm = sectionForm(defaults, id);
    // the plan size is the campaign's own figure: no default to show or reset to
    if (id === "campaign") delete defaultForm.values.planSize;
    return { id, fields: SECTION_FIELDS[id], current: sectionForm(current, id), defaults: defaultForm };
  });
  return (
    <>
      <PageHeader title={t("settings.title")} subtitle={t("settings.subtitle")}>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          {t("admin.title")}
        </Link>
      </PageHeader>
      <CollegeCard initial={collegeNames(await currentCollege())} />
      <VerifySettingsCard initial={await verifyCardState()} />
      <p
        className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        data-testid="frozen-note"
      >
        {t("settings.frozenNote")}
      </p>
      <SettingsEditor
        campaignId={campaign.id}
        version={campaign.updatedAt.toISOString()}
        sections={sections}
        phases={PHASES.map((phase) => {
          const w = campaign.phaseWindows.find((window) => window.phase === phase);
          return {
            phase,
            opensAt: w ? beijingDateTime(w.opensAt) : "",
            closesAt: w ? beijingDateTime(w.closesAt) : "",
          };
        })}
      />
    </>
  );
}

/** The public check's two settings as the card shows them (off and no number while the college is not set). */
async function verifyCardState() {
  const stored = await verifySettingsForm();
  return { enabled: stored?.verifyEnabled ?? false, admissionsPhone: stored?.admissionsPhone ?? null };
}
