"use client";

// "I have read this plan": one button under the sentence it confirms. The result takes focus:
// the thank-you once recorded, or the reason it was not (a plan changed since it was opened is
// reloaded so the new version can be read).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";
import type { AcknowledgePlanInput } from "@/lib/plans/acknowledgment-schemas";
import type { Acknowledged } from "@/lib/plans/acknowledgment";

export function AcknowledgeButton({
  planId,
  version,
  canAcknowledge,
  acknowledged,
  action,
}: {
  planId: string;
  /** The version on the page now. */
  version: number;
  canAcknowledge: boolean;
  /** "You acknowledged version 3 on Nov 30, 2026, 9:12 AM." — worded by the server. */
  acknowledged: string | null;
  action: ServerAction<AcknowledgePlanInput, Acknowledged>;
}) {
  const t = useTranslations("family.acknowledgment");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ version: number; n: number } | null>(null);
  const [error, setError] = useState<{ message: string; n: number } | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function acknowledge() {
    setBusy(true);
    setError(null);
    const result = await action({ planId, version });
    setBusy(false);
    if (!result.ok) {
      setError((e) => ({ message: result.message, n: (e?.n ?? 0) + 1 }));
      if (result.code === "CONFLICT") router.refresh();
      return;
    }
    setDone((d) => ({ version: result.data.planVersion, n: (d?.n ?? 0) + 1 }));
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {done ? <FocusedStatus key={done.n}>{t("thanks", { version: done.version })}</FocusedStatus> : null}
      {error ? (
        <p
          key={error.n}
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-800"
        >
          {error.message}
        </p>
      ) : null}
      {acknowledged ? <p className="text-sm text-slate-800">{acknowledged}</p> : null}
      {canAcknowledge ? (
        <>
          <p id={`acknowledge-${planId}`} className="text-sm text-slate-800">
            {acknowledged ? t("changedSince") : null}
            {t("confirm", { version })}
          </p>
          <Button type="button" disabled={busy} onClick={acknowledge} aria-describedby={`acknowledge-${planId}`}>
            {busy ? t("saving") : t("button")}
          </Button>
        </>
      ) : null}
    </div>
  );
}
