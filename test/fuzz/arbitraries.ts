// Inputs a hostile or broken client could post to a server action, generated with fast-check
// from the zod schema the action parses with: the right shape with nasty values in it, the
// wrong shape, and plain garbage. Real ids of other people's rows come from `ids`.
import fc from "fast-check";
import type { z } from "zod";

/** Text a form never sends but a request can: NUL, lone surrogates, direction overrides, huge, tricky. */
export const NASTY_STRINGS = [
  "\u0000",
  "Plan\u0000title",
  "\uD800",
  "lone \uDC00 low",
  "\uDBFF\uD800",
  "\u202Eevil.exe\u202C",
  "\u2066\u200F\u061C",
  "\uFEFF",
  "x".repeat(100_000),
  "😀".repeat(3_000),
  " \t\r\n ",
  "",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%E0%A4%A",
  "%00",
  "javascript:alert(1)",
  "https://example.org/\u0000",
  "2026-02-30",
  "0000-00-00",
  "+275760-09-13",
];

export type Ids = readonly string[];
type Def = { type: string } & Record<string, unknown>;
type Schema = z.ZodType;

const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const nasty = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

const oddNumbers = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, Number.MAX_VALUE, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
);

/** Anything at all, including values JSON cannot carry but a server action's encoding can. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: oddNumbers },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, true, false, [], {}, [[[[[]]]]]) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { maxLength: 3 }) },
);

/** A small file with a nasty name and whatever bytes; the type need not match. */
export const files = fc
  .record({
    name: fc.oneof(
      fc.constantFrom("scan.pdf", "roster.zip", "users.csv", "framework.json", "photo.png", "../../x.pdf", "a\u0000.pdf", "\u202Efdp.exe"),
      nasty,
    ),
    type: fc.constantFrom("application/pdf", "image/png", "text/csv", "application/zip", "application/json", "", "text/html"),
    bytes: fc.uint8Array({ maxLength: 512 }),
  })
  .map(({ name, type, bytes }) => new File([bytes], name, { type }));

const dates = fc.constantFrom("2026-09-01", "2026-12-15", "2027-01-10", "2025-01-01", "2026-02-29");
const words = fc.constantFrom("River study", "Hello", "Write an argument", "a", "Notes for the team", "7", "https://example.org/work");

function stringFor(key: string, def: Def, ids: Ids): fc.Arbitrary<string> {
  const format = (def.format as string | undefined) ?? "";
  const pool = ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
  const likely: fc.Arbitrary<string> = /id$/i.test(key)
    ? pool
    : format === "date" || /(On|Date|date|day)$/.test(key)
      ? dates
      : format === "email" || /email/i.test(key)
        ? fc.constantFrom("student@test.example", "admin@northbrook.test", "a@b.co")
        : format === "url" || /url|link/i.test(key)
          ? fc.constantFrom("https://example.org/x", "http://localhost/", "https://example.org/a\nhttps://example.org/b")
          : words;
  return fc.oneof({ weight: 5, arbitrary: likely }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: pool });
}

/** Values shaped like what `schema` accepts, with nasty values and wrong types mixed in. */
export function shaped(schema: Schema, ids: Ids, key = "", depth = 0): fc.Arbitrary<unknown> {
  const valid = shapedExact(schema, ids, key, depth);
  return fc.oneof({ weight: 25, arbitrary: valid }, { weight: 1, arbitrary: garbage });
}

function shapedExact(schema: Schema, ids: Ids, key: string, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return garbage;
  const inner = (s: unknown, k = key) => shaped(s as Schema, ids, k, depth + 1);
  switch (def.type) {
    case "string":
      return stringFor(key, def, ids);
    case "number":
    case "int":
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: oddNumbers });
    case "boolean":
      return fc.boolean();
    case "bigint":
      return fc.bigInt();
    case "date":
      return fc.date();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null) });
    case "pipe":
      return defOf(def.in as Schema).type === "transform" ? inner(def.out) : inner(def.in);
    case "union":
      return fc.oneof(...(def.options as Schema[]).map((o) => inner(o)));
    case "intersection":
      return fc.oneof(inner(def.left), inner(def.right));
    case "lazy":
      return inner((def.getter as () => Schema)());
    case "array":
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(inner(def.element), { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.array(inner(def.element), { minLength: 40, maxLength: 60 }) },
      );
    case "tuple":
      return fc.tuple(...(def.items as Schema[]).map((s) => inner(s)));
    case "record":
      return fc.dictionary(fc.oneof(nasty, fc.constantFrom("__proto__", "constructor")), inner(def.valueType), { maxKeys: 3 });
    case "object":
      return objectOf(def.shape as Record<string, Schema>, ids, depth);
    case "custom":
    case "file":
      // Every custom check in lib's schemas is a file.
      return fc.oneof({ weight: 4, arbitrary: files }, { weight: 1, arbitrary: garbage });
    default:
      return garbage;
  }
}

function objectOf(shape: Record<string, Schema>, ids: Ids, depth: number) {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, shaped(s, ids, k, depth + 1)]));
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.boolean(),
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "then") },
      ),
    )
    .map(([obj, complete, pollution]) => {
      // fc.record drops keys at random; most of the time keep them all, so commands are reached.
      const out: Record<string, unknown> = complete ? { ...fillMissing(obj, shape) } : { ...obj };
      if (pollution) Object.defineProperty(out, pollution, { value: { isAdmin: true, polluted: "yes" }, enumerable: true });
      return out;
    });
}

function fillMissing(obj: Record<string, unknown>, shape: Record<string, Schema>) {
  const out = { ...obj };
  for (const k of Object.keys(shape)) if (!(k in out)) out[k] = "";
  return out;
}

/** The same values as a multipart form posts them: strings, and files under their field's name. */
export function toFormData(value: unknown): FormData {
  const form = new FormData();
  if (typeof value !== "object" || value === null) {
    form.set("value", String(value));
    return form;
  }
  for (const [k, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item instanceof File) form.append(k, item);
      else if (item === undefined) continue;
      else form.append(k, typeof item === "object" && item !== null ? safeJson(item) : String(item));
    }
  }
  return form;
}

function safeJson(v: unknown) {
  try {
    return JSON.stringify(v) ?? "";
  } catch {
    return "[object]";
  }
}

/** A form with fields a browser never sends. */
export const garbageForm = fc
  .array(fc.tuple(fc.oneof(nasty, fc.constantFrom("file", "files", "planId", "__proto__")), fc.oneof(nasty, files)), { maxLength: 6 })
  .map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return form;
  });

/** Short, printable form of an input for a failure message (a 100k string is not). */
export function describe(value: unknown): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(value instanceof FormData ? [...value.entries()] : value, (_k, v: unknown) => {
    if (typeof v === "string" && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof File) return `File(${JSON.stringify(v.name)}, ${v.size} bytes, ${v.type})`;
    if (typeof v === "object" && v !== null) {
      if (seen.has(v)) return "[circular]";
      seen.add(v);
    }
    return v;
  });
  return (json ?? String(value)).slice(0, 2000);
}
