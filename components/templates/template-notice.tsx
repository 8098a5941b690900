"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("templates.notice");
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
    setStatus(t("unlinked"));
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <StatusMessage message={status} />
      <FormError message={error} />
      {linked ? (
        <>
          <p className="text-indigo-950">{t.rich("follows", { name: () => children })}</p>
          {mayUnlink ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void run()}>
              {busy ? t("working") : t("unlink")}
            </Button>
          ) : null}
        </>
      ) : (
        <p className="text-indigo-950">{t.rich("startedFrom", { name: () => children })}</p>
      )}
    </div>
  );
}
