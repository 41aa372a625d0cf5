import "./statements.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PrintButton } from "@/components/payouts/print-button";
import { StatementSheet } from "@/components/payouts/statement-sheet";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { currentCollege } from "@/lib/college/queries";
import { textRenderer } from "@/lib/i18n/server";
import { signedPayoutPeople } from "@/lib/payouts/queries";
import { statementIssuer } from "@/lib/payouts/statements";
import { yuan } from "@/lib/subsidy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payouts.statements"))("title") };
}

const LINK = "text-sm text-brand-700 underline-offset-2 hover:underline";

/**
 * Printable statements of a signed-off version, one A4 page per person (`?user=<id>`: that person's
 * only), read from the frozen run like the version's page. The shell and the buttons stay off paper.
 */
export default async function PayoutStatementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ version: string }>;
  searchParams: Promise<{ user?: string }>;
}) {
  await requirePermission("payouts.view");
  const t = await getTranslations("payouts.statements");
  const format = await getFormatter();
  const render = await textRenderer();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const { version } = await params;
  if (!/^\d{1,6}$/.test(version)) notFound();
  const signed = await signedPayoutPeople(campaign.id, Number(version));
  if (!signed) notFound();
  const { run, people } = signed;
  // as signed; a run signed before the issuer was kept reads today's name
  const issuer = run.issuer ?? statementIssuer(await currentCollege(), campaign);
  const { user } = await searchParams;
  const shown = user === undefined ? people : people.filter((p) => p.personId === user);
  if (user !== undefined && shown.length === 0) notFound();

  const base = `/payouts/${run.version}/statements`;
  const statementRun = {
    version: run.version,
    signedOffBy: run.signedOffBy,
    signedOffWhen: format.dateTime(run.signedOffAt, { dateStyle: "medium", timeStyle: "short" }),
  };
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t("pageTitle", { version: run.version })} subtitle={t("subtitle")}>
          <div className="flex flex-wrap items-center gap-3">
            <Link className={LINK} href={`/payouts/${run.version}`}>
              {t("back", { version: run.version })}
            </Link>
            {user === undefined ? null : (
              <Link className={LINK} href={base}>
                {t("everyone")}
              </Link>
            )}
            <PrintButton label={t("print")} />
          </div>
        </PageHeader>
      </div>
      {shown.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="space-y-4 print:-mx-4 print:-my-5 print:space-y-0">
          {shown.map((person) => (
            <StatementSheet
              key={person.personId}
              issuer={issuer}
              run={statementRun}
              person={person}
              login={person.login}
              money={(fen) => render(yuan(fen))}
              singleHref={user === undefined ? `${base}?user=${encodeURIComponent(person.personId)}` : undefined}
            />
          ))}
        </div>
      )}
    </>
  );
}
