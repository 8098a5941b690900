// Keys and locales are checked by the compiler: a typo in t("...") fails `npm run typecheck`.
import type { Messages } from "./catalogues";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
