import Link from "next/link";
import { EmptyState } from "@/components/ui/layout";
import type { FrameworkItem } from "@/lib/standards/frameworks";

type Node = { id: string; code: string; description: string };

const name = (n: Node) => n.code || (n.description.length > 50 ? `${n.description.slice(0, 50)}…` : n.description);

/** One level of a framework's tree with the path above it; each item with items under it opens them. */
export function FrameworkTree({
  frameworkId,
  path,
  items,
  total,
}: {
  frameworkId: string;
  path: Node[];
  items: FrameworkItem[];
  total: number;
}) {
  const at = (under?: string) => `/admin/standards/${frameworkId}${under ? `?under=${encodeURIComponent(under)}` : ""}`;
  const here = path.at(-1);
  return (
    <section aria-labelledby="level-heading">
      <nav aria-label="Where you are in the framework" className="mb-3 text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          <li>{here ? <Link href={at()}>Top level</Link> : <span aria-current="page">Top level</span>}</li>
          {path.map((n) => (
            <li key={n.id} className="flex items-center gap-1">
              <span aria-hidden="true">›</span>
              {n.id === here?.id ? <span aria-current="page">{name(n)}</span> : <Link href={at(n.id)}>{name(n)}</Link>}
            </li>
          ))}
        </ol>
      </nav>
      <h2 id="level-heading" className="mb-1">
        {here ? `Under ${name(here)}` : "Top level"}
      </h2>
      {here ? <p className="mb-3 text-sm text-slate-700">{here.description}</p> : null}
      <p className="mb-3 text-sm text-slate-700">
        {total} {total === 1 ? "item" : "items"}
      </p>
      {items.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {items.map((item) => (
            <li key={item.id} className={`p-3 text-sm ${item.retired ? "bg-amber-50" : ""}`}>
              <p>
                {item.code ? <span className="font-semibold">{item.code} </span> : null}
                {item.description}
              </p>
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700">
                {item.itemType ? <span>{item.itemType}</span> : null}
                {item.gradeLevels.length ? <span>Grades {item.gradeLevels.join(", ")}</span> : null}
                {item.retired ? (
                  <span className="font-semibold text-amber-900">Retired: no longer in the framework; goals that use it keep it</span>
                ) : null}
                {item.children ? (
                  <Link href={at(item.id)}>
                    {item.children} {item.children === 1 ? "item" : "items"} under {name(item)}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Nothing here.</EmptyState>
      )}
    </section>
  );
}
