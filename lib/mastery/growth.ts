// Growth on a standard: from the baseline (the first rating, by evidence date) to the level now.
// Shown to the student, their guardians and teachers ("Developing → Proficient since Oct 3").
import { createTranslator } from "use-intl/core";
import { dateFormat } from "@/lib/dates";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";
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

/** A growth line's facts, for a page to word in the reader's language (the same choices describeGrowth makes). */
export type GrowthParts = {
  change: Growth["change"];
  from: string;
  to: string;
  since: Date;
  /** The year is shown only when the baseline is not from this year. */
  withYear: boolean;
};

// A page words a growth line per standard (a family's home, a progress page): its date formats
// (lib/dates.ts) and translator are made once per language, then reused.
const translators = new Map<Locale, ReturnType<typeof lineTranslator>>();
const lineTranslator = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale), namespace: "progress.growthLine" });

export function growthParts(growth: Growth, { timeZone = "UTC", now = new Date() }: GrowthWording = {}): GrowthParts {
  const year = (d: Date) => dateFormat("en-US", { year: "numeric", timeZone }).format(d);
  return {
    change: growth.change,
    from: growth.from.name,
    to: growth.to.name,
    since: growth.since,
    withYear: year(growth.since) !== year(now),
  };
}

/** The date options of a growth line's "since": "Oct 3", or "Oct 3, 2025" in another year. */
export function sinceFormat(
  parts: Pick<GrowthParts, "withYear">,
  timeZone = "UTC",
): { month: "short"; day: "numeric"; year?: "numeric"; timeZone: string } {
  return { month: "short", day: "numeric", ...(parts.withYear ? { year: "numeric" } : {}), timeZone };
}

/** "Developing → Proficient since Oct 3"; "Still Proficient since Oct 3" when the level has not moved. */
export function describeGrowth(growth: Growth, wording: GrowthWording = {}): string {
  const parts = growthParts(growth, wording);
  const day = dateFormat("en-US", sinceFormat(parts, wording.timeZone)).format(parts.since);
  if (parts.change === "same") return `Still ${parts.to} since ${day}`;
  return `${parts.from} → ${parts.to} since ${day}`;
}

/** The growth line in the reader's language (progress.growthLine); in English, describeGrowth's sentence. */
export function wordGrowth(parts: GrowthParts, locale: Locale, timeZone = "UTC"): string {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = lineTranslator(locale)));
  const date = dateFormat(locale, sinceFormat(parts, timeZone)).format(parts.since);
  return parts.change === "same" ? t("same", { to: parts.to, date }) : t("moved", { from: parts.from, to: parts.to, date });
}
