// An action's failure in the language of the request that sent it.
import "server-only";
import type { ActionFailure } from "@/lib/errors";
import { messagesFor } from "./catalogues";
import { messageText } from "./keys";
import { requestLocale } from "./locale";
import { DEFAULT_LOCALE, type Locale } from "./locales";

async function currentLocale(): Promise<Locale> {
  // Scripts and tests call actions outside a request: they read English.
  return requestLocale().catch(() => DEFAULT_LOCALE);
}

/**
 * Keys (with their values, see keyWith) become text in the request's language. In English a server's own sentence is kept as written
 * (it is often more specific than its code's); in another language a sentence with no translation is
 * replaced by its code's general message, so nobody reads half their page in a language they chose against.
 */
export function localizeFailure(failure: ActionFailure, locale: Locale): ActionFailure {
  const messages = messagesFor(locale);
  const english = locale === DEFAULT_LOCALE;
  const message = messageText(messages, failure.message, locale) ?? (english ? failure.message : messages.common.errors[failure.code]);
  if (!failure.fieldErrors) return { ...failure, message };
  const fieldErrors = Object.fromEntries(
    Object.entries(failure.fieldErrors).map(([field, list]) => [field, list.map((text) => messageText(messages, text, locale) ?? text)]),
  );
  return { ...failure, message, fieldErrors };
}

export async function localizedFailure(failure: ActionFailure): Promise<ActionFailure> {
  return localizeFailure(failure, await currentLocale());
}
