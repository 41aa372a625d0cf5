import "./print.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StaffImport } from "@/components/admin/staff-import";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Card, PageHeader } from "@/components/ui/card";
import { withData } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { currentCollege } from "@/lib/college/queries";
import { STAFF_COLUMN_WORDS } from "@/lib/import/columns";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffImport"))("title") };
}

/** 人员名单导入 (issue 13): many accounts at once from the college's staff list. */
export default async function StaffImportPage() {
  await requirePermission("staff.manage");
  const t = await getTranslations();
  const campaign = await currentCampaign();
  const back = (
    <Link href="/admin/staff" className="text-sm text-brand-700 underline">
      {t("staffImport.back")}
    </Link>
  );
  if (!campaign) {
    return (
      <>
        <PageHeader title={t("staffImport.title")}>{back}</PageHeader>
        <p className="mb-3 text-sm text-slate-700" data-testid="staff-import-no-campaign">
          {t("staffImport.refusals.noCampaign")}
        </p>
        <NoCampaign />
      </>
    );
  }
  // the slips are headed with the college's name, else the campaign's, as the payout statements are
  const college = await currentCollege();
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t("staffImport.title")} subtitle={t("staffImport.subtitle")}>
          {back}
        </PageHeader>
      </div>
      <Card className="print:border-0 print:shadow-none">
        <StaffImport collegeName={college?.name ?? campaign.name} />
      </Card>
      <details className="mt-4 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm print:hidden">
        <summary className="cursor-pointer font-medium text-brand-700">{t("staffImport.columnsTitle")}</summary>
        <p className="mt-2 text-slate-700">{withData((v) => t("staffImport.columnsHint", v), STAFF_COLUMN_WORDS)}</p>
      </details>
    </>
  );
}
