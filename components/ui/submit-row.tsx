import { Button } from "./button";

/**
 * A form's submit button with its message beside it, read out as it changes: the refusal (red) or what
 * was done (green). The button says it is working while the action and its refresh run.
 */
export function SubmitRow({
  pending,
  label,
  pendingLabel,
  error,
  notice,
  testId,
  messageTestId,
  className = "",
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  error?: string | null;
  notice?: string | null;
  testId: string;
  messageTestId: string;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <Button type="submit" disabled={pending} data-testid={testId}>
        {pending ? pendingLabel : label}
      </Button>
      <p aria-live="polite" className="text-sm" data-testid={messageTestId}>
        {error ? <span className="text-rose-700">{error}</span> : null}
        {notice ? <span className="text-emerald-700">{notice}</span> : null}
      </p>
    </div>
  );
}
