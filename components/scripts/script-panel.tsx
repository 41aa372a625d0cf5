"use client";

import { useEffect, useRef } from "react";

/**
 * The current phase's script beside the contact form: a disclosure that a phone shows closed, so the form
 * stays first on the screen, and a wider screen opens once it has loaded (the server renders it closed).
 */
export function ScriptPanel({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 768px)").matches) ref.current.open = true;
  }, []);
  return (
    <details
      ref={ref}
      className="group rounded-xl border border-slate-200 bg-white shadow-sm"
      data-testid="script-panel"
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 py-3 font-semibold">
        <span>{title}</span>
        <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="max-h-[70vh] overflow-y-auto border-t border-slate-100 p-4">{children}</div>
    </details>
  );
}
