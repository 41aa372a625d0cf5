"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/**
 * Signs the version and total the admin is looking at; the server refuses if someone signed it first or
 * the figures moved in between, and the page refreshes either way.
 */
export function SignOffForm({
  campaignId,
  totalFen,
  totalText,
  nextVersion,
}: {
  campaignId: string;
  totalFen: number;
  totalText: string;
  nextVersion: number;
}) {
  const t = useTranslations("payouts.signOff");
  const [signed, setSigned] = useState<string | null>(null);
  const { run, pending, error } = useActionRunner({ refresh: "always" });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("body", { total: totalText, version: nextVersion })}</p>
      <Button
        data-testid="sign-off"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("confirm", { total: totalText }))) return;
          setSigned(null);
          const result = await run(() =>
            signOffPayouts({ campaignId, version: nextVersion, expectedTotalFen: totalFen }),
          );
          if (result.ok) setSigned(t("done", { version: result.data.version }));
        }}
      >
        {t("button", { version: nextVersion })}
      </Button>
      <p aria-live="polite" className={`text-sm ${error ? "text-rose-700" : "text-emerald-700"}`}>
        {error ?? signed}
      </p>
    </div>
  );
}
