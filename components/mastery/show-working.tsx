"use client";

// "Show the working" beside a level: one click loads how the level was reached (the method, the
// ratings in order with dates and raters, the arithmetic) and reveals it, with focus on its heading.
// A standard's working also lists ratings of learning records, and its history of records linked
// to it and unlinked.
import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { LevelBadge } from "@/components/ui/badges";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import type { Working } from "@/lib/mastery/working";

export function ShowWorking<I>({
  action,
  input,
  subject,
  describedBy,
  buttonAlign = "start",
}: {
  action: ServerAction<I, Working>;
  input: I;
  /** What the level is of, for the panel's heading: "Goal 1", "7.RP.A.2". */
  subject: string;
  /** The id of the heading the level sits under, so the button says which level it explains. */
  describedBy?: string;
  /** "end" puts the button under a level shown at the end of a row; the panel always spans the width. */
  buttonAlign?: "start" | "end";
}) {
  const panelId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [working, setWorking] = useState<Working | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // Focus follows each reveal, once the panel is shown with its content (counted, so each one runs).
  const [reveals, setReveals] = useState(0);
  useEffect(() => {
    if (reveals > 0) headingRef.current?.focus();
  }, [reveals]);

  function toggle() {
    if (open) return setOpen(false);
    setError(null);
    if (working) {
      setOpen(true);
      setReveals((n) => n + 1);
      return;
    }
    start(async () => {
      const result = await action(input).catch(() => null);
      if (!result?.ok) {
        setError(result?.message ?? "The working could not be loaded. Please try again.");
        return;
      }
      setWorking(result.data);
      setOpen(true);
      setReveals((n) => n + 1);
    });
  }

  return (
    <div className="mt-1">
      <p className={buttonAlign === "end" ? "text-right" : undefined}>
        <button
          type="button"
          onClick={toggle}
          disabled={pending}
          aria-expanded={open}
          aria-controls={panelId}
          aria-describedby={describedBy}
          className="text-sm font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950 disabled:text-slate-500"
        >
          {pending ? "Loading the working…" : open ? "Hide the working" : "Show the working"}
        </button>
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <div id={panelId} hidden={!open} className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        {working ? <WorkingPanel working={working} subject={subject} headingRef={headingRef} panelId={panelId} /> : null}
      </div>
    </div>
  );
}

function WorkingPanel({
  working,
  subject,
  headingRef,
  panelId,
}: {
  panelId: string;
  working: Working;
  subject: string;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <>
      <h4 ref={headingRef} tabIndex={-1} className="text-sm font-semibold">
        How the level of {subject} was worked out
      </h4>
      <p>{working.method}</p>
      <p className="text-slate-700">
        Scale “{working.scale.name}”:{" "}
        {working.scale.levels.map((l) => `${l.name} ${l.points}${l.proficient ? " (proficient)" : ""}`).join(" · ")}
      </p>
      <p id={`${panelId}-ratings`} className="font-medium">
        Ratings in the order their evidence was created
      </p>
      {working.ratings.some((r) => r.kind === "RECORD") ? (
        <p className="text-slate-700">A learning record counts from the day the learning happened.</p>
      ) : null}
      {/* Focusable, so that a keyboard can scroll the table on a narrow screen. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={`${panelId}-ratings`}>
        <table className="min-w-full divide-y divide-slate-200 bg-white text-left">
          <caption className="sr-only">Ratings in the order their evidence was created</caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-1">
                #
              </th>
              <th scope="col" className="px-2 py-1">
                Evidence
              </th>
              <th scope="col" className="px-2 py-1">
                Rated by
              </th>
              <th scope="col" className="px-2 py-1">
                Level
              </th>
              <th scope="col" className="px-2 py-1">
                Points
              </th>
              <th scope="col" className="px-2 py-1">
                Counted
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {working.ratings.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="px-2 py-1 font-normal">
                  {r.position}
                </th>
                <td className="px-2 py-1">
                  <RatedWork rating={r} />
                </td>
                <td className="px-2 py-1">
                  {r.rater}
                  <span className="block text-xs text-slate-700">on {formatDay(r.ratedAt)}</span>
                </td>
                <td className="px-2 py-1">
                  <LevelBadge level={r.level} rated />
                </td>
                <td className="px-2 py-1">{r.points}</td>
                <td className="px-2 py-1">{r.counted ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {working.calculations.length ? (
        <ol className="list-inside list-decimal space-y-1 font-mono text-xs">
          {working.calculations.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      ) : null}
      <p className="font-medium">
        {working.result} → <LevelBadge level={working.level} rated />
      </p>
      {working.history.length ? <History lines={working.history} panelId={panelId} /> : null}
    </>
  );
}

/** What a rating was of: evidence, or a learning record (linking to it when the viewer may open it). */
function RatedWork({ rating: r }: { rating: Working["ratings"][number] }) {
  if (r.kind === "RECORD") {
    return (
      <>
        <span className="block text-xs font-medium text-slate-700">Learning record</span>
        {r.evidenceTitle !== null && r.recordId !== null ? (
          <Link href={`/records/${r.recordId}`}>{r.evidenceTitle}</Link>
        ) : (
          <span className="text-slate-700">A learning record you cannot open</span>
        )}
        <span className="block text-xs text-slate-700">Happened {formatDay(r.evidenceAt)}</span>
      </>
    );
  }
  return (
    <>
      {r.evidenceTitle ?? <span className="text-slate-700">Evidence on a plan you cannot open</span>}
      <span className="block text-xs text-slate-700">Added {formatDay(r.evidenceAt)}</span>
    </>
  );
}

/** The standard's history: learning records linked to it and unlinked, with who and when. */
function History({ lines, panelId }: { lines: Working["history"]; panelId: string }) {
  return (
    <>
      <p id={`${panelId}-history`} className="font-medium">
        Learning records linked to this standard
      </p>
      <ul aria-labelledby={`${panelId}-history`} className="space-y-1">
        {lines.map((h) => (
          <li key={h.id}>
            Learning record “
            <Link href={`/records/${h.recordId}`} className="underline">
              {h.recordTitle}
            </Link>
            ” {h.action === "LINKED" ? "linked" : "unlinked"} by {h.actor} on {formatDay(h.at)}
          </li>
        ))}
      </ul>
    </>
  );
}
