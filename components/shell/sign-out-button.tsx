"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The login page of the address the browser is on, whatever address next-auth believes it has. */
async function signOutToLogin() {
  await signOut({ redirect: false });
  window.location.assign("/login");
}

export function SignOutButton() {
  const t = useTranslations("app");
  return (
    <Button variant="ghost" className="min-h-9 px-2" onClick={signOutToLogin}>
      {t("signOut")}
    </Button>
  );
}
