// The interface's languages. Shared by server and client code (no server-only here).

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in itself: what the header's switcher offers. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

/** The browser-level choice for people who are not signed in (and the fallback before the first sign-in). */
export const LOCALE_COOKIE = "pathways-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of our languages the browser asks for (RFC 9110 Accept-Language: tags with q-values, most
 * wanted first), or null when it asks for none of them. "es-MX" counts as "es"; "q=0" means "not this one".
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/** The language to write to someone who is not in front of us (emails): their choice, else English. */
export function localeOf(user: { locale?: string | null }): Locale {
  return isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
}
