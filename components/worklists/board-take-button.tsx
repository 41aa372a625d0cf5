"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { takeFromBoard } from "@/app/(app)/strike/board/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/** 接手 on the 零失联 board: the case becomes the member's at once; the slower of two is told who was first. */
export function BoardTakeButton({ candidateId, examNo }: { candidateId: string; examNo: string }) {
  const t = useTranslations("strikeTake");
  const { run, pending, error, fieldErrors } = useActionRunner();
  const [taken, setTaken] = useState(false);

  async function take() {
    const result = await run(() => takeFromBoard({ candidateId }));
    if (result.ok) setTaken(true);
  }

  return (
    <span className="inline-flex flex-col items-end">
      {taken ? (
        <BoardOpenLink candidateId={candidateId} examNo={examNo} />
      ) : (
        <Button variant="secondary" disabled={pending} onClick={take} data-testid={`board-take-${examNo}`}>
          {pending ? t("taking") : t("take")}
        </Button>
      )}
      <span aria-live="polite" className="text-xs text-rose-700" data-testid={`board-take-error-${examNo}`}>
        {error ? (fieldErrors.candidateId?.join(" ") ?? error) : null}
      </span>
    </span>
  );
}

/** The way to a candidate the member has taken: what 接手 becomes, and what the board shows for their claims. */
export function BoardOpenLink({ candidateId, examNo }: { candidateId: string; examNo: string }) {
  const t = useTranslations("strikeTake");
  return (
    <Link
      href={`/calls/${candidateId}`}
      className="text-sm font-medium text-brand-700 underline"
      data-testid={`board-open-${examNo}`}
    >
      {t("open")}
    </Link>
  );
}
