"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RemoveClosureInput } from "@/lib/agreements/settings-schemas";
import type { ServerAction } from "@/lib/errors";

/** Removes one closure; a failure is said beside the button, success on the page's status line. */
export function RemoveClosureButton({
  closureId,
  label,
  done,
  remove,
}: {
  closureId: string;
  /** "Thanksgiving, Nov 26, 2026": names the button for screen readers. */
  label: string;
  done: string;
  remove: ServerAction<RemoveClosureInput, { day: string; name: string }>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onRemove() {
    setBusy(true);
    const result = await remove({ closureId });
    setBusy(false);
    if (result.ok) router.push(done);
    else setError(result.message);
  }
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" className="px-3 py-1" disabled={busy} onClick={onRemove}>
        {busy ? "Removing…" : "Remove"}
        <span className="sr-only"> {label}</span>
      </Button>
      {error ? (
        <span className="text-sm text-rose-700" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
