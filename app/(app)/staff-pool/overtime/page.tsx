import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { OvertimeImport } from "@/components/staff/overtime-import";
import { StaffPoolTabs } from "@/components/staff/staff-pool-tabs";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("overtime.import.title") };
}

/** Overtime pay from an xlsx, previewed then applied (admins). */
export default async function OvertimeImportPage() {
  await requirePermission("overtime.enter");
  const t = await getTranslations("training");
  if (!(await currentCampaign())) return <NoCampaign />;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <StaffPoolTabs active="overtime" overtime />
      <Card title={t("overtime.import.title")}>
        <p className="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="overtime-frozen-note">
          {t("overtime.frozenNote")}
        </p>
        <OvertimeImport />
      </Card>
    </>
  );
}
