import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Markdown } from "@/components/scripts/markdown";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { DOCUMENTS } from "@/lib/scripts/documents";
import { currentScript } from "@/lib/scripts/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scripts"))("manual.title") };
}

/** The training manual, for every member of the team, with the four phases' scripts below it. */
export default async function ManualPage() {
  const user = await requirePermission("manual.view");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const t = await getTranslations("scripts");
  const format = await getFormatter();
  const [manual, ...scripts] = await Promise.all(DOCUMENTS.map((document) => currentScript(campaign.id, document)));
  const stamp = (s: { version: number; createdAt: Date }) =>
    t("manual.version", {
      version: s.version,
      when: format.dateTime(s.createdAt, { year: "numeric", month: "numeric", day: "numeric" }),
    });
  return (
    <div className="space-y-4">
      <PageHeader title={t("manual.title")} subtitle={t("manual.intro")}>
        {can(user.roles, "scripts.edit") ? (
          <Link href="/admin/scripts" className="text-sm text-brand-700 underline" data-testid="edit-scripts">
            {t("manual.editLink")}
          </Link>
        ) : null}
      </PageHeader>
      <Card
        title={t("documents.MANUAL")}
        action={manual ? <span className="text-xs text-slate-500">{stamp(manual)}</span> : null}
      >
        {manual ? <Markdown source={manual.body} testId="manual-body" /> : <EmptyState>{t("manual.empty")}</EmptyState>}
      </Card>
      <Card title={t("manual.scriptsTitle")}>
        <div className="divide-y divide-slate-100">
          {DOCUMENTS.slice(1).map((document, i) => {
            const script = scripts[i];
            return (
              <details key={document} className="py-2" data-testid={`manual-script-${i + 1}`}>
                <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 font-medium">
                  <span>{t(`documents.${document}`)}</span>
                  {script ? <span className="text-xs font-normal text-slate-500">{stamp(script)}</span> : null}
                </summary>
                <div className="pt-2">
                  {script ? (
                    <Markdown source={script.body} />
                  ) : (
                    <p className="text-sm text-slate-500">{t("manual.scriptEmpty")}</p>
                  )}
                </div>
              </details>
            );
          })}
        </div>
      </Card>
    </div>
  );
}
