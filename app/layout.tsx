import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { browserTitle } from "@/lib/college/college";
import { currentCollege } from "@/lib/college/queries";
import "./globals.css";

// "回访工作设置 · 回访 · 文理": each page's title, the app's name, and the college's short name once set.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: browserTitle(t("name"), await currentCollege()), description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
