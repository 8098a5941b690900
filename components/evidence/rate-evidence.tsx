"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useRatingScope } from "./rating-scope";

// The form and what it needs (react-hook-form, zod) are fetched when a teacher first opens one, not with the page.
const RatingPanel = dynamic(() => import("./rating-panel").then((m) => m.RatingPanel), { ssr: false, loading: Opening });

/**
 * One piece of evidence's "Rate" button, named after the evidence; pressing it opens the rating
 * form (focus moves into it), and Escape, Cancel or the button again closes it with focus back here.
 * Inside a RatingScope only: without one (the viewer may not rate), nothing is shown.
 */
export function RateEvidence({ evidenceId, goalId, evidenceTitle }: { evidenceId: string; goalId: string; evidenceTitle: string }) {
  const t = useTranslations("evidence.rate");
  const scope = useRatingScope();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!scope) return null;
  // One piece of evidence can be on two goals, each with its own panel.
  const panelId = `rate-${evidenceId}-${goalId}-panel`;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="space-y-3">
      <button
        ref={button}
        type="button"
        aria-label={t("label", { title: evidenceTitle })}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        className={buttonClass("secondary")}
      >
        {t("open")}
      </button>
      {open ? (
        <div id={panelId}>
          <RatingPanel scope={scope} evidenceId={evidenceId} goalId={goalId} evidenceTitle={evidenceTitle} onClose={close} />
        </div>
      ) : null}
    </div>
  );
}

function Opening() {
  const t = useTranslations("evidence.rate");
  return (
    <p role="status" className="text-sm text-slate-700">
      {t("loading")}
    </p>
  );
}
