import { getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { totalDeductedPercent } from "@/lib/dashboard/deductions";
import { type EnrollmentProjection, myProgress } from "@/lib/dashboard/queries";
import { renderText, type TranslateFn } from "@/lib/i18n/text";
import { yuan } from "@/lib/subsidy";
import { formatPermille } from "@/lib/subsidy/money";

/**
 * A caller's own progress (我的进度): rate, tier, the next tier's worth, workload against the standard, and
 * whether they are on track, in plain words. Only their own figures: no ranking, no other names.
 */
export async function MyProgress({
  campaign,
  callerId,
}: {
  campaign: { id: string; basicRatePermille: number; targetRatePermille: number };
  callerId: string;
}) {
  const t = await getTranslations("progress");
  const tCard = await getTranslations("enrollmentCard");
  const root = await getTranslations();
  const render = (sentence: Parameters<typeof renderText>[1]) => renderText(root as unknown as TranslateFn, sentence);
  const mine = await myProgress(campaign, callerId);
  if (!mine) {
    return (
      <Card title={t("title")} className="mt-4">
        <p className="text-sm text-slate-500">{t("notCaller")}</p>
      </Card>
    );
  }
  const { progress } = mine;
  const minutes = Math.floor(mine.minutes);
  return (
    <Card
      title={t("title")}
      action={
        <span data-testid="progress-verdict">
          <Badge tone={progress.onTrack ? "good" : "warn"}>{progress.onTrack ? t("onTrack") : t("offTrack")}</Badge>
        </span>
      }
      className="mt-4"
    >
      <div data-testid="my-progress">
        <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("rate")}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatPermille(progress.ratePermille)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("tier")}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {mine.perStudentFen > 0 ? t("perStudent", { amount: render(yuan(mine.perStudentFen)) }) : t("noTier")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("workload")}</dt>
            <dd className="font-semibold tabular-nums">{t("workloadValue", { contacts: mine.contacts, minutes })}</dd>
            <dd className="text-xs text-slate-500">
              {t("workloadStandard", {
                contacts: mine.standard.contacts * mine.assigned,
                minutes: mine.standard.minutes * mine.assigned,
              })}
            </dd>
          </div>
        </dl>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {(["claimed", "confirmed"] as const).map((which) => {
            const figures: EnrollmentProjection = mine[which];
            return (
              <section
                key={which}
                className={`rounded-lg p-3 ${which === "confirmed" ? "bg-emerald-50 ring-1 ring-emerald-200" : "bg-slate-50 ring-1 ring-slate-200"}`}
                data-testid={`progress-${which}`}
              >
                <h3 className="text-sm font-medium text-slate-700">{tCard(which)}</h3>
                <p className="text-sm tabular-nums" data-testid={`progress-${which}-count`}>
                  {tCard("claimedValue", {
                    count: figures.enrolled,
                    rate: figures.ratePermille === null ? tCard("noRate") : formatPermille(figures.ratePermille),
                  })}
                </p>
                <p className="text-lg font-semibold tabular-nums" data-testid={`progress-${which}-subsidy`}>
                  {tCard("projection", { amount: render(yuan(figures.subsidyFen)) })}
                </p>
                <p className="text-xs text-slate-500">{tCard(`${which}Note`)}</p>
              </section>
            );
          })}
        </div>
        {mine.deductions.length > 0 ? (
          <div className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="progress-deductions">
            <p className="font-medium">{tCard("deductions")}</p>
            <ul className="mt-1 space-y-0.5">
              {mine.deductions.map((d) => (
                <li key={d.id}>
                  {tCard(d.kind === "MISTAKEN_WITHDRAWAL" ? "deductionMistaken" : "deduction", {
                    violation: root(`inspection.kind.${d.kind}`),
                    percent: d.percent,
                  })}
                </li>
              ))}
            </ul>
            {totalDeductedPercent(mine.deductions) > 0 ? (
              <p className="mt-1 text-xs">
                {tCard("deductionsTotal", { percent: totalDeductedPercent(mine.deductions) })}
              </p>
            ) : null}
          </div>
        ) : null}
        <ul className="mt-3 space-y-1 text-sm">
          {progress.messages.map((m) => (
            <li key={m.key}>{t(`messages.${m.key}`, m.values ?? {})}</li>
          ))}
        </ul>
        <p className="mt-3 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="next-tier">
          <span className="font-medium">{t("labelled", { label: t("nextTier") })}</span>
          {render(mine.hint.line)}
        </p>
        <p className="mt-2 text-xs text-slate-500">{t("note")}</p>
      </div>
    </Card>
  );
}
