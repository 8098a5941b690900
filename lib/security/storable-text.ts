// Text Postgres cannot store, made storable at the one door to the database (lib/db.ts).
// Postgres refuses NUL (U+0000) in text and jsonb, and Prisma's engine refuses a lone UTF-16
// surrogate (a half of an emoji) before the query is even sent; both reach us only from a
// hand-made request (a server action body, a %00 in a URL, an xAPI statement), and each
// used to end in a 500. Cleaning every value a query carries covers actions, pages, route
// handlers and scripts alike; docs/decisions/storable-text.md explains why here and not in
// each of the forms' schemas.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/** NUL removed; a lone surrogate becomes U+FFFD, as encoding the text as UTF-8 would make it. */
export function storableText(text: string): string {
  if (!UNSTORABLE.test(text)) return text;
  return text.replace(UNSTORABLE_ALL, (c) => (c === "\u0000" ? "" : "\uFFFD"));
}

function isPlain(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Every string inside a query's arguments (and raw SQL's values, and JSON keys) made storable.
 * Returns the very same value when there was nothing to clean, so the common case allocates nothing.
 */
export function storable<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((item, i) => {
      const clean = storable(item);
      if (clean !== item) (out ??= [...value])[i] = clean;
    });
    return (out ?? value) as T;
  }
  if (value instanceof Prisma.Sql) {
    const values = storable(value.values);
    return (values === value.values ? value : new Prisma.Sql(value.strings, values)) as T;
  }
  // Dates, Decimals, bytes, Prisma's null markers and files pass as they are.
  if (!isPlain(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const cleanKey = storableText(key);
    const clean = storable(item);
    if (clean === item && cleanKey === key) continue;
    out ??= { ...value };
    if (cleanKey !== key) delete out[key];
    // defineProperty: a cleaned key may spell __proto__, which must stay a plain key.
    Object.defineProperty(out, cleanKey, { value: clean, enumerable: true, writable: true, configurable: true });
  }
  return (out ?? value) as T;
}

/** The Prisma client extension lib/db.ts applies to every operation, raw queries included. */
export const storableTextExtension = Prisma.defineExtension({
  name: "storable-text",
  query: {
    $allOperations({ args, query }) {
      return query(storable(args));
    },
  },
});
