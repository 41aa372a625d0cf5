"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signOutEverywhere } from "@/app/(auth)/session-actions";
import { Button } from "@/components/ui/button";
import { PASSWORD_PAGE } from "@/lib/auth/password-page";

/**
 * The account menu of the header: 修改密码 and 退出所有设备, behind a 账号 disclosure so that it takes one short word
 * of a phone's header, and so that it is read before it acts (it signs this browser out too).
 */
export function AccountMenu() {
  const t = useTranslations("app");
  const tAccounts = useTranslations("accounts.change");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <details className="relative">
      <summary className="flex min-h-9 cursor-pointer list-none items-center rounded-lg px-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
        {t("account")}
      </summary>
      <div
        className="absolute right-0 z-20 mt-1 w-64 space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg"
        data-testid="account-menu"
      >
        <Link
          href={PASSWORD_PAGE}
          className="flex min-h-9 items-center rounded-lg px-2 font-medium text-brand-700 hover:bg-slate-100"
        >
          {tAccounts("title")}
        </Link>
        <p className="text-slate-700">{t("signOutEverywhereExplained")}</p>
        <Button
          variant="secondary"
          className="min-h-9 w-full"
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
          {t("signOutEverywhere")}
        </Button>
        <p aria-live="polite" className="text-rose-700">
          {error}
        </p>
      </div>
    </details>
  );
}
