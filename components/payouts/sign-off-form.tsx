"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

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
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("body", { total: totalText, version: nextVersion })}</p>
      <Button
        data-testid="sign-off"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("confirm", { total: totalText }))) return;
          startTransition(async () => {
            const result = await signOffPayouts({ campaignId, version: nextVersion, expectedTotalFen: totalFen });
            setMessage(
              result.ok
                ? { ok: true, text: t("done", { version: result.data.version }) }
                : { ok: false, text: firstError(result) },
            );
            router.refresh();
          });
        }}
      >
        {t("button", { version: nextVersion })}
      </Button>
      <p aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
