"use client";

import { useTranslations } from "next-intl";
import { undoUpload } from "@/app/(app)/admin/imports/actions";
import { ActionButton } from "@/components/ui/action-button";

export function UndoBatchButton({ batchId }: { batchId: string }) {
  const t = useTranslations("imports");
  return (
    <ActionButton action={() => undoUpload({ batchId })} confirm={t("undoConfirm")}>
      {t("undo")}
    </ActionButton>
  );
}
