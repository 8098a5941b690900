"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import { OpeningForm } from "@/components/ui/on-demand";
import type { ServerAction } from "@/lib/errors";

// The form and what it needs (react-hook-form, zod) are fetched when it is first opened, not with the page.
const EvidenceForm = dynamic(() => import("./evidence-form").then((m) => m.EvidenceForm), { ssr: false, loading: OpeningForm });

/**
 * A goal's "Add evidence" button and, once pressed, its form (focus moves into it). A save closes
 * the form and confirms it in a status that takes focus; Cancel puts focus back on the button.
 */
export function AddEvidence({
  planId,
  goalId,
  action,
}: {
  planId: string;
  goalId: string;
  action: ServerAction<FormData, { id: string }>;
}) {
  const t = useTranslations("evidence.form");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ title: string; n: number } | null>(null);
  const addId = `evidence-${goalId}-add`;
  // Cancel puts focus back on the button once it is there again (a save focuses its status instead).
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    document.getElementById(addId)?.focus();
  }, [open, addId]);

  if (open) {
    return (
      <EvidenceForm
        planId={planId}
        goalId={goalId}
        action={action}
        onSaved={(title) => {
          setSaved((s) => ({ title, n: (s?.n ?? 0) + 1 }));
          setOpen(false);
        }}
        onCancel={() => {
          refocus.current = true;
          setOpen(false);
        }}
      />
    );
  }
  return (
    <>
      {saved ? (
        <FocusedStatus key={saved.n} className="mb-3">
          {t("saved", { title: saved.title })}
        </FocusedStatus>
      ) : null}
      <Button id={addId} type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("add")}
      </Button>
    </>
  );
}
