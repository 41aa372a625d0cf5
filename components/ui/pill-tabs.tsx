import Link from "next/link";

/** An area's pages as pill tabs under the page title; on a phone they scroll sideways. */
export function PillTabs({
  label,
  active,
  items,
}: {
  label: string;
  active: string;
  items: readonly { key: string; href: string; label: string }[];
}) {
  return (
    <nav className="mb-4 flex gap-2 overflow-x-auto" aria-label={label}>
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.key === active ? "page" : undefined}
          className={`whitespace-nowrap rounded-full px-4 py-2 text-sm font-medium ${
            item.key === active
              ? "bg-brand-600 text-white"
              : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
          }`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
