// Enrollment dates are calendar days (Postgres `date`), compared with today's UTC date
// exactly as current() in lib/people/access.ts does: an enrollment counts from its first
// day (beginsOn) through its last day (endsOn), both included.

const DAY_MS = 86_400_000;

/** Today's date as a `date` column holds it (midnight UTC). */
export function todayUtc(now = new Date()): Date {
  const d = new Date(now);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/**
 * The last day of an enrollment ended now: yesterday. current() counts an enrollment on
 * its last day, so ending it "from today" means its last day was yesterday.
 */
export function lastDayBeforeToday(now = new Date()): Date {
  return new Date(todayUtc(now).getTime() - DAY_MS);
}

export type EnrollmentState = "current" | "upcoming" | "ended";

export function enrollmentState(e: { beginsOn: Date | null; endsOn: Date | null }, now = new Date()): EnrollmentState {
  const today = todayUtc(now);
  if (e.endsOn && e.endsOn < today) return "ended";
  if (e.beginsOn && e.beginsOn > today) return "upcoming";
  return "current";
}
