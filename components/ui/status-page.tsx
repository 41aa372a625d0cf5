import Link from "next/link";

/** The page shown instead of content: 403, 404 and the like, with a way back. */
export function StatusPage({ code, title, body, home }: { code: number; title: string; body: string; home: string }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-300">{code}</p>
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 text-white">
        {home}
      </Link>
    </main>
  );
}
