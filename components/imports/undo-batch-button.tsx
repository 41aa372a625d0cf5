"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { undoUpload } from "@/app/(app)/admin/imports/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

export function UndoBatchButton({ batchId }: { batchId: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("undoConfirm"))) return;
          setPending(true);
          const result = await undoUpload({ batchId });
          setPending(false);
          if (result.ok) router.refresh();
          else setError(firstError(result));
        }}
      >
        {t("undo")}
      </Button>
      <span aria-live="polite" className="text-xs text-rose-700">
        {error}
      </span>
    </span>
  );
}
