import { EmptyState } from "@/components/ui/layout";
import type { RemoveClosureInput } from "@/lib/agreements/settings-schemas";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import { RemoveClosureButton } from "./remove-closure-button";

const weekday = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" });

/** Closures by date, each removable when the admin manages them. */
export function ClosureList({
  closures,
  caption,
  empty,
  done,
  remove,
}: {
  closures: readonly { id: string; day: string; name: string }[];
  caption: string;
  empty: string;
  done?: (day: string) => string;
  remove?: ServerAction<RemoveClosureInput, { day: string; name: string }>;
}) {
  if (closures.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul aria-label={caption} className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {closures.map((c) => {
        const date = `${weekday.format(new Date(`${c.day}T00:00:00Z`))}, ${formatDay(c.day)}`;
        return (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            <span>
              <span className="font-medium text-slate-900">{date}</span>
              <span className="block break-words text-slate-700">{c.name}</span>
            </span>
            {remove && done ? (
              <RemoveClosureButton closureId={c.id} label={`${c.name}, ${formatDay(c.day)}`} done={done(c.day)} remove={remove} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
