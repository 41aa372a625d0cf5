"use client";

import { useTranslations } from "next-intl";
import { setFindingFollowUp } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/** Corrected / not corrected, after the deadline has been checked. */
export function FollowUpButtons({ findingId, corrected }: { findingId: string; corrected: boolean | null }) {
  const t = useTranslations("inspection.findings");
  const { run, pending, error } = useActionRunner();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {corrected !== true ? (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => setFindingFollowUp({ findingId, corrected: "true" }))}
        >
          {t("markCorrected")}
        </Button>
      ) : null}
      {corrected !== false ? (
        <Button
          variant="ghost"
          disabled={pending}
          onClick={() => run(() => setFindingFollowUp({ findingId, corrected: "false" }))}
        >
          {t("markNotCorrected")}
        </Button>
      ) : null}
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
