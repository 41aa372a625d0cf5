"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { changePassword } from "@/app/(auth)/account/password/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

/**
 * Current (or temporary) password, the new one twice. On success every session of the account has
 * ended on the server; this browser's cookie is cleared too, and the sign-in page asks for the new one.
 */
export function ChangePasswordForm({
  required,
  minLength,
  login,
}: {
  required: boolean;
  minLength: number;
  login: string;
}) {
  const t = useTranslations("accounts.change");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner({ refresh: "never" });
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run(() =>
      changePassword({
        current: String(form.get("current") ?? ""),
        next: String(form.get("next") ?? ""),
        repeat: String(form.get("repeat") ?? ""),
      }),
    );
    if (!result.ok) return;
    setDone(true);
    await signOut({ redirect: false });
    window.location.assign("/login?changed=1");
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {/* lets a password manager file the new password under the right account */}
      <input type="hidden" name="username" autoComplete="username" value={login} readOnly />
      <Field label={required ? t("currentRequired") : t("current")} errors={fieldErrors.current}>
        {(control) => (
          <Input {...control} name="current" type="password" autoComplete="current-password" className="w-full" />
        )}
      </Field>
      <Field label={t("next")} hint={t("nextHint", { min: minLength })} errors={fieldErrors.next}>
        {(control) => <Input {...control} name="next" type="password" autoComplete="new-password" className="w-full" />}
      </Field>
      <Field label={t("repeat")} errors={fieldErrors.repeat}>
        {(control) => (
          <Input {...control} name="repeat" type="password" autoComplete="new-password" className="w-full" />
        )}
      </Field>
      <p aria-live="polite" data-testid="form-error" className="min-h-5 text-sm text-rose-700">
        {done ? null : error}
      </p>
      <Button type="submit" className="w-full" disabled={pending || done}>
        {pending || done ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
