import { useLocale, useTranslations } from "next-intl";
import { formatDay, formatTime } from "@/lib/dates";
import type { RecordDetail } from "@/lib/records/queries";
import { formatDuration } from "@/lib/records/schemas";

const standardName = (s: { code: string; description: string }) => (s.code ? `${s.code} — ${s.description}` : s.description);

/** What the student told: what, where, when, how long, with whom. */
export function RecordFacts({ record }: { record: RecordDetail }) {
  const t = useTranslations("records");
  const locale = useLocale();
  const rows: [string, string][] = [
    [t("facts.where"), [t(`setting.${record.setting}`), record.place].filter(Boolean).join(" · ")],
    [t("facts.when"), formatDay(record.happenedOn, locale)],
    [t("facts.howLong"), formatDuration(record.durationMinutes) || t("facts.notGiven")],
    [t("facts.withWhom"), record.withWhom || t("facts.notGiven")],
  ];
  return (
    <div className="space-y-3">
      <p className="text-sm whitespace-pre-line">{record.description}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {record.tool ? <p className="text-xs text-slate-600">{t("facts.suggestedBy", { tool: record.tool })}</p> : null}
    </div>
  );
}

/** The linked standards, read-only (for guardians and teachers). */
export function LinkedStandards({ record }: { record: RecordDetail }) {
  const t = useTranslations("records");
  if (record.standards.length === 0) return <p className="text-sm text-slate-700">{t("facts.noStandards")}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {record.standards.map((s) => (
        <li key={s.standard.id}>{standardName(s.standard)}</li>
      ))}
    </ul>
  );
}

/** Teachers' ratings of the record, newest first. */
export function RecordRatings({ record }: { record: RecordDetail }) {
  const t = useTranslations("records");
  const locale = useLocale();
  if (record.ratings.length === 0) {
    return <p className="text-sm text-slate-700">{record.reviewRequestedAt ? t("facts.notRatedYet") : t("facts.notRated")}</p>;
  }
  return (
    <ul className="space-y-3">
      {record.ratings.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p>
            {t.rich("facts.ratingOn", {
              level: r.level.name,
              standard: standardName(r.standard),
              strong: (chunks) => <span className="font-medium">{chunks}</span>,
            })}
          </p>
          {r.feedback ? <p className="mt-1 whitespace-pre-line">{r.feedback}</p> : null}
          <p className="mt-1 text-xs text-slate-600">
            {r.rater?.name ?? t("facts.formerTeacher")} · {formatTime(r.createdAt, locale)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The standards' history for this record: each link and unlink, by whom and when. */
export function LinkHistory({ record }: { record: RecordDetail }) {
  const t = useTranslations("records");
  const locale = useLocale();
  if (record.linkEvents.length === 0) return null;
  return (
    <ol className="space-y-1 text-xs text-slate-700">
      {record.linkEvents.map((e) => (
        <li key={e.id}>
          {e.action === "LINKED" ? t("facts.linked") : t("facts.unlinked")} {e.standard.code || e.standard.description} ·{" "}
          {e.actor?.name ?? t("facts.someoneGone")} · {formatTime(e.createdAt, locale)}
        </li>
      ))}
    </ol>
  );
}
