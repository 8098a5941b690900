import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { RecordListItem } from "@/lib/records/queries";
import { formatDuration } from "@/lib/records/schemas";

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
  const t = useTranslations("records");
  const locale = useLocale();
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
              {[formatDay(r.happenedOn, locale), t(`setting.${r.setting}`), r.place, formatDuration(r.durationMinutes)]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <p className="text-xs text-slate-600">
              {[
                r.attachments ? t("list.attachments", { count: r.attachments }) : "",
                r.standards ? t("list.standards", { count: r.standards }) : "",
                r.ratings
                  ? t("list.ratings", { count: r.ratings })
                  : r.reviewRequestedAt
                    ? t("list.reviewAsked", { date: formatDay(r.reviewRequestedAt, locale) })
                    : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </li>
        ))}
      </ul>
      {olderHref ? (
        <nav aria-label={t("list.more")} className="mt-4 text-sm">
          <Link href={olderHref}>{t("list.older")}</Link>
        </nav>
      ) : null}
    </>
  );
}
