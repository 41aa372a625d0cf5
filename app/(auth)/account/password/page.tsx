import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { MIN_PASSWORD_LENGTH } from "@/lib/accounts/password-policy";
import { homeFor } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.change"))("title") };
}

/**
 * Outside the app's shell on purpose: after an admin's reset this is the only page the account may
 * open (lib/auth/session.ts sends every other page here), so it offers no navigation to leave by.
 */
export default async function ChangePasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const t = await getTranslations();
  const required = user.mustChangePassword;
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center justify-between">
        <div className="text-3xl font-bold text-brand-700">{t("app.name")}</div>
        <LanguageSwitch />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">
          {required ? t("accounts.change.titleRequired") : t("accounts.change.title")}
        </h1>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          <span lang="zh">{user.name}</span> · {user.login}
        </p>
        <p className="mb-4 text-sm text-slate-700" data-testid="password-explain">
          {required ? t("accounts.change.explainRequired") : t("accounts.change.explain")}
        </p>
        <ChangePasswordForm required={required} minLength={MIN_PASSWORD_LENGTH} login={user.login} />
        {required ? null : (
          <Link href={homeFor(user.roles)} className="mt-4 inline-block text-sm text-brand-700 underline">
            {t("accounts.change.back")}
          </Link>
        )}
      </div>
    </main>
  );
}
