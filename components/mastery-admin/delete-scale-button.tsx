"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { DeleteScaleInput } from "@/lib/mastery/scale-schemas";

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

  async function onDelete() {
    setBusy(true);
    const result = await remove({ scaleId: scale.id, version: scale.version });
    setBusy(false);
    if (!result.ok) {
      setConfirming(false);
      return setError(result.message);
    }
    router.push("/admin/mastery?done=scale-deleted");
  }

  return (
    <section aria-labelledby="delete-scale-heading" className="mt-8 max-w-3xl space-y-3">
      <h2 id="delete-scale-heading" className="text-base">
        Delete this scale
      </h2>
      <p className="text-sm text-slate-700">A scale that a policy uses or that ratings were given on cannot be deleted.</p>
      <FormError message={error} />
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <button ref={confirmRef} type="button" className={buttonClass("danger")} disabled={busy} onClick={onDelete}>
            {busy ? "Deleting…" : `Delete “${scale.name}” for good`}
          </button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setError(null);
            setConfirming(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}
        >
          Delete scale
        </Button>
      )}
    </section>
  );
}
