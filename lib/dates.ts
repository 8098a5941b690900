/** A calendar date (Postgres `date`) as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string as the Date Prisma stores in a `date` column. */
export function fromIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

// Constructing Intl formatters is slow: each language and shape is made once, then reused.
const formats = new Map<string, Intl.DateTimeFormat>();

/** A date formatter for `locale` and `options`, made once. `key` names constant options (cheaper than reading them). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions, key = JSON.stringify(options)): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let format = formats.get(id);
  if (!format) formats.set(id, (format = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, options)));
  return format;
}

const DAY: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeZone: "UTC" };
const TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** A calendar day ("Nov 23, 2026"; in Spanish "23 nov 2026"). `locale` is the page's language. */
export function formatDay(date: Date | string, locale = "en"): string {
  return dateFormat(locale, DAY, "day").format(typeof date === "string" ? fromIsoDay(date) : date);
}

export function formatTime(date: Date, locale = "en"): string {
  return dateFormat(locale, TIME, "time").format(date);
}
