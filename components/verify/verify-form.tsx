"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { withData } from "@/components/ui/user-data";
import type { CheckAnswer } from "@/lib/verify/check";

type Kind = "CODE" | "NUMBER";
type Shown = CheckAnswer | { status: "UNAVAILABLE" };

/** The family's form: the code the caller read out, or the number that called, and the answer under it. */
export function VerifyForm() {
  const t = useTranslations("verify");
  const [kind, setKind] = useState<Kind>("CODE");
  const [value, setValue] = useState("");
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Shown | null>(null);

  async function submit() {
    setPending(true);
    setAnswer(null);
    try {
      const response = await fetch("/api/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind, value }),
      });
      const body = (await response.json().catch(() => null)) as Shown | null;
      setAnswer(body && "status" in body && body.status !== "OFF" ? body : { status: "UNAVAILABLE" });
    } catch {
      setAnswer({ status: "UNAVAILABLE" });
    } finally {
      setPending(false);
    }
  }

  const tab = (value: Kind, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={kind === value}
      onClick={() => {
        setKind(value);
        setValue("");
        setAnswer(null);
      }}
      className={`min-h-11 flex-1 rounded-lg px-3 text-sm font-medium ${kind === value ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}
      data-testid={`verify-tab-${value.toLowerCase()}`}
    >
      {label}
    </button>
  );
  const invalid = answer?.status === "INVALID";

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div role="tablist" className="mb-4 flex gap-2">
        {tab("CODE", t("byCode"))}
        {tab("NUMBER", t("byNumber"))}
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          label={kind === "CODE" ? t("codeLabel") : t("numberLabel")}
          hint={kind === "CODE" ? t("codeHint") : t("numberHint")}
          errors={invalid ? [kind === "CODE" ? t("codeInvalid") : t("numberInvalid")] : undefined}
          errorTestId="verify-error"
        >
          {(control) => (
            <Input
              {...control}
              value={value}
              onChange={(event) => setValue(event.target.value.slice(0, 24))}
              inputMode={kind === "CODE" ? "numeric" : "tel"}
              autoComplete="off"
              className="w-full text-lg tabular-nums"
              data-testid="verify-value"
            />
          )}
        </Field>
        <Button type="submit" disabled={pending} className="mt-4 w-full" data-testid="verify-submit">
          {pending ? t("checking") : t("submit")}
        </Button>
      </form>
      <div aria-live="polite" className="mt-4">
        {answer && !invalid ? <Answer answer={answer} /> : null}
      </div>
    </div>
  );
}

function Answer({ answer }: { answer: Shown }) {
  const t = useTranslations("verify");
  switch (answer.status) {
    case "MATCH":
      return (
        <div className="rounded-lg bg-emerald-50 p-4 text-emerald-900" data-testid="verify-match">
          <p className="text-base font-semibold">{t("match.title")}</p>
          <p className="mt-2 text-lg font-medium" data-testid="verify-person">
            {withData(
              (values) =>
                t(answer.honorific === "STUDENT" ? "match.student" : "match.teacher", {
                  team: values.team ?? "",
                  surname: values.surname ?? "",
                }),
              { team: answer.team, surname: answer.surname },
            )}
          </p>
          <p className="mt-2 text-sm">{t("match.advice")}</p>
        </div>
      );
    case "NO_MATCH":
      return (
        <div className="rounded-lg bg-red-50 p-4 text-red-900" data-testid="verify-no-match">
          <p className="text-base font-semibold">{answer.kind === "CODE" ? t("noMatch.code") : t("noMatch.number")}</p>
          <p className="mt-2 text-sm font-medium">{t("noMatch.hangUp")}</p>
          {answer.admissionsPhone ? (
            <p className="mt-2 text-sm">
              {t("noMatch.callOffice")}{" "}
              <a
                href={`tel:${answer.admissionsPhone}`}
                className="font-semibold underline tabular-nums"
                data-testid="verify-office"
              >
                {answer.admissionsPhone}
              </a>
            </p>
          ) : (
            <p className="mt-2 text-sm">{t("noMatch.noOffice")}</p>
          )}
        </div>
      );
    case "LIMITED":
      return (
        <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900" data-testid="verify-limited">
          {t("limited")}
        </p>
      );
    default:
      return (
        <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900" data-testid="verify-unavailable">
          {t("unavailable")}
        </p>
      );
  }
}
