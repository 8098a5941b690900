// Validation messages in schemas are catalogue keys (like plans.validation.titleRequired), so one schema
// serves the form (in the browser's language) and the action (in the request's). Pure: used by both.
import { createTranslator } from "use-intl/core";
import type { Locale } from "./locales";

const KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;

/**
 * The catalogue message at a dotted key, or undefined when `text` is not a key the catalogue has. In the
 * built app the catalogues are precompiled (next.config.js): a message with values is then an array,
 * not a string, and only a translator can turn it into text (messageText).
 */
export function messageAt(messages: unknown, text: string): string | readonly unknown[] | undefined {
  if (!KEY.test(text)) return undefined;
  let node: unknown = messages;
  for (const part of text.split(".")) {
    if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" || Array.isArray(node) ? node : undefined;
}

/** The values a keyed message carries ("Line {line} is …"): plain strings and numbers, so they survive JSON. */
export type MessageArgs = Record<string, string | number>;

// A message with values travels as one string (zod issues and an action's field errors hold strings):
// the key, this separator, then the values as JSON. Keys never contain it.
const ARGS = "|";

/** A catalogue key with the values its text needs, as one message string: `records.validation.linkLine|{"line":3}`. */
export function keyWith(key: string, args: MessageArgs): string {
  return `${key}${ARGS}${JSON.stringify(args)}`;
}

/** The key and values of a message made by keyWith; a plain key or sentence comes back whole, with no values. */
export function parseMessage(text: string): { key: string; args?: MessageArgs } {
  const at = text.indexOf(ARGS);
  if (at < 0) return { key: text };
  const key = text.slice(0, at);
  if (!KEY.test(key)) return { key: text };
  try {
    const args: unknown = JSON.parse(text.slice(at + 1));
    if (typeof args !== "object" || args === null || Array.isArray(args)) return { key: text };
    return { key, args: args as MessageArgs };
  } catch {
    return { key: text };
  }
}

/**
 * The text of a message in `locale`: a plain key as messageAt reads it, a key with values formatted
 * (ICU: numbers and plurals in the locale's way). Undefined when it names no key the catalogue has.
 */
export function messageText(messages: unknown, text: string, locale: Locale): string | undefined {
  const { key, args } = parseMessage(text);
  const template = messageAt(messages, key);
  // A plain text needs no formatting (precompiled, it is already the final text).
  if (template === undefined || (!args && typeof template === "string")) return template;
  let failed = false;
  // The key is checked above, so the catalogue's typed keys are not needed here; a value the text
  // lacks makes it no message (the caller shows the sentence as sent) rather than a half-filled one.
  const t = createTranslator({
    locale,
    messages: messages as never,
    timeZone: "UTC",
    onError: () => {
      failed = true;
    },
  }) as unknown as (key: string, args: MessageArgs) => string;
  const shown = t(key, args ?? {});
  return failed ? undefined : shown;
}
