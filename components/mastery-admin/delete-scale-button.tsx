"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ServerAction } from "@/lib/errors";
import type { DeleteScaleInput } from "@/lib/mastery/scale-schemas";

type FocusTarget = "confirm" | "delete" | "error";

/** Deletes a scale after a second, explicit click; a scale in use is refused with the reason. */
export function DeleteScaleButton({
  scale,
  remove,
}: {
  scale: { id: string; name: string; version: number };
  remove: ServerAction<DeleteScaleInput, { id: string }>;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // Each step replaces the button that was used, so focus moves to what replaced it once rendered.
  const focusNext = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    ({ confirm: confirmRef, delete: deleteRef, error: errorRef })[target].current?.focus();
  });

  function step(next: { confirming: boolean; error?: string | null; focus: FocusTarget }) {
    focusNext.current = next.focus;
    setError(next.error ?? null);
    setConfirming(next.confirming);
  }

  async function onDelete() {
    setBusy(true);
    const result = await remove({ scaleId: scale.id, version: scale.version });
    setBusy(false);
    if (!result.ok) return step({ confirming: false, error: result.message, focus: "error" });
    router.push("/admin/mastery?done=scale-deleted");
  }

  return (
    <section aria-labelledby="delete-scale-heading" className="mt-8 max-w-3xl space-y-3">
      <h2 id="delete-scale-heading" className="text-base">
        Delete this scale
      </h2>
      <p className="text-sm text-slate-700">A scale that a policy uses or that ratings were given on cannot be deleted.</p>
      {error ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-800 outline-none focus:ring-2 focus:ring-rose-600"
        >
          {error}
        </div>
      ) : null}
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <button ref={confirmRef} type="button" className={buttonClass("danger")} disabled={busy} onClick={onDelete}>
            {busy ? "Deleting…" : `Delete “${scale.name}” for good`}
          </button>
          <button type="button" className={buttonClass("secondary")} onClick={() => step({ confirming: false, focus: "delete" })}>
            Keep it
          </button>
        </div>
      ) : (
        <button
          ref={deleteRef}
          type="button"
          className={buttonClass("secondary")}
          onClick={() => step({ confirming: true, focus: "confirm" })}
        >
          Delete scale
        </button>
      )}
    </section>
  );
}
