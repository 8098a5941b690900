"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type FocusTarget = "confirm" | "start" | "error";

/**
 * A change that cannot be undone (revoking a tool, removing a mapping), after a second, explicit
 * click. Focus follows the button that replaced the one used; the result lands on the page's
 * status line (`done`).
 */
export function ConfirmButton({
  label,
  confirmLabel,
  busyLabel,
  explanation,
  done,
  run,
}: {
  /** The first button's text, with its object for screen readers ("Revoke <span>Reading app</span>"). */
  label: React.ReactNode;
  confirmLabel: string;
  busyLabel: string;
  explanation: string;
  done: string;
  run: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLSpanElement>(null);
  const focusNext = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    ({ confirm: confirmRef, start: startRef, error: errorRef })[target].current?.focus();
  });

  async function onConfirm() {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (result.ok) return router.push(done);
    focusNext.current = "error";
    setError(result.message);
    setConfirming(false);
  }

  // `relative`: the label's screen-reader-only text is positioned absolutely; inside a table that
  // scrolls sideways on a phone it must stay in the scrolling box, not widen the page.
  return (
    <span className="relative inline-flex flex-col items-start gap-1">
      {confirming ? (
        <span className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700">{explanation}</span>
          <button ref={confirmRef} type="button" className={`${buttonClass("danger")} px-3 py-1`} disabled={busy} onClick={onConfirm}>
            {busy ? busyLabel : confirmLabel}
          </button>
          <button
            type="button"
            className={`${buttonClass("secondary")} px-3 py-1`}
            onClick={() => {
              focusNext.current = "start";
              setConfirming(false);
            }}
          >
            Cancel
          </button>
        </span>
      ) : (
        <button
          ref={startRef}
          type="button"
          className={`${buttonClass("secondary")} px-3 py-1`}
          onClick={() => {
            focusNext.current = "confirm";
            setError(null);
            setConfirming(true);
          }}
        >
          {label}
        </button>
      )}
      {error ? (
        <span ref={errorRef} tabIndex={-1} className="text-sm text-rose-700" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
