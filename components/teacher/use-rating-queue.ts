"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A queue of things to rate, one form open at a time (the evidence and learning-record queues).
 * `save(item)` takes a saved item out at once and opens the next one's form (which takes focus as
 * it opens), or, when none is left, puts focus on the section's heading; it returns that next item
 * for the announcement. The page refresh brings the counts.
 */
export function useRatingQueue<T extends { key: string }>(items: readonly T[], headingId: string) {
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [openKey, setOpenKey] = useState<string | null>(null);
  const focusHeading = useRef(false);
  const shown = items.filter((i) => !saved.has(i.key));

  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    document.getElementById(headingId)?.focus();
  }, [saved, headingId]);

  const save = (item: T): T | undefined => {
    const at = shown.findIndex((i) => i.key === item.key);
    const next = shown[at + 1] ?? shown[at - 1];
    setOpenKey(next?.key ?? null);
    focusHeading.current = !next;
    setSaved((s) => new Set(s).add(item.key));
    return next;
  };
  /** Props for the item's OnDemand: open when it is the queue's open one. */
  const opener = (item: T) => ({
    open: openKey === item.key,
    onOpenChange: (open: boolean) => setOpenKey(open ? item.key : null),
  });
  return { shown, save, opener };
}
