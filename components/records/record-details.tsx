import { formatDay, formatTime } from "@/lib/dates";
import type { RecordDetail } from "@/lib/records/queries";
import { formatDuration, SETTING_LABEL } from "@/lib/records/schemas";

const standardName = (s: { code: string; description: string }) => (s.code ? `${s.code} — ${s.description}` : s.description);

/** What the student told: what, where, when, how long, with whom. */
export function RecordFacts({ record }: { record: RecordDetail }) {
  const rows: [string, string][] = [
    ["Where", [SETTING_LABEL[record.setting], record.place].filter(Boolean).join(" · ")],
    ["When", formatDay(record.happenedOn)],
    ["How long", formatDuration(record.durationMinutes) || "Not given"],
    ["With whom", record.withWhom || "Not given"],
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
      {record.tool ? <p className="text-xs text-slate-600">Suggested by {record.tool}.</p> : null}
    </div>
  );
}

/** The linked standards, read-only (for guardians and teachers). */
export function LinkedStandards({ record }: { record: RecordDetail }) {
  if (record.standards.length === 0) return <p className="text-sm text-slate-700">No standards linked.</p>;
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
  if (record.ratings.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {record.reviewRequestedAt ? "Not rated yet." : "Not rated. Ask for review to have your teachers rate it."}
      </p>
    );
  }
  return (
    <ul className="space-y-3">
      {record.ratings.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p>
            <span className="font-medium">{r.level.name}</span> on {standardName(r.standard)}
          </p>
          {r.feedback ? <p className="mt-1 whitespace-pre-line">{r.feedback}</p> : null}
          <p className="mt-1 text-xs text-slate-600">
            {r.rater?.name ?? "A former teacher"} · {formatTime(r.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The standards' history for this record: each link and unlink, by whom and when. */
export function LinkHistory({ record }: { record: RecordDetail }) {
  if (record.linkEvents.length === 0) return null;
  return (
    <ol className="space-y-1 text-xs text-slate-700">
      {record.linkEvents.map((e) => (
        <li key={e.id}>
          {e.action === "LINKED" ? "Linked" : "Unlinked"} {e.standard.code || e.standard.description} ·{" "}
          {e.actor?.name ?? "someone no longer here"} · {formatTime(e.createdAt)}
        </li>
      ))}
    </ol>
  );
}
