// A JSON document written piece by piece: plain fields at once, lists an item at a time as their
// rows arrive, so a file of ten thousand notifications is never one string in memory. An item may
// itself hold lists that stream (a plan's revisions): it is written field by field the same way.

type Field = unknown | AsyncIterable<unknown>;

function isStream(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === "object" && v !== null && Symbol.asyncIterator in v;
}

/** The value as indented JSON, every line after the first indented by `indent` more. */
function text(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${indent}`);
}

/** A plain object with a list that streams among its fields: written field by field. */
function hasStream(v: unknown): v is Record<string, Field> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.values(v).some(isStream);
}

/** The value at `indent`: a streamed list an item at a time, an object holding one field by field, anything else at once. */
async function* valueText(value: Field, indent: string): AsyncGenerator<string> {
  const inner = `${indent}  `;
  if (isStream(value)) {
    let empty = true;
    for await (const item of value) {
      yield `${empty ? "[" : ","}\n${inner}`;
      yield* valueText(item, inner);
      empty = false;
    }
    yield empty ? "[]" : `\n${indent}]`;
  } else if (hasStream(value)) {
    yield* objectText(value, indent);
  } else {
    yield text(value, indent);
  }
}

async function* objectText(fields: Record<string, Field>, indent: string): AsyncGenerator<string> {
  let first = true;
  for (const [key, value] of Object.entries(fields)) {
    // Like JSON.stringify, a field that is undefined is left out.
    if (value === undefined) continue;
    yield `${first ? "{" : ","}\n${indent}  ${JSON.stringify(key)}: `;
    first = false;
    yield* valueText(value, `${indent}  `);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** `{ "key": value, "list": [ item, item ] }`, pretty-printed, lists streamed (lists inside items too). */
export async function* jsonDocument(fields: Record<string, Field>): AsyncGenerator<string> {
  yield* objectText(fields, "");
  yield "\n";
}
