import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { ConsultationForm } from "@/components/prospects/consultation-form";
import { PhaseOneRecord } from "@/components/prospects/phase-one-record";
import { RegistrationForm } from "@/components/prospects/registration-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { SICHUAN_PREFECTURES } from "@/lib/assignment/regions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { myConsultations } from "@/lib/prospects/queries";
import { beijingDay } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("prospects"))("title") };
}

const SHOWN = 100;

/** 咨询与生源报备 (phase 1): log an inbound consultation, see one's own, register a prospect as one's source. */
export default async function ConsultationsPage() {
  const user = await requirePermission("consultation.log");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const t = await getTranslations("prospects");
  const format = await getFormatter();
  const now = new Date();
  const today = beijingDay(now);
  const mine = await myConsultations(campaign.id, user.id, SHOWN);
  const when = (d: Date) =>
    format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const day = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric" });

  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card title={t("form.title")}>
        <ConsultationForm regions={SICHUAN_PREFECTURES.map((p) => p.short)} />
      </Card>
      <PhaseOneRecord campaign={campaign} userId={user.id} />
      <Card title={t("mine.title")} className="mt-4">
        {mine.length === 0 ? (
          <EmptyState>{t("mine.none")}</EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100" data-testid="my-consultations">
              {mine.map((c) => {
                const registration = c.prospect.registrations[0];
                return (
                  <li key={c.id} className="py-3 text-sm" data-testid="consultation-row">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">
                        <Zh>{c.prospect.name}</Zh>
                      </span>
                      <Badge tone="info">{t(`channel.${c.channel}`)}</Badge>
                      <span className="text-slate-500 tabular-nums">{when(c.createdAt)}</span>
                      {c.prospect.candidateId ? <Badge tone="good">{t("mine.matched")}</Badge> : null}
                    </div>
                    <div className="text-slate-500">
                      {c.prospect.examNo ? t("mine.examNo", { examNo: c.prospect.examNo }) : t("mine.noExamNo")}
                      {c.prospect.region ? (
                        <>
                          {" · "}
                          <Zh>{c.prospect.region}</Zh>
                        </>
                      ) : null}
                    </div>
                    <p className="mt-1 break-words">
                      {withData((v) => t("mine.question", v), { question: c.question })}
                    </p>
                    <p className="break-words text-slate-600">
                      {withData((v) => t("mine.answer", v), { answer: c.answer })}
                    </p>
                    {registration ? (
                      <p className="mt-1 text-emerald-700" data-testid="registration-done">
                        {registration.registrarId === user.id
                          ? withData((v) => t("mine.registered", { ...v, date: day(registration.registeredOn) }), {
                              number: registration.number,
                            })
                          : t("mine.registeredByOther")}
                      </p>
                    ) : (
                      <RegistrationForm prospectId={c.prospect.id} today={today} />
                    )}
                  </li>
                );
              })}
            </ul>
            {mine.length === SHOWN ? (
              <p className="mt-2 text-xs text-slate-500">{t("mine.more", { count: SHOWN })}</p>
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
