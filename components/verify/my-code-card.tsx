"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { withLink } from "@/lib/verify/ready-text";

/**
 * 防诈骗核验 on a member's own page: today's code, that families can confirm their number and code on the
 * public page, and a ready text for SMS or WeChat with the page's address (the one the browser used, so it
 * is right behind any proxy and on any host) and the code.
 */
export function MyCodeCard({ code, message: template }: { code: string; message: string }) {
  const t = useTranslations("verify.mine");
  const [link, setLink] = useState("/verify");
  const [copied, setCopied] = useState<"done" | "failed" | null>(null);
  useEffect(() => setLink(`${window.location.origin}/verify`), []);
  const message = withLink(template, link);

  async function copy() {
    try {
      await navigator.clipboard.writeText(message);
      setCopied("done");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <Card title={t("title")} className="mb-4">
      <div data-testid="verify-mine">
        <p className="text-sm text-slate-600">{t("hint")}</p>
        <p className="mt-3 flex flex-wrap items-baseline gap-2">
          <span className="text-sm text-slate-500">{t("codeLabel")}</span>
          <span className="text-2xl font-bold tracking-widest tabular-nums" data-testid="verify-my-code">
            {code}
          </span>
          <span className="text-xs text-slate-500">{t("codeValid")}</span>
        </p>
        <label className="mt-3 block text-sm font-medium" htmlFor="verify-message">
          {t("messageLabel")}
        </label>
        <textarea
          id="verify-message"
          lang="zh-CN"
          readOnly
          value={message}
          // the whole text on a phone without scrolling inside the box
          rows={5}
          className="mt-1 w-full rounded-lg border border-slate-300 bg-slate-50 p-2 text-sm"
          data-testid="verify-message"
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" onClick={copy} data-testid="verify-copy">
            {t("copy")}
          </Button>
          <span aria-live="polite" className="text-sm text-slate-600">
            {copied ? t(copied === "done" ? "copied" : "copyFailed") : null}
          </span>
        </div>
      </div>
    </Card>
  );
}
