"use client";

import { useTranslations } from "next-intl";
import { undoUpload } from "@/app/(app)/admin/imports/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

export function UndoBatchButton({ batchId }: { batchId: string }) {
  const t = useTranslations("imports");
  const { run, pending, error } = useActionRunner();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("undoConfirm"))) return;
          await run(() => undoUpload({ batchId }));
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
