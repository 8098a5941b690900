"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { DeletePlanInput } from "@/lib/plans/lifecycle-schemas";

/**
 * "Delete draft", asked first in place (focus moves to the question; "Keep it" returns
 * it to the button). Once deleted, the student lands on Recently deleted, where the
 * result and a Restore button wait for them.
 */
export function DeleteDraft({
  planId,
  version,
  title,
  action,
}: {
  planId: string;
  version: number;
  title: string;
  action: ServerAction<DeletePlanInput, { id: string }>;
}) {
  const t = useTranslations("plans.deleteDraft");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await action({ planId, version });
    if (!result.ok) {
      setBusy(false);
      setAsking(false);
      setError(result.message);
      requestAnimationFrame(() => opener.current?.focus());
      return;
    }
    router.push(`/plans/deleted?deleted=${encodeURIComponent(result.data.id)}`);
  }

  if (asking) {
    return (
      <div role="group" aria-labelledby={questionId} className="space-y-2 rounded-md border border-rose-300 bg-rose-50 p-3">
        <p id={questionId} ref={question} tabIndex={-1} className="text-sm text-rose-950 outline-none">
          {t("question", { title })}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="danger" disabled={busy} onClick={run}>
            {busy ? t("deleting") : t("confirm")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            disabled={busy}
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          >
            {t("keep")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-2 border-t border-slate-100 pt-3">
      <FormError message={error} />
      <button
        ref={opener}
        type="button"
        className={buttonClass("secondary")}
        onClick={() => {
          setAsking(true);
          requestAnimationFrame(() => question.current?.focus());
        }}
      >
        {t("button")}
      </button>
    </div>
  );
}
