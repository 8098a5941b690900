"use client";

import Link from "next/link";
import { useState } from "react";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import type { RecordToReview } from "@/lib/records/review";
import type { RecordRatingInput } from "@/lib/records/review-schemas";
import { OnDemand } from "@/components/ui/on-demand";
import { RecordRatingPanel } from "./queue-rating";
import { useRatingQueue } from "./use-rating-queue";

const SETTING_LABEL = {
  COMMUNITY: "In the community",
  HOME: "At home",
  WORKPLACE: "At work",
  ONLINE: "Online",
  TRAVEL: "Travelling",
  OTHER: "Elsewhere",
} as const;

/** "45 minutes", "2 hours 30 minutes". */
function duration(minutes: number) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? "" : "s"}` : "");
  return [part(h, "hour"), part(m, "minute")].filter(Boolean).join(" ");
}

/**
 * Learning records whose students asked for review, one item per linked standard, each with a
 * "Rate" button that opens its rating form. As the evidence queue: a saved item leaves at once and
 * the next item's form opens with focus in it (or focus goes to the section's heading when none is
 * left); the page refresh brings the counts.
 */
export function RecordReviewQueue({
  items,
  headingId,
  action,
}: {
  items: RecordToReview[];
  headingId: string;
  action: ServerAction<RecordRatingInput, { id: string }>;
}) {
  const [announce, setAnnounce] = useState("");
  const { shown, save, opener } = useRatingQueue(items, headingId);
  const domId = (key: string) => key.replace(":", "-");

  const onSaved = (item: RecordToReview) => () => {
    const next = save(item);
    const left = shown.length - 1;
    setAnnounce(
      `Rating saved for “${item.title}” by ${item.student.name} on ${item.standard.code}. ${
        left === 0 ? "No more on this page." : `Next: “${next?.title}”.`
      }`,
    );
  };

  return (
    <>
      <p role="status" className="sr-only">
        {announce}
      </p>
      {shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">
          All rated on this page.
        </p>
      ) : (
        <ol className="space-y-4">
          {shown.map((item) => (
            <li key={item.key}>
              <article aria-labelledby={`record-${domId(item.key)}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h3 id={`record-${domId(item.key)}`} className="text-base font-semibold">
                  <Link href={`/records/${item.id}`}>{item.title}</Link>
                </h3>
                <p className="text-xs text-slate-600">
                  {item.student.name} · learning record · review asked for{" "}
                  {item.reviewRequestedAt ? formatDay(item.reviewRequestedAt) : "—"}
                </p>
                <RecordBody item={item} />
                <p className="mt-2 text-sm">
                  <span className="font-medium">Standard: </span>
                  {item.standard.code ? <span className="font-semibold">{item.standard.code} </span> : null}
                  {item.standard.description}
                </p>
                <div className="mt-3">
                  <OnDemand
                    label={`Rate “${item.title}” by ${item.student.name} on ${item.standard.code || item.standard.description}`}
                    text="Rate"
                    {...opener(item)}
                  >
                    {(onClose) => (
                      <RecordRatingPanel
                        recordId={item.id}
                        standardId={item.standard.id}
                        levels={item.levels}
                        action={action}
                        label={`Rate “${item.title}” by ${item.student.name} on ${item.standard.code || item.standard.description}`}
                        onSaved={onSaved(item)}
                        onClose={onClose}
                      />
                    )}
                  </OnDemand>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function RecordBody({ item }: { item: RecordToReview }) {
  const where = [SETTING_LABEL[item.setting], item.place].filter(Boolean).join(": ");
  return (
    <div className="mt-2 space-y-2 text-sm text-slate-800">
      <p className="line-clamp-6 whitespace-pre-line">{item.description}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-700">
        <dt className="font-medium">Where</dt>
        <dd>{where}</dd>
        <dt className="font-medium">When</dt>
        <dd>{formatDay(item.happenedOn)}</dd>
        {item.durationMinutes ? (
          <>
            <dt className="font-medium">How long</dt>
            <dd>{duration(item.durationMinutes)}</dd>
          </>
        ) : null}
        {item.withWhom ? (
          <>
            <dt className="font-medium">With whom</dt>
            <dd>{item.withWhom}</dd>
          </>
        ) : null}
      </dl>
      {/* A stored file is served by the records' file route, which checks the reader again. */}
      {item.attachments.length ? (
        <ul aria-label={`Attached to “${item.title}”`} className="list-inside list-disc">
          {item.attachments.map((a) => (
            <li key={a.id}>
              {a.kind === "LINK" && a.url ? (
                <a href={a.url} rel="noopener noreferrer" target="_blank" className="break-all underline">
                  {a.title || a.url}
                </a>
              ) : (
                <a href={`/api/records/attachments/${a.id}/file`} className="underline">
                  {a.title || a.fileName || "The file"}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
