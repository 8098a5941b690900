/** A calendar date (Postgres `date`) as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string as the Date Prisma stores in a `date` column. */
export function fromIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatDay(date: Date | string): string {
  return dayFormat.format(typeof date === "string" ? fromIsoDay(date) : date);
}

export function formatTime(date: Date): string {
  return timeFormat.format(date);
}
