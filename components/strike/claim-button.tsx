"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { claimEscalation } from "@/app/(app)/strike/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

/** Claims a forwarded candidate; the loser of a race is told who was first. */
export function ClaimButton({ escalationId, examNo }: { escalationId: string; examNo: string }) {
  const t = useTranslations("strike");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [candidateId, setCandidateId] = useState<string | null>(null);

  async function claim() {
    setPending(true);
    setError(null);
    const result = await claimEscalation({ escalationId });
    setPending(false);
    if (result.ok) {
      setCandidateId(result.data.candidateId);
      router.refresh();
    } else {
      setError(firstError(result));
    }
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
