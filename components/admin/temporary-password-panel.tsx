"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { withData } from "@/components/ui/user-data";

/**
 * A temporary password shown this once (after a reset or a new account), with a copy button: it lives
 * only in the opener's state and is dropped when the admin presses 完成, so a reload or a later visit
 * cannot show it again. The focus moves to the panel so a screen reader reads it.
 */
export function TemporaryPasswordPanel({
  name,
  password,
  testId,
  className = "w-72",
  onDone,
}: {
  name: string;
  password: string;
  testId: string;
  className?: string;
  onDone: () => void;
}) {
  const t = useTranslations("staff");
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const title = useRef<HTMLHeadingElement>(null);
  const passwordRef = useRef<HTMLElement>(null);
  const titleId = `${testId}-title`;

  useEffect(() => title.current?.focus(), []);

  async function copy() {
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

  return (
    <section
      aria-labelledby={titleId}
      className={`${className} max-w-full space-y-3 whitespace-normal rounded-lg border border-amber-300 bg-amber-50 p-3 text-left text-sm`}
      data-testid={testId}
    >
      <h2 id={titleId} ref={title} tabIndex={-1} className="font-medium text-slate-900 outline-none">
        {withData((v) => t("temporaryTitle", v), { name })}
      </h2>
      <code
        ref={passwordRef}
        className="block select-all break-all rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-lg tracking-wider text-slate-900"
        data-testid="temporary-password"
        translate="no"
      >
        {password}
      </code>
      <p className="text-slate-700">{t("temporaryExplain")}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" className="min-h-11 px-4" onClick={copy}>
          {t("copy")}
        </Button>
        <Button className="min-h-11 px-4" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
      <p aria-live="polite" className={`min-h-5 ${copied === "failed" ? "text-rose-700" : "text-emerald-700"}`}>
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : null}
      </p>
    </section>
  );
}
