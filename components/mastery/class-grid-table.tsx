import Link from "next/link";
import { useTranslations } from "next-intl";
import { RoutedLinks } from "./routed-links";
import { gridRowsHtml, type GridRow } from "./grid-rows-html";

type Standard = { id: string; code: string; description: string };

/**
 * Students × standards: a real table for screen readers (caption, column and row headers), each cell a
 * level's name beside its colour. Compact, with the student column kept in view while scrolling sideways.
 * The rows are styled by the table's `mastery-grid` class (app/globals.css), not one by one: a grid
 * has 1 200 cells, and each cell's own classes used to make up most of the page's weight.
 */
export function ClassGridTable({
  caption,
  standards,
  students,
  sort,
  dir,
  sortHref,
}: {
  caption: string;
  standards: Standard[];
  students: GridRow[];
  sort: string;
  dir: "asc" | "desc";
  /** The grid's address sorted by this key ("name" or a standard's id) in this direction. */
  sortHref: (sort: string, dir: "asc" | "desc") => string;
}) {
  const ariaSort = (key: string) => (sort === key ? (dir === "asc" ? "ascending" : "descending") : undefined);
  const next = (key: string) => (sort === key && dir === "asc" ? "desc" : "asc");
  const arrow = (key: string) => (sort === key ? (dir === "asc" ? " ▲" : " ▼") : "");
  const t = useTranslations("common.badges");
  const labels = { notYet: t("notYet"), notRated: t("notRated") };
  return (
    <RoutedLinks
      className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      role="region"
      aria-label={`${caption} (scrolls sideways)`}
      tabIndex={0}
    >
      <table className="mastery-grid min-w-full border-separate border-spacing-0 text-xs">
        <caption className="px-3 py-2 text-left text-sm font-medium text-slate-800">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" aria-sort={ariaSort("name")} className="sticky left-0 z-10 border-b border-slate-200 bg-slate-50 px-2 py-2">
              <Link
                href={sortHref("name", next("name"))}
                className="inline-flex min-h-6 min-w-6 items-center font-semibold whitespace-nowrap"
              >
                Student{arrow("name")}
                <span className="sr-only">, sort by name</span>
              </Link>
            </th>
            {standards.map((s) => (
              <th
                key={s.id}
                scope="col"
                aria-sort={ariaSort(s.id)}
                className="group relative border-b border-slate-200 px-2 py-2 align-bottom"
              >
                <Link
                  href={sortHref(s.id, next(s.id))}
                  aria-describedby={`statement-${s.id}`}
                  className="inline-flex min-h-6 min-w-6 items-center font-semibold whitespace-nowrap"
                >
                  {s.code}
                  {arrow(s.id)}
                  <span className="sr-only">, sort by level</span>
                </Link>
                {/* The full statement: on hover or keyboard focus here, and always in the list below the table. */}
                <span
                  id={`statement-${s.id}`}
                  role="tooltip"
                  className="absolute top-full left-0 z-20 hidden w-64 rounded-md border border-slate-300 bg-white p-2 text-xs font-normal text-slate-800 shadow-lg group-focus-within:block group-hover:block"
                >
                  {s.description}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        {/* The rows as HTML written once (grid-rows-html.ts): 1 200 cells as React elements cost most of the page. */}
        <tbody dangerouslySetInnerHTML={{ __html: gridRowsHtml(students, labels) }} />
      </table>
    </RoutedLinks>
  );
}

/** The codes and their full statements, for anyone who cannot hover. */
export function StandardsKey({ standards }: { standards: Standard[] }) {
  if (standards.length === 0) return null;
  return (
    <details className="mt-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">What the standards’ codes mean ({standards.length})</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {standards.map((s) => (
          <div key={s.id} className="contents">
            <dt className="font-medium whitespace-nowrap">{s.code}</dt>
            <dd className="text-slate-700">{s.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
