"use client";

import { Button } from "@/components/ui/button";

/** The browser's print dialog; on screen only (the printed page has no buttons). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" className="print:hidden" data-testid="print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
