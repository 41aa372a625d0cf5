import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { withData } from "@/components/ui/user-data";
import { prospectOfCandidate } from "@/lib/prospects/queries";

/**
 * On a candidate's page: what phase 1 knew of them before the 投档 list, once the list matched their
 * prospect: each consultation with who answered it, and the 生源报备 with who registered it. Nothing when
 * the candidate was never a prospect.
 */
export async function CandidatePhaseOne({ candidateId }: { candidateId: string }) {
  const prospect = await prospectOfCandidate(candidateId);
  if (!prospect || (prospect.consultations.length === 0 && prospect.registrations.length === 0)) return null;
  const t = await getTranslations("prospects");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "numeric", day: "numeric" });
  return (
    <Card title={t("candidate.title")}>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="candidate-phase-one">
        {prospect.registrations.map((r) => (
          <li key={r.id} className="py-2 font-medium text-emerald-800" data-testid="candidate-registration">
            {withData((v) => t("candidate.registration", { ...v, date: day(r.registeredOn) }), {
              number: r.number,
              registrar: r.registrar.name,
            })}
          </li>
        ))}
        {prospect.consultations.map((c) => (
          <li key={c.id} className="py-2" data-testid="candidate-consultation">
            <div className="text-slate-500">
              {withData(
                (v) =>
                  t("candidate.consultation", { ...v, date: day(c.createdAt), channel: t(`channel.${c.channel}`) }),
                {
                  consultant: c.consultant.name,
                },
              )}
            </div>
            <p className="break-words">{withData((v) => t("mine.question", v), { question: c.question })}</p>
            <p className="break-words text-slate-600">{withData((v) => t("mine.answer", v), { answer: c.answer })}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
