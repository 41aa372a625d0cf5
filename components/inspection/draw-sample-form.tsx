"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { drawSample } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

/** Draws the week's sample, with an optional seed to reproduce an earlier draw. */
export function DrawSampleForm({ week }: { week: string }) {
  const t = useTranslations("inspection.draw");
  const [seed, setSeed] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(null);
    const result = await run(() => drawSample({ week, seed }));
    if (result.ok) {
      setSeed("");
      setDone(t("done", result.data));
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <Field label={t("seed")} hint={t("seedHint")}>
        {(control) => (
          <Input
            {...control}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            maxLength={32}
            autoComplete="off"
            data-testid="sample-seed"
            className="w-full max-w-xs font-mono"
          />
        )}
      </Field>
      <Button type="submit" disabled={pending} data-testid="draw-sample">
        {pending ? t("drawing") : t("submit")}
      </Button>
      <p aria-live="polite" className="text-sm" data-testid="draw-message">
        {error ? <span className="text-rose-700">{error}</span> : <span className="text-emerald-700">{done}</span>}
      </p>
    </form>
  );
}
