"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signOutEverywhere } from "@/app/(auth)/session-actions";
import { Button } from "@/components/ui/button";

/** 退出所有设备, asked once more before it acts: it signs this browser out too. */
export function SignOutEverywhereButton() {
  const t = useTranslations("app");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!confirming) {
    return (
      <Button variant="ghost" className="min-h-9 px-2" onClick={() => setConfirming(true)}>
        {t("signOutEverywhere")}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-sm" data-testid="sign-out-everywhere">
      <span className="text-slate-700">{t("signOutEverywhereConfirm")}</span>
      <Button
        variant="secondary"
        className="min-h-9 px-2"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await signOutEverywhere({ confirmed: "yes" });
            if (!result.ok) {
              setError(result.error);
              return;
            }
            // this browser's session has ended with the others: clear its cookie, then the login page
            // of the address the browser is on
            await signOut({ redirect: false });
            window.location.assign("/login");
          })
        }
      >
        {t("signOutEverywhereYes")}
      </Button>
      <Button variant="ghost" className="min-h-9 px-2" disabled={pending} onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
      <span aria-live="polite" className="text-rose-700">
        {error}
      </span>
    </span>
  );
}
