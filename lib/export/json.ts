// A JSON document written piece by piece: plain fields at once, lists an item at a time as their
// rows arrive, so a file of ten thousand notifications is never one string in memory.

type Field = unknown | AsyncIterable<unknown>;

function isStream(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === "object" && v !== null && Symbol.asyncIterator in v;
}

/** The value as indented JSON, every line after the first indented by `indent` more. */
function text(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${indent}`);
}

/** `{ "key": value, "list": [ item, item ] }`, pretty-printed, lists streamed. */
export async function* jsonDocument(fields: Record<string, Field>): AsyncGenerator<string> {
  yield "{";
  let first = true;
  for (const [key, value] of Object.entries(fields)) {
    yield `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (!isStream(value)) {
      yield text(value, "  ");
      continue;
    }
    let empty = true;
    for await (const item of value) {
      yield `${empty ? "[" : ","}\n    ${text(item, "    ")}`;
      empty = false;
    }
    yield empty ? "[]" : "\n  ]";
  }
  yield "\n}\n";
}
