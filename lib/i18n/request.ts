// next-intl's per-request configuration (named in next.config.js). No locale in the URL: the
// language follows the person (lib/i18n/locale.ts), so links and bookmarks are the same for everyone.
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./catalogues";
import { requestLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Calendar dates are stored as UTC days (lib/dates.ts): format them in UTC so no day shifts.
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
