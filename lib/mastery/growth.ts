// Growth on a standard: from the baseline (the first rating, by evidence date) to the level now.
// Shown to the student, their guardians and teachers ("Developing → Proficient since Oct 3").
import { inEvidenceOrder, levelFor, type Level, type Score } from "./methods";

export type Growth<L extends Level = Level> = {
  from: L;
  to: L;
  /** When the baseline's evidence was created. */
  since: Date;
  /** Compared by level, not by score: 2.1 → 2.6 inside Developing is "same". */
  change: "up" | "down" | "same";
};

/**
 * The change from the first rating's level to the current mastery level. Null with one rating or
 * none (nothing to compare yet), and when either end has no level — n times' "not yet", or points
 * below every level.
 */
export function growthSince<L extends Level>(ratings: readonly Score[], current: number | null, levels: readonly L[]): Growth<L> | null {
  if (ratings.length < 2) return null;
  const baseline = inEvidenceOrder(ratings)[0]?.score;
  if (!baseline) return null;
  const from = levelFor(baseline.points, levels);
  const to = levelFor(current, levels);
  if (!from || !to) return null;
  const change = to.points > from.points ? "up" : to.points < from.points ? "down" : "same";
  return { from, to, since: baseline.at, change };
}

export type GrowthWording = {
  /** The calendar the date is read in; the app shows days in UTC (lib/dates.ts). */
  timeZone?: string;
  /** Today, to leave the year out when it is this year's. */
  now?: Date;
};

/** "Developing → Proficient since Oct 3"; "Still Proficient since Oct 3" when the level has not moved. */
export function describeGrowth(growth: Growth, { timeZone = "UTC", now = new Date() }: GrowthWording = {}): string {
  const year = (d: Date) => new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone }).format(d);
  const sameYear = year(growth.since) === year(now);
  const day = new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone,
  }).format(growth.since);
  if (growth.change === "same") return `Still ${growth.to.name} since ${day}`;
  return `${growth.from.name} → ${growth.to.name} since ${day}`;
}
