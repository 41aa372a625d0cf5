"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { drawSample } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "./use-action";

/** Draws the week's sample, with an optional seed to reproduce an earlier draw. */
export function DrawSampleForm({ week }: { week: string }) {
  const t = useTranslations("inspection.draw");
  const [seed, setSeed] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(null);
    const data = await run(() => drawSample({ week, seed }));
    if (data) {
      setSeed("");
      setDone(t("done", data));
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("seed")}</span>
        <input
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          maxLength={32}
          autoComplete="off"
          data-testid="sample-seed"
          className="min-h-11 w-full max-w-xs rounded-lg border border-slate-300 px-3 font-mono text-base"
        />
        <span className="mt-1 block text-xs text-slate-500">{t("seedHint")}</span>
      </label>
      <Button type="submit" disabled={pending} data-testid="draw-sample">
        {pending ? t("drawing") : t("submit")}
      </Button>
      <p aria-live="polite" className="text-sm" data-testid="draw-message">
        {error ? <span className="text-rose-700">{error}</span> : <span className="text-emerald-700">{done}</span>}
      </p>
    </form>
  );
}
