import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/layout";

/** One section of the teacher's home: a heading with its count, the first items, and "more". */
export function HomeSection({
  id,
  title,
  count,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  /** Where the next items are, when there are more than shown. */
  more?: { href: string; label: string } | null;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mb-10 scroll-mt-4">
      <h2 id={`${id}-heading`} tabIndex={-1} className="mb-3 flex flex-wrap items-center gap-2">
        {title}
        <span className="rounded-full bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800">
          <span className="sr-only">(</span>
          {count}
          <span className="sr-only">)</span>
        </span>
      </h2>
      {count === 0 ? <EmptyState>{empty}</EmptyState> : children}
      {more ? (
        <p className="mt-3 text-sm">
          <Link href={more.href}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The page's summary: each section's count, linking to it. */
export function NeedsSummary({ sections }: { sections: { id: string; title: string; count: number }[] }) {
  return (
    <nav aria-label="Who needs you now" className="mb-8">
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {sections.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className="flex h-full items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800 no-underline shadow-sm hover:border-indigo-400"
            >
              <span>{s.title}</span>
              <span className="text-lg font-semibold text-slate-900">{s.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
