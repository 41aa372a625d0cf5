import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Zh } from "@/components/ui/user-data";
import { VerifyForm } from "@/components/verify/verify-form";
import { verifySetting } from "@/lib/verify/queries";

// read at each request: the setting can be switched on or off at any time, and the page needs its nonce
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

/**
 * 防诈骗核验, the families' public page (README "Call verification"): no sign-in, like the login page
 * outside the (app) layout; a plain 404 while the college's setting is off.
 */
export default async function VerifyPage() {
  const setting = await verifySetting();
  if (!setting) notFound();
  const t = await getTranslations("verify");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col px-4 py-8">
      <div className="mb-6 flex items-start justify-between gap-3">
        <div>
          <p className="mb-1 text-base font-medium text-slate-700" data-testid="verify-team">
            <Zh>{setting.team}</Zh>
          </p>
          <h1 className="text-2xl font-bold text-brand-700">{t("title")}</h1>
          <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
        </div>
        <LanguageSwitch />
      </div>
      <VerifyForm />
      <p className="mt-6 text-xs text-slate-500">{t("privacy")}</p>
    </main>
  );
}
