"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LevelFocusPanel } from "./level-focus-panel";
import { RatingForm } from "./rating-form";
import type { RatingScopeValue } from "./rating-scope";

/**
 * A rating form as RateEvidence opens it (loaded on demand): focus goes to the level it starts on,
 * as a Tab into the group would; Escape or Cancel calls `onClose`. After a save the form stays open
 * with its focused "Rating saved" status, as it always has.
 */
export function RatingPanel({
  scope,
  evidenceId,
  goalId,
  evidenceTitle,
  onClose,
}: {
  scope: RatingScopeValue;
  evidenceId: string;
  goalId: string;
  evidenceTitle: string;
  onClose: () => void;
}) {
  const t = useTranslations("evidence.rate");
  return (
    <LevelFocusPanel onClose={onClose}>
      <RatingForm
        planId={scope.planId}
        evidenceId={evidenceId}
        goalId={goalId}
        evidenceTitle={evidenceTitle}
        label={t("label", { title: evidenceTitle })}
        levels={scope.levels}
        action={scope.action}
        actions={
          <Button type="button" variant="ghost" onClick={onClose}>
            {t("cancel")}
          </Button>
        }
      />
    </LevelFocusPanel>
  );
}
