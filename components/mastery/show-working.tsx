"use client";

// "Show the working" beside a level: one click loads how the level was reached (the method, the
// ratings in order with dates and raters, the arithmetic) and reveals it, with focus on its heading.
// A standard's working also lists ratings of learning records, and its history of records linked
// to it and unlinked.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { ServerAction } from "@/lib/errors";
import type { Working } from "@/lib/mastery/working";

type Panel = (typeof import("./working-panel"))["WorkingPanel"];

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
  const t = useTranslations("progress.working");
  const panelId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [working, setWorking] = useState<Working | null>(null);
  // The panel's code comes with the first answer (fetched alongside it), not with the page.
  const [WorkingPanel, setPanel] = useState<Panel | null>(null);
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
      const [result, panel] = await Promise.all([
        action(input).catch(() => null),
        import("./working-panel").then(
          (m) => m.WorkingPanel,
          () => null,
        ),
      ]);
      if (!result?.ok || !panel) {
        setError(result?.ok === false ? result.message : t("loadFailed"));
        return;
      }
      setPanel(() => panel);
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
          {pending ? t("loading") : open ? t("hide") : t("show")}
        </button>
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <div id={panelId} hidden={!open} className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        {working && WorkingPanel ? <WorkingPanel working={working} subject={subject} headingRef={headingRef} panelId={panelId} /> : null}
      </div>
    </div>
  );
}
