"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { resetUserPassword } from "@/app/(app)/admin/staff/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";

type Step = { kind: "idle" } | { kind: "confirming" } | { kind: "shown"; password: string };

/**
 * 重置密码 on a staff row: a confirmation in place (it signs the person out everywhere), then the
 * temporary password in a panel, shown this once: it lives only in this component's state and is
 * dropped when the admin closes the panel, so a reload or a later visit cannot show it again.
 */
export function ResetPasswordButton({ userId, login, name }: { userId: string; login: string; name: string }) {
  const t = useTranslations("staff");
  // nothing on the page changes with a reset, and a refresh must not disturb the panel
  const { run, pending, error } = useActionRunner({ refresh: "never" });
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const panelTitle = useRef<HTMLHeadingElement>(null);
  const confirmText = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLSpanElement>(null);
  const passwordRef = useRef<HTMLElement>(null);

  // the focus follows what appears, so a screen reader reads the question, then the password's panel
  useEffect(() => {
    if (step.kind === "confirming") confirmText.current?.focus();
    if (step.kind === "shown") panelTitle.current?.focus();
  }, [step.kind]);

  async function reset() {
    const result = await run(() => resetUserPassword({ userId }));
    if (result.ok) {
      setCopied("no");
      setStep({ kind: "shown", password: result.data.temporaryPassword });
    }
  }

  async function copy(password: string) {
    try {
      await navigator.clipboard.writeText(password);
      setCopied("yes");
    } catch {
      // no clipboard (an insecure address, a refused permission): select it for a manual copy
      const range = document.createRange();
      if (passwordRef.current) range.selectNodeContents(passwordRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied("failed");
    }
  }

  function close() {
    setStep({ kind: "idle" });
    setCopied("no");
    // back to the button that opened it, after React has put it back
    requestAnimationFrame(() => opener.current?.querySelector("button")?.focus());
  }

  const box = "w-72 max-w-full space-y-3 whitespace-normal rounded-lg border p-3 text-left text-sm";

  if (step.kind === "shown") {
    const titleId = `reset-title-${login}`;
    return (
      <section aria-labelledby={titleId} className={`${box} border-amber-300 bg-amber-50`} data-testid="reset-panel">
        <h2 id={titleId} ref={panelTitle} tabIndex={-1} className="font-medium text-slate-900 outline-none">
          {withData((v) => t("temporaryTitle", v), { name })}
        </h2>
        <code
          ref={passwordRef}
          className="block select-all break-all rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-lg tracking-wider text-slate-900"
          data-testid="temporary-password"
          translate="no"
        >
          {step.password}
        </code>
        <p className="text-slate-700">{t("temporaryExplain")}</p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" className="min-h-11 px-4" onClick={() => copy(step.password)}>
            {t("copy")}
          </Button>
          <Button className="min-h-11 px-4" onClick={close}>
            {t("done")}
          </Button>
        </div>
        <p aria-live="polite" className={`min-h-5 ${copied === "failed" ? "text-rose-700" : "text-emerald-700"}`}>
          {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : null}
        </p>
      </section>
    );
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
