"use client";

import { LevelFocusPanel } from "@/components/evidence/level-focus-panel";
import { RatingForm } from "@/components/evidence/rating-form";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/errors";
import type { RatingFormInput } from "@/lib/evidence/schemas";
import type { LevelView } from "@/lib/mastery/levels";
import type { RecordRatingInput } from "@/lib/records/review-schemas";
import { RecordRatingForm } from "./record-rating-form";

// Loaded on demand by queue-rating.tsx: these bring react-hook-form and the schemas with them.

const cancel = (onClose: () => void) => (
  <Button type="button" variant="ghost" onClick={onClose}>
    Cancel
  </Button>
);

export function EvidenceRatingPanel(props: {
  planId: string;
  evidenceId: string;
  goalId: string;
  evidenceTitle: string;
  levels: readonly LevelView[];
  label: string;
  action: ServerAction<RatingFormInput & { planId: string }, { id: string }>;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { onClose, ...form } = props;
  return (
    <LevelFocusPanel onClose={onClose}>
      <RatingForm {...form} shortcuts actions={cancel(onClose)} />
    </LevelFocusPanel>
  );
}

export function RecordRatingPanel(props: {
  recordId: string;
  standardId: string;
  levels: readonly LevelView[];
  label: string;
  action: ServerAction<RecordRatingInput, { id: string }>;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { onClose, ...form } = props;
  return (
    <LevelFocusPanel onClose={onClose}>
      <RecordRatingForm {...form} actions={cancel(onClose)} />
    </LevelFocusPanel>
  );
}
