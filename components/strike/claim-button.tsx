"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { claimEscalation } from "@/app/(app)/strike/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/** Claims a forwarded candidate; the loser of a race is told who was first. */
export function ClaimButton({ escalationId, examNo }: { escalationId: string; examNo: string }) {
  const t = useTranslations("strike");
  const { run, pending, error } = useActionRunner();
  const [candidateId, setCandidateId] = useState<string | null>(null);

  async function claim() {
    const result = await run(() => claimEscalation({ escalationId }));
    if (result.ok) setCandidateId(result.data.candidateId);
  }

  return (
    <div className="space-y-1">
      {candidateId ? (
        <Link href={`/calls/${candidateId}`} className="font-medium text-brand-700 underline">
          {t("open")}
        </Link>
      ) : (
        <Button disabled={pending} onClick={claim} data-testid={`claim-${examNo}`}>
          {pending ? t("claiming") : t("claim")}
        </Button>
      )}
      <p aria-live="polite" className="text-sm text-rose-700" data-testid="claim-error">
        {error}
      </p>
    </div>
  );
}
