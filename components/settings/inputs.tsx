// The settings form's input look and its field errors, shared by the sections. These modules are part
// of settings-editor.tsx's client bundle, which is where the "use client" boundary sits.

export const INPUT =
  "min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base tabular-nums focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-rose-500 aria-[invalid=true]:bg-rose-50";

/** A field's errors below it, read out when they change; a setting's input names them by id in aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm text-rose-700">
      {errors?.join(" ")}
    </p>
  );
}
