"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { revealPhoneForInspection } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/** The candidate's numbers, masked until the inspector asks to call back (each reveal is audited). */
export function InspectionPhones({ logId, maskedPhones }: { logId: string; maskedPhones: string[] }) {
  const t = useTranslations("inspection.phone");
  const [revealed, setRevealed] = useState<Record<number, string>>({});
  // the number is only shown here: nothing on the page changes, so there is nothing to refresh
  const { run, error } = useActionRunner({ refresh: "never" });

  async function reveal(index: number) {
    const result = await run(() => revealPhoneForInspection({ logId, index }));
    if (result.ok) setRevealed((r) => ({ ...r, [index]: result.data.phone }));
  }

  return (
    <div>
      <ul className="space-y-2">
        {maskedPhones.map((masked, index) => {
          const phone = revealed[index];
          return (
            <li key={`${masked}-${String(index)}`} className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-lg tabular-nums" data-testid={`inspection-phone-${index}`}>
                {phone ?? masked}
              </span>
              {phone ? (
                <a
                  href={`tel:${phone}`}
                  className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white"
                >
                  {t("call")}
                </a>
              ) : (
                <Button variant="secondary" onClick={() => reveal(index)}>
                  {t("reveal")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-500">{t("note")}</p>
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
