"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { StatusMessage } from "@/components/people/status-message";

/**
 * "This plan follows the template X" with Unlink. It stays mounted when the page refreshes
 * after unlinking, so the result is announced and focused where the button was.
 */
export function TemplateNotice({
  planId,
  linked,
  mayUnlink,
  unlink,
  children,
}: {
  planId: string;
  linked: boolean;
  mayUnlink: boolean;
  unlink: ServerAction<{ planId: string }, null>;
  /** The template's name (a link when the reader may open it). */
  children: ReactNode;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await unlink({ planId });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setStatus("This plan no longer follows its template. Its content stays as it is, and you can change it freely.");
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <StatusMessage message={status} />
      <FormError message={error} />
      {linked ? (
        <>
          <p className="text-indigo-950">
            This plan follows the template {children}. While it is a draft, changes to the template update it too. Editing the plan yourself
            unlinks it, keeping everything it says.
          </p>
          {mayUnlink ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void run()}>
              {busy ? "Working…" : "Unlink from the template"}
            </Button>
          ) : null}
        </>
      ) : (
        <p className="text-indigo-950">This plan was started from the template {children} and no longer follows it.</p>
      )}
    </div>
  );
}
