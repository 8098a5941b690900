import { useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * Offers the other language, named in that language ("Español" in English, "English" in Spanish) so a
 * reader who does not understand the current page can still find it. A plain form: works without JavaScript.
 */
export function LanguageSwitcher({ action }: { action: (form: FormData) => Promise<void> }) {
  const t = useTranslations("common.header");
  const current = useLocale();
  const others = LOCALES.filter((l) => l !== current);
  return (
    <form action={action} aria-label={t("language")} className="flex items-center gap-1">
      {others.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          title={t("showIn", { language: LOCALE_NAMES[locale] })}
          className="rounded-md px-2 py-1.5 underline underline-offset-2 hover:bg-slate-100"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
