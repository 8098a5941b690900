"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";

/** "Delete record", asked first in place; a rated record is refused with the reason, shown here. */
export function DeleteRecord({
  recordId,
  title,
  action,
}: {
  recordId: string;
  title: string;
  action: ServerAction<{ recordId: string }, { id: string }>;
}) {
  const t = useTranslations("records.delete");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  async function run() {
    setBusy(true);
    const result = await action({ recordId });
    if (!result.ok) {
      setBusy(false);
      setAsking(false);
      setError(result.message);
      requestAnimationFrame(() => opener.current?.focus());
      return;
    }
    router.push("/records?deleted=1");
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
    <div className="space-y-2">
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
        {t("open")}
      </button>
    </div>
  );
}
