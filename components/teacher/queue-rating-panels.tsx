"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { RatingForm } from "@/components/evidence/rating-form";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/errors";
import type { RatingFormInput } from "@/lib/evidence/schemas";
import type { LevelView } from "@/lib/mastery/levels";
import type { RecordRatingInput } from "@/lib/records/review-schemas";
import { RecordRatingForm } from "./record-rating-form";

// Loaded on demand by queue-rating.tsx: these bring react-hook-form and the schemas with them.

/** Focus goes to the level the form starts on when it opens (as a Tab into the group would); Escape or Cancel closes it. */
function QueuePanel({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const radios = [...(ref.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onClose();
  };
  return (
    <div ref={ref} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

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
    <QueuePanel onClose={onClose}>
      <RatingForm {...form} shortcuts actions={cancel(onClose)} />
    </QueuePanel>
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
    <QueuePanel onClose={onClose}>
      <RecordRatingForm {...form} actions={cancel(onClose)} />
    </QueuePanel>
  );
}
