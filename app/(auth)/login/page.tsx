import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Zh } from "@/components/ui/user-data";
import { homeFor } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { currentCollege } from "@/lib/college/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ ended?: string; changed?: string }>;
}) {
  const user = await getSessionUser();
  if (user) redirect(homeFor(user.roles));
  const t = await getTranslations();
  const { ended, changed } = await searchParams;
  const sessionEnded = ended === "1";
  const college = await currentCollege();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center justify-between">
        <div>
          {college ? (
            <p className="mb-1 text-base font-medium text-slate-700" data-testid="login-college">
              <Zh>{college.name}</Zh>
            </p>
          ) : null}
          <div className="text-3xl font-bold text-brand-700">{t("app.name")}</div>
          <p className="mt-1 text-sm text-slate-500">{t("login.subtitle")}</p>
        </div>
        <LanguageSwitch />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-lg font-semibold">{t("login.title")}</h1>
        {changed === "1" ? (
          <p className="mb-4 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800" data-testid="login-notice">
            {t("accounts.change.done")}
          </p>
        ) : null}
        <LoginForm initialError={sessionEnded ? "SESSION_ENDED" : null} />
      </div>
    </main>
  );
}
