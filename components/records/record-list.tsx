import Link from "next/link";
import { EmptyState } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { RecordListItem } from "@/lib/records/queries";
import { formatDuration, SETTING_LABEL } from "@/lib/records/schemas";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Learning records as cards (they fit a phone), newest first, with "Older records" for the next page. */
export function RecordList({
  items,
  label,
  empty,
  olderHref,
}: {
  items: readonly RecordListItem[];
  label: string;
  empty: string;
  olderHref?: string;
}) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <ul aria-label={label} className="space-y-3">
        {items.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <Link href={`/records/${r.id}`} className="font-medium">
              {r.title}
            </Link>
            <p className="text-sm text-slate-700">
              {[formatDay(r.happenedOn), SETTING_LABEL[r.setting], r.place, formatDuration(r.durationMinutes)].filter(Boolean).join(" · ")}
            </p>
            <p className="text-xs text-slate-600">
              {[
                r.attachments ? plural(r.attachments, "attachment", "attachments") : "",
                r.standards ? plural(r.standards, "standard", "standards") : "",
                r.ratings
                  ? plural(r.ratings, "rating", "ratings")
                  : r.reviewRequestedAt
                    ? `Review asked on ${formatDay(r.reviewRequestedAt)}`
                    : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </li>
        ))}
      </ul>
      {olderHref ? (
        <nav aria-label="More records" className="mt-4 text-sm">
          <Link href={olderHref}>Older records →</Link>
        </nav>
      ) : null}
    </>
  );
}
