import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditAccountForm } from "@/components/admin/edit-account-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { staffPerson } from "@/lib/admin/staff-queries";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { textRenderer } from "@/lib/i18n/server";
import { yuan } from "@/lib/subsidy";
import { fromDateColumn } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

/**
 * One person: their account, editable by the admin, and where they stand in the current campaign's staff
 * pool (review, group, leave), with a link to their training and assessment record (/staff-pool), where
 * those and the overtime are recorded.
 */
export default async function StaffPersonPage({ params }: { params: Promise<{ userId: string }> }) {
  await requirePermission("staff.manage");
  const { userId } = await params;
  if (!/^[\w-]{1,64}$/.test(userId)) notFound();
  const campaign = await currentCampaign();
  const person = await staffPerson(userId, campaign?.id ?? null);
  if (!person) notFound();
  const { user, profile } = person;
  const t = await getTranslations("accounts.person");
  const tRoot = await getTranslations();
  const render = await textRenderer();
  const day = (date: Date) => fromDateColumn(date);
  const fact = (label: string, value: React.ReactNode) => (
    <div className="flex justify-between gap-4 border-b border-slate-100 py-2 text-sm last:border-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );

  return (
    <>
      <PageHeader title={<Zh>{user.name}</Zh>} subtitle={t("login", { login: user.login })}>
        <Link href="/admin/staff" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("account")}>
          <p className="mb-4 text-sm text-slate-600">{t("loginFixed")}</p>
          <EditAccountForm account={user} />
        </Card>
        <Card title={t("pool")}>
          {!campaign || !profile ? (
            <EmptyState>{withData((v) => t("notInPool", v), { campaign: campaign?.name ?? "—" })}</EmptyState>
          ) : (
            <div className="space-y-4" data-testid="person-pool">
              <dl>
                {fact(
                  t("facts.poolStatus"),
                  <Badge
                    tone={
                      profile.poolStatus === "APPROVED" ? "good" : profile.poolStatus === "APPLIED" ? "default" : "bad"
                    }
                  >
                    {t(`poolStatuses.${profile.poolStatus}`)}
                  </Badge>,
                )}
                {fact(t("facts.qualification"), tRoot(`inspection.staff.status.${profile.qualification}`))}
                {fact(t("facts.source"), tRoot(`inspection.staff.source.${profile.source}`))}
                {fact(t("facts.group"), profile.group ? <Zh>{profile.group.name}</Zh> : t("facts.noGroup"))}
                {user.identity === "STUDENT" ? fact(t("facts.cadre"), profile.studentCadre ? t("yes") : t("no")) : null}
                {profile.region ? fact(t("facts.region"), <Zh>{profile.region}</Zh>) : null}
                {fact(t("facts.overtime"), render(yuan(profile.overtimeFen)))}
              </dl>
              <p className="text-sm">
                {t("trainingSummary", {
                  topics: new Set(profile.trainings.map((a) => a.session.topic)).size,
                  assessments: profile.assessments.length,
                })}{" "}
                <Link
                  href={`/staff-pool/${profile.id}`}
                  className="text-brand-700 underline"
                  data-testid="person-record-link"
                >
                  {t("recordLink")}
                </Link>
              </p>
              <section>
                <h3 className="mb-1 text-sm font-semibold">{t("leaves")}</h3>
                {profile.leaves.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("noLeaves")}</p>
                ) : (
                  <ul className="text-sm" data-testid="person-leaves">
                    {profile.leaves.map((l) => (
                      <li key={l.id}>
                        {t("leaveLine", {
                          from: day(l.startsOn),
                          to: day(l.endsOn),
                          status: t(`leaveStatuses.${l.status}`),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
