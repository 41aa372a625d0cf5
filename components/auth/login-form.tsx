"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const KNOWN_ERRORS = ["EMPTY", "INVALID", "LOCKED", "DISABLED", "UNAVAILABLE"] as const;
type LoginError = (typeof KNOWN_ERRORS)[number] | "NETWORK" | "SESSION_ENDED";

export function LoginForm({ initialError = null }: { initialError?: LoginError | null }) {
  const t = useTranslations("login");
  const [error, setError] = useState<LoginError | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!login || !password) {
      setError("EMPTY");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { login, password, redirect: false });
      if (result?.ok && !result.error) {
        // a full page load, so the new session cookie is read by the server; "/" sends each role home
        window.location.assign("/");
        return;
      }
      const code = KNOWN_ERRORS.find((known) => known === result?.error);
      setError(code ?? "INVALID");
    } catch {
      setError("NETWORK");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t("login")}>
        {(control) => (
          <Input
            {...control}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            className="block w-full"
            required
          />
        )}
      </Field>
      <Field label={t("password")}>
        {(control) => (
          <Input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            className="block w-full"
            required
          />
        )}
      </Field>
      <p aria-live="polite" data-testid="form-error" className="min-h-5 text-sm text-rose-700">
        {error ? t(`errors.${error}`) : null}
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
