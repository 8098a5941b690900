// Which language this request is answered in: the person's own choice when signed in, else this
// browser's choice (a cookie set by the switcher), else the browser's Accept-Language, else English.
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { currentActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await currentActor().catch(() => null);
  if (isLocale(actor?.locale)) return actor.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});
