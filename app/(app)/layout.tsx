import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccountMenu } from "@/components/shell/account-menu";
import { AppNav } from "@/components/shell/app-nav";
import { CampaignSwitcher } from "@/components/shell/campaign-switcher";
import { InboxLink } from "@/components/shell/inbox-link";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { PastCampaignBanner, ReadOnly } from "@/components/shell/past-campaign";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Zh } from "@/components/ui/user-data";
import { areasFor, homeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { campaignView } from "@/lib/campaign/queries";
import { unreadCount } from "@/lib/inbox/queries";

/**
 * The signed-in area. This check keeps signed-out visitors off the pages; every page checks its own
 * permission and every action checks again, since a layout does not guard the actions beside it.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const format = await getFormatter();
  const areas = areasFor(user.roles).map((area) => ({ href: area.href, label: t(`areas.${area.key}`) }));
  // a past campaign, for those who may look back: a banner and every form off (lib/campaign/view.ts)
  const view = await campaignView();
  // the one query the inbox adds to every page: an indexed count of the reader's unread notices
  const unread = view.shown ? await unreadCount(user.id, view.shown.id) : 0;
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto max-w-6xl px-4">
          <div className="flex items-center justify-between gap-2 py-2">
            <Link href={homeFor(user.roles)} className="shrink-0 whitespace-nowrap text-lg font-bold text-brand-700">
              {t("app.name")}
            </Link>
            {/* on a 390 px phone every control keeps its words on one line; a long name gives way instead */}
            <div className="flex min-w-0 items-center gap-1 whitespace-nowrap sm:gap-2">
              <span
                className="min-w-[3em] max-w-24 truncate text-sm text-slate-600 sm:max-w-none"
                data-testid="current-user"
              >
                {/* the full name on hover when it is cut, marked as the Chinese datum it is */}
                <Zh title={user.name}>{user.name}</Zh>
                <span className="hidden sm:inline">
                  {" "}
                  ·{" "}
                  {format.list(
                    user.roles.map((r) => t(`roles.${r}`)),
                    { type: "conjunction", style: "narrow" },
                  )}
                </span>
              </span>
              <InboxLink unread={unread} />
              <LanguageSwitch />
              <SignOutButton />
              <AccountMenu />
            </div>
          </div>
          {view.mayLookBack ? (
            <div className="flex justify-end pb-1">
              <CampaignSwitcher campaigns={view.campaigns} shownId={view.shown?.id ?? null} />
            </div>
          ) : null}
          <AppNav items={areas} />
        </div>
      </header>
      {view.past && view.shown ? <PastCampaignBanner name={view.shown.name} /> : null}
      <main className="mx-auto max-w-6xl px-4 py-5">{view.past ? <ReadOnly>{children}</ReadOnly> : children}</main>
    </div>
  );
}
