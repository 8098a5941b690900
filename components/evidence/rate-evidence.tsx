"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { OnDemand } from "@/components/ui/on-demand";
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
  if (!scope) return null;
  // useId inside OnDemand keeps the panels apart when one piece of evidence is on two goals.
  return (
    <OnDemand label={t("label", { title: evidenceTitle })} text={t("open")}>
      {(onClose) => <RatingPanel scope={scope} evidenceId={evidenceId} goalId={goalId} evidenceTitle={evidenceTitle} onClose={onClose} />}
    </OnDemand>
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
