"use client";

import Link from "next/link";
import { useState } from "react";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import type { RatingFormInput } from "@/lib/evidence/schemas";
import type { EvidenceToRate } from "@/lib/teacher/home";
import { OnDemand } from "@/components/ui/on-demand";
import { EvidenceRatingPanel } from "./queue-rating";
import { useRatingQueue } from "./use-rating-queue";

const KIND_LABEL = { TEXT: "Writing", LINK: "Link", FILE: "File", ACTIVITY_STATEMENT: "Activity record" } as const;

/**
 * Evidence waiting for a rating, each with a "Rate" button that opens its rating form. A saved
 * item leaves the list at once and the next item's form opens with focus in it (or focus goes to
 * the heading when none is left), so a teacher can rate one after another from the keyboard; the
 * page refresh brings the counts.
 */
export function EvidenceQueue({
  items,
  headingId,
  action,
}: {
  items: EvidenceToRate[];
  headingId: string;
  action: ServerAction<RatingFormInput & { planId: string }, { id: string }>;
}) {
  const [announce, setAnnounce] = useState("");
  const { shown, save, opener } = useRatingQueue(items, headingId);

  const onSaved = (item: EvidenceToRate) => () => {
    const next = save(item);
    const left = shown.length - 1;
    setAnnounce(
      `Rating saved for “${item.title}” by ${item.student.name}. ${left === 0 ? "No more on this page." : `Next: “${next?.title}”.`}`,
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
              <article
                aria-labelledby={`item-${item.key.replace(":", "-")}`}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              >
                <h3 id={`item-${item.key.replace(":", "-")}`} className="text-base font-semibold">
                  {item.title}
                </h3>
                <p className="text-xs text-slate-600">
                  {item.student.name} · {KIND_LABEL[item.kind]} · added {formatDay(item.createdAt)} · goal: {item.goal.title} ·{" "}
                  <Link href={`/plans/${item.plan.id}#goal-${item.goal.id}`} className="underline">
                    {item.plan.title}
                  </Link>
                </p>
                <EvidenceBody item={item} />
                <div className="mt-3">
                  <OnDemand label={`Rate “${item.title}” by ${item.student.name}`} text="Rate" {...opener(item)}>
                    {(onClose) => (
                      <EvidenceRatingPanel
                        levels={item.levels}
                        planId={item.plan.id}
                        evidenceId={item.id}
                        goalId={item.goal.id}
                        evidenceTitle={item.title}
                        action={action}
                        label={`Rate “${item.title}” by ${item.student.name}`}
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

function EvidenceBody({ item }: { item: EvidenceToRate }) {
  return (
    <div className="mt-2 space-y-1 text-sm text-slate-800">
      {item.text ? <p className="line-clamp-4 whitespace-pre-line">{item.text}</p> : null}
      {item.url ? (
        <p>
          <a href={item.url} rel="noopener noreferrer" target="_blank" className="break-all underline">
            {item.url}
          </a>
        </p>
      ) : null}
      {item.kind === "FILE" ? (
        <p>
          <a href={`/api/evidence/${item.id}/file`} className="underline">
            {item.fileName ?? "The file"}
          </a>
        </p>
      ) : null}
      {item.reflection ? <p className="text-slate-700">Student’s reflection: {item.reflection}</p> : null}
    </div>
  );
}
