"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ServerAction } from "@/lib/errors";
import type { RatingFormInput } from "@/lib/evidence/schemas";
import type { LevelView } from "@/lib/mastery/levels";

/** What every rating form on a plan page shares: the plan, its scale's levels and the action that saves. */
export type RatingScopeValue = {
  planId: string;
  levels: readonly LevelView[];
  action: ServerAction<RatingFormInput & { planId: string }, { id: string }>;
};

const RatingScopeContext = createContext<RatingScopeValue | null>(null);

/**
 * Around a plan's goals: `value` when the viewer may rate their evidence, else null (RateEvidence
 * then shows nothing). The scale goes to the browser once for the page, not once per piece of evidence.
 */
export function RatingScope({ value, children }: { value: RatingScopeValue | null; children: ReactNode }) {
  return <RatingScopeContext value={value}>{children}</RatingScopeContext>;
}

export function useRatingScope(): RatingScopeValue | null {
  return useContext(RatingScopeContext);
}
