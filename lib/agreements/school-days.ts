// School days for independent study rules: Monday to Friday inside the organization's school
// year, less the days the school is closed. Dates are calendar days ("YYYY-MM-DD"), read in UTC
// like every date column (lib/dates.ts), so no time zone can move a day.
import { fromIsoDay, isoDay } from "@/lib/dates";

export type SchoolCalendar = {
  /** First and last day of the school year (the organization's dates). */
  startsOn: string;
  endsOn: string;
  /** Weekdays without school (holidays, breaks), as YYYY-MM-DD. */
  closures?: readonly string[];
};

/** An agreement of this many school days or more is "long" (signatures before it starts). */
export const LONG_AGREEMENT_SCHOOL_DAYS = 16;
/** A short agreement's signatures are due within this many school days of its start. */
export const SHORT_AGREEMENT_SIGNING_DAYS = 10;
/** A return to the classroom is no later than this many school days ahead. */
export const RETURN_WITHIN_SCHOOL_DAYS = 5;

const DAY = 86_400_000;
const next = (day: string, by = 1) => isoDay(new Date(fromIsoDay(day).getTime() + by * DAY));

export function isSchoolDay(day: string, calendar: SchoolCalendar): boolean {
  if (day < calendar.startsOn || day > calendar.endsOn) return false;
  const weekday = fromIsoDay(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !(calendar.closures ?? []).includes(day);
}

/** School days from `from` to `to`, both included (0 when `to` is before `from`). */
export function schoolDaysBetween(from: string, to: string, calendar: SchoolCalendar): number {
  let count = 0;
  for (let day = from; day <= to; day = next(day)) if (isSchoolDay(day, calendar)) count++;
  return count;
}

/**
 * The `n`th school day after `day` (not counting `day` itself); null when the school year ends
 * first. `n` = 0 gives `day` when it is a school day, else the next one.
 */
export function addSchoolDays(day: string, n: number, calendar: SchoolCalendar): string | null {
  let left = n;
  let at = day;
  if (n === 0) {
    while (at <= calendar.endsOn && !isSchoolDay(at, calendar)) at = next(at);
    return at <= calendar.endsOn ? at : null;
  }
  while (left > 0) {
    at = next(at);
    if (at > calendar.endsOn) return null;
    if (isSchoolDay(at, calendar)) left--;
  }
  return at;
}

export type SigningRule =
  | { kind: "long"; schoolDays: number; signBefore: string; text: string }
  | { kind: "short"; schoolDays: number; signBy: string | null; text: string };

/**
 * Which signing deadline applies to an agreement from `startsOn` to `endsOn`: a long one (16
 * school days or more) needs every signature before its first day; a short one within 10
 * school days of its start (counting from its first school day).
 */
export function signingRule(startsOn: string, endsOn: string, calendar: SchoolCalendar): SigningRule {
  const schoolDays = schoolDaysBetween(startsOn, endsOn, calendar);
  if (schoolDays >= LONG_AGREEMENT_SCHOOL_DAYS) {
    return {
      kind: "long",
      schoolDays,
      signBefore: startsOn,
      text: `This agreement lasts ${schoolDays} school days, so everyone must sign before it starts on ${startsOn}.`,
    };
  }
  const first = addSchoolDays(startsOn, 0, calendar);
  const signBy = first ? addSchoolDays(first, SHORT_AGREEMENT_SIGNING_DAYS - 1, calendar) : null;
  return {
    kind: "short",
    schoolDays,
    signBy,
    text: `This agreement lasts ${schoolDays} school ${schoolDays === 1 ? "day" : "days"} (fewer than ${LONG_AGREEMENT_SCHOOL_DAYS}), so everyone must sign within ${SHORT_AGREEMENT_SIGNING_DAYS} school days of its start${signBy ? `, by ${signBy}` : ""}.`,
  };
}

/** Whether signing on `day` keeps the rule; false once the deadline has passed. */
export function signedInTime(rule: SigningRule, day: string): boolean {
  return rule.kind === "long" ? day < rule.signBefore : rule.signBy !== null && day <= rule.signBy;
}

/** The latest date a student returning to the classroom may be given, counted from `today`. */
export function latestReturnDate(today: string, calendar: SchoolCalendar): string | null {
  return addSchoolDays(today, RETURN_WITHIN_SCHOOL_DAYS, calendar);
}
