/** A download of one of the xlsx exports (app/api/exports): a plain link, so the browser saves it. */
export function ExportLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      download
      className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50"
    >
      {children}
    </a>
  );
}
