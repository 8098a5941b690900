/** A calendar date (Postgres `date`) as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string as the Date Prisma stores in a `date` column. */
export function fromIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

// One formatter per language, made once: constructing Intl formatters is slow.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, options)));
  return format;
}

/** A calendar day ("Nov 23, 2026"; in Spanish "23 nov 2026"). `locale` is the page's language. */
export function formatDay(date: Date | string, locale = "en"): string {
  return formatter(dayFormats, locale, { dateStyle: "medium", timeZone: "UTC" }).format(typeof date === "string" ? fromIsoDay(date) : date);
}

export function formatTime(date: Date, locale = "en"): string {
  return formatter(timeFormats, locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
