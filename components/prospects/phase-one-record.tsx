import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, Stat } from "@/components/ui/card";
import { renderText, type TranslateFn } from "@/lib/i18n/text";
import { phaseOneRecord } from "@/lib/prospects/queries";
import { yuan } from "@/lib/subsidy";

/**
 * 我的第一阶段: a person's own consultations, 生源报备 and their points, and what the points pay when the
 * campaign's policy pays for them. Phase 1 only: none of it enters the workload of phases 2-4.
 */
export async function PhaseOneRecord({
  campaign,
  userId,
  withLink = false,
}: {
  campaign: { id: string; prospectPolicy: unknown };
  userId: string;
  withLink?: boolean;
}) {
  const t = await getTranslations("prospects");
  const root = await getTranslations();
  const render = (sentence: Parameters<typeof renderText>[1]) => renderText(root as unknown as TranslateFn, sentence);
  const record = await phaseOneRecord(campaign, userId);
  return (
    <Card
      title={t("record.title")}
      className="mt-4"
      action={
        withLink ? (
          <Link href="/consultations" className="text-sm text-brand-700 underline">
            {t("link")}
          </Link>
        ) : undefined
      }
    >
      <div data-testid="phase-one-record">
        <div className="grid grid-cols-3 gap-3">
          <Stat label={t("record.consultations")} value={record.consultations} />
          <Stat label={t("record.registrations")} value={record.registrations} />
          <Stat
            label={t("record.points")}
            value={<span data-testid="phase-one-points">{record.points}</span>}
            hint={t("record.pointsEach", { points: record.pointsEach })}
          />
        </div>
        <p className="mt-3 text-sm text-slate-600" data-testid="phase-one-money">
          {record.fenPerPoint === 0
            ? t("record.noMoney")
            : t(record.inPayoutRun ? "record.money" : "record.moneyOutsideRun", {
                amount: render(yuan(record.fenPerPoint)),
                total: render(yuan(record.fen)),
              })}
        </p>
        <p className="mt-1 text-xs text-slate-500">{t("record.note")}</p>
      </div>
    </Card>
  );
}
