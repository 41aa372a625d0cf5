"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A contact's screenshots, numbered in the order they were added; one opens when asked, since every
 * view is audited (app/api/contact-evidence) as a phone reveal is.
 */
export function EvidenceViewer({ evidence, testId = "evidence" }: { evidence: { id: string }[]; testId?: string }) {
  const t = useTranslations("evidence");
  const [shown, setShown] = useState<string | null>(null);
  const shownIndex = evidence.findIndex((e) => e.id === shown);
  return (
    <div className="space-y-2" data-testid={`${testId}-viewer`}>
      <div className="flex flex-wrap gap-2">
        {evidence.map((e, index) => (
          <Button
            key={e.id}
            variant={e.id === shown ? "primary" : "secondary"}
            type="button"
            aria-pressed={e.id === shown}
            onClick={() => setShown(e.id === shown ? null : e.id)}
            data-testid={`${testId}-open-${index + 1}`}
          >
            {t("numbered", { n: index + 1 })}
          </Button>
        ))}
      </div>
      {shown ? (
        <figure className="space-y-1">
          {/* a private, audited file: next/image would cache it */}
          {/* biome-ignore lint/performance/noImgElement: served by the app, never cached or optimised */}
          <img
            src={`/api/contact-evidence/${shown}`}
            alt={t("numbered", { n: shownIndex + 1 })}
            className="max-h-[70vh] w-auto max-w-full rounded-lg border border-slate-200"
            data-testid={`${testId}-image`}
          />
          <figcaption className="text-xs text-slate-500">{t("viewAudited")}</figcaption>
        </figure>
      ) : (
        <p className="text-xs text-slate-500">{t("viewAudited")}</p>
      )}
    </div>
  );
}
