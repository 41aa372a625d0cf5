"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { resetUserPassword } from "@/app/(app)/admin/staff/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";
import { TemporaryPasswordPanel } from "./temporary-password-panel";

type Step = { kind: "idle" } | { kind: "confirming" } | { kind: "shown"; password: string };

/**
 * 重置密码 on a staff row: a confirmation in place (it signs the person out everywhere), then the
 * temporary password in a panel, shown this once (TemporaryPasswordPanel).
 */
export function ResetPasswordButton({ userId, login, name }: { userId: string; login: string; name: string }) {
  const t = useTranslations("staff");
  // nothing on the page changes with a reset, and a refresh must not disturb the panel
  const { run, pending, error } = useActionRunner({ refresh: "never" });
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const confirmText = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLSpanElement>(null);

  // the focus follows what appears, so a screen reader reads the question, then the password's panel
  useEffect(() => {
    if (step.kind === "confirming") confirmText.current?.focus();
  }, [step.kind]);

  async function reset() {
    const result = await run(() => resetUserPassword({ userId }));
    if (result.ok) {
      setStep({ kind: "shown", password: result.data.temporaryPassword });
    }
  }

  function close() {
    setStep({ kind: "idle" });
    // back to the button that opened it, after React has put it back
    requestAnimationFrame(() => opener.current?.querySelector("button")?.focus());
  }

  const box = "w-72 max-w-full space-y-3 whitespace-normal rounded-lg border p-3 text-left text-sm";

  if (step.kind === "shown") {
    return <TemporaryPasswordPanel name={name} password={step.password} testId="reset-panel" onDone={close} />;
  }

  if (step.kind === "confirming") {
    return (
      <div className={`${box} border-slate-300 bg-white`} data-testid={`reset-confirm-${login}`}>
        <p ref={confirmText} tabIndex={-1} className="text-slate-800 outline-none">
          {withData((v) => t("resetConfirm", v), { name })}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button className="min-h-11 px-4" disabled={pending} onClick={reset}>
            {t("confirmReset")}
          </Button>
          <Button variant="ghost" className="min-h-11 px-4" disabled={pending} onClick={close}>
            {t("cancel")}
          </Button>
        </div>
        <p aria-live="polite" className="text-xs text-rose-700">
          {error}
        </p>
      </div>
    );
  }

  return (
    <span ref={opener}>
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        data-testid={`reset-password-${login}`}
        onClick={() => setStep({ kind: "confirming" })}
      >
        {t("resetPassword")}
      </Button>
    </span>
  );
}
