"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/errors";
import type { ResolveInput } from "@/lib/conversation/schemas";
import { focusWhenShown } from "./focus";

/**
 * A teacher resolves a thread (it collapses to "Resolved by …", which takes focus) or
 * reopens it (its first comment takes focus).
 */
export function ResolveButton({
  planId,
  threadId,
  resolved,
  action,
}: {
  planId: string;
  threadId: string;
  resolved: boolean;
  action: ServerAction<ResolveInput, { id: string; resolved: boolean }>;
}) {
  const t = useTranslations("conversation");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    const result = await action({ planId, threadId, resolved: !resolved });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
    focusWhenShown(resolved ? `comment-${threadId}` : `thread-${threadId}-resolved`);
  }
  return (
    <>
      <Button type="button" variant="secondary" disabled={busy} onClick={run}>
        {resolved ? (busy ? t("reopening") : t("reopenThread")) : busy ? t("resolving") : t("resolveThread")}
      </Button>
      {error ? (
        <p role="alert" className="basis-full text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
