// Validation messages in schemas are catalogue keys (like plans.validation.titleRequired), so one schema
// serves the form (in the browser's language) and the action (in the request's). Pure: used by both.

const KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;

/** The catalogue text at a dotted key, or undefined when `text` is not a key the catalogue has. */
export function messageAt(messages: unknown, text: string): string | undefined {
  if (!KEY.test(text)) return undefined;
  let node: unknown = messages;
  for (const part of text.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}
