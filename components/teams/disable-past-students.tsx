"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { disablePastStudents } from "@/app/(app)/admin/campaigns/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/** 停用往届学生账号: the count first, then one confirmed step; a changed count is shown, never guessed. */
export function DisablePastStudents({ count }: { count: number }) {
  const t = useTranslations("teams.students");
  const { run, pending, error, fieldErrors } = useActionRunner({ refresh: "always" });
  const [done, setDone] = useState<number | null>(null);
  return (
    <div className="space-y-3 text-sm" data-testid="past-students">
      <p className="text-slate-600">{t("hint")}</p>
      <p className="font-medium" data-testid="past-students-count">
        {count > 0 ? t("count", { count }) : t("none")}
      </p>
      {count > 0 ? (
        <Button
          variant="secondary"
          className="border-rose-300 text-rose-700 hover:bg-rose-50"
          disabled={pending}
          data-testid="past-students-submit"
          onClick={async () => {
            if (!window.confirm(t("confirm", { count }))) return;
            setDone(null);
            const result = await run(() => disablePastStudents({ expected: String(count) }));
            if (result.ok) setDone(result.data.disabled);
          }}
        >
          {pending ? t("pending") : t("submit", { count })}
        </Button>
      ) : null}
      <p aria-live="polite" data-testid="past-students-message">
        {error ? <span className="text-rose-700">{fieldErrors.expected?.[0] ?? error}</span> : null}
        {done !== null ? <span className="text-emerald-700">{t("done", { count: done })}</span> : null}
      </p>
    </div>
  );
}
