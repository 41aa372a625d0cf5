import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { AssessmentKind } from "@/generated/prisma/enums";
import { fromDateColumn } from "@/lib/time";

/** An assessment in one line: its form and day, the score when it has one, the result as a badge. */
export async function AssessmentLine({
  assessment,
}: {
  assessment: { kind: AssessmentKind; heldOn: Date; score: number | null; passed: boolean } | undefined;
}) {
  const t = await getTranslations("training");
  if (!assessment) return <span className="text-slate-500">{t("assessment.none")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span>
        {t("assessment.when", { kind: t(`kinds.${assessment.kind}`), date: fromDateColumn(assessment.heldOn) })}
      </span>
      {assessment.score !== null ? (
        <span className="tabular-nums">{t("assessment.scoreValue", { score: assessment.score })}</span>
      ) : null}
      <Badge tone={assessment.passed ? "good" : "bad"}>
        {assessment.passed ? t("assessment.passed") : t("assessment.failed")}
      </Badge>
    </span>
  );
}
