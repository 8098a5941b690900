// Whether React can decode a server action's body into arguments, checked in proxy.ts before Next
// tries: when React's decodeReply throws, Next answers 500 and no code of ours runs first
// (docs/decisions/storable-text.md, "Over HTTP"). React's client sends the arguments as JSON in a
// part named "0"; a value it cannot put in JSON goes into a part of its own, and the JSON names
// that part by a string such as "$Q1" (a Map in part 1) or "$B2" (a file in part 2). A plain text
// body is part "0" alone. So a body is refused when its JSON is not a list of arguments, nests
// deeper than any action's input, or names a part that is not there; a multipart body also when it
// is not multipart with its declared boundary. Everything else is left to the action's own schema.
import { Buffer } from "node:buffer";

/** Far deeper than any action's input; React's decoder runs out of stack long before 5 000. */
export const MAX_DEPTH = 64;

/** A part of the body: a field (its text kept only where it may hold JSON React reads) or a file. */
export type Part = { kind: "field"; text: string | null } | { kind: "file" };
export type Parts = ReadonlyMap<string, Part>;

/** The parts of a text body: its text is part "0". */
export function textParts(text: string): Parts {
  return new Map([["0", { kind: "field", text }]]);
}

/** The name React gives part `hex` (ids are written in hex, parts are named in decimal). */
const partName = (hex: string) => String(parseInt(hex, 16));

// Tags after "$" that need no part: "$$" escapes a "$", "$K" is a form's fields (none is fine),
// "$D" a date, "$I" "$-" "$N" "$u" numbers and undefined, "$H" nothing; "$T" and "$n" are checked below.
const STANDALONE = new Set(["$", "K", "D", "I", "-", "N", "u", "H"]);
// Tags whose bytes are a file part: "$B" a Blob, the others typed arrays.
const FILE_TAGS = new Set(["B", "A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V"]);
// Tags of streams, whose chunks are fields named "S<id>".
const STREAM_TAGS = new Set(["R", "r", "X", "x"]);
// "$@" a promise, "$h" a server function, "$Q" a Map, "$W" a Set, "$i" an iterator: JSON in another part.
const MODEL_TAGS = new Set(["@", "h", "Q", "W", "i"]);

type Need = { part: string; kind: "field" | "file" | "stream"; path: string[] };

/**
 * What a "$…" string needs to decode: the part it names, or nothing; null when it can never
 * decode. `referable` is false under an object key holding ":" (React keeps no path there, and a
 * temporary reference "$T" needs one).
 */
function needOf(value: string, referable: boolean): Need | "none" | null {
  const tag = value[1];
  if (tag !== undefined && STANDALONE.has(tag)) return "none";
  if (tag === "T") return referable ? "none" : null;
  if (tag === "n") {
    const digits = value.slice(2);
    if (digits.length > 300) return null;
    try {
      BigInt(digits);
      return "none";
    } catch {
      return null;
    }
  }
  if (tag !== undefined && FILE_TAGS.has(tag)) return { part: partName(value.slice(2)), kind: "file", path: [] };
  if (tag !== undefined && STREAM_TAGS.has(tag)) return { part: `S${partName(value.slice(2))}`, kind: "stream", path: [] };
  // "$<hex>:key:key" (an object sent twice, or a reference into one) and the model tags: a part and a path in it.
  const [id = "", ...path] = value.slice(tag !== undefined && MODEL_TAGS.has(tag) ? 2 : 1).split(":");
  return { part: partName(id), kind: "field", path };
}

/** Whether `path` leads somewhere in the part's JSON. A step onto another reference is not followed. */
function reaches(json: unknown, path: readonly string[]): boolean {
  let at = json;
  for (const key of path) {
    if (typeof at === "string" && at.startsWith("$")) return true;
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

/** Every string in the JSON with whether React can reference it, or null when it nests deeper than MAX_DEPTH. */
function stringsOf(json: unknown): { value: string; referable: boolean }[] | null {
  const out: { value: string; referable: boolean }[] = [];
  const stack: { value: unknown; depth: number; referable: boolean }[] = [{ value: json, depth: 0, referable: true }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth, referable } = item;
    if (typeof value === "string") {
      if (value.startsWith("$")) out.push({ value, referable });
    } else if (typeof value === "object" && value !== null) {
      if (depth >= MAX_DEPTH) return null;
      if (Array.isArray(value)) for (const v of value) stack.push({ value: v, depth: depth + 1, referable });
      else
        for (const [key, v] of Object.entries(value)) {
          // React drops a "__proto__" key without reading it.
          if (key !== "__proto__") stack.push({ value: v, depth: depth + 1, referable: referable && !key.includes(":") });
        }
    }
  }
  return out;
}

/**
 * Whether React can decode these parts as an action's arguments: part "0" is a JSON list, every
 * part it reads (from "0" on, through the references) is JSON nested at most MAX_DEPTH deep, and
 * every reference names a part of the right kind that is there, and a place in it that exists.
 */
export function replyReadable(parts: Parts): boolean {
  const parsed = new Map<string, unknown>();
  const json = (name: string): { ok: true; value: unknown } | { ok: false } => {
    if (parsed.has(name)) return { ok: true, value: parsed.get(name) };
    const part = parts.get(name);
    if (part?.kind !== "field" || part.text === null) return { ok: false };
    try {
      const value: unknown = JSON.parse(part.text);
      parsed.set(name, value);
      return { ok: true, value };
    } catch {
      return { ok: false };
    }
  };
  const root = json("0");
  if (!root.ok || !Array.isArray(root.value)) return false;
  const queue = ["0"];
  const checked = new Set(queue);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const part = json(name);
    if (!part.ok) return false;
    const strings = stringsOf(part.value);
    if (!strings) return false;
    for (const { value, referable } of strings) {
      const need = needOf(value, referable);
      if (need === null) return false;
      if (need === "none") continue;
      const found = parts.get(need.part);
      if (need.kind === "file" && found?.kind !== "file") return false;
      if (need.kind === "stream" && found?.kind !== "field") return false;
      if (need.kind === "field") {
        const target = json(need.part);
        if (!target.ok || !reaches(target.value, need.path)) return false;
        if (!checked.has(need.part)) {
          checked.add(need.part);
          queue.push(need.part);
        }
      }
    }
  }
  return true;
}

/** Whether a text body (what React sends when every argument fits in JSON) decodes. */
export function textReplyReadable(text: string): boolean {
  return replyReadable(textParts(text));
}

/** The boundary a multipart Content-Type declares, quoted or not. */
export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentType);
  const boundary = match ? (match[1]?.replace(/\\(.)/g, "$1") ?? match[2]) : undefined;
  return boundary ? boundary : null;
}

/** A Content-Disposition parameter's value (`name`, `filename`), quoted or not. */
function parameter(disposition: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, "i").exec(disposition);
  return match ? (match[1]?.replace(/\\(.)/g, "$1") ?? match[2]) : undefined;
}

type Open = { name: string; file: boolean; chunks: Buffer[] | null } | null;

/** The part a header block opens, as Next's multipart parser (busboy) reads it; undefined when malformed. */
function partOf(block: string): Open | undefined {
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split("\r\n")) {
    if (!line) continue;
    if ((line[0] === " " || line[0] === "\t") && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) return undefined;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  // A part that is not form data is skipped by the parser: it is no argument.
  if (disposition.split(";")[0]?.trim().toLowerCase() !== "form-data") return null;
  const name = parameter(disposition, "name") ?? "";
  const file =
    parameter(disposition, "filename") !== undefined ||
    parameter(disposition, "filename\\*") !== undefined ||
    (headers.get("content-type") ?? "").toLowerCase().startsWith("application/octet-stream");
  // Only fields named by a number can hold JSON React reads; the others' text is not kept.
  return { name, file, chunks: !file && /^\d+$/.test(name) ? [] : null };
}

/** Longer part headers are malformed to the parser. */
const MAX_HEADER = 16 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/**
 * The parts of a multipart body, read as a stream (a 26 MB upload is scanned, never held: only
 * the text of numbered fields is kept), or null when the body is not multipart with the declared
 * boundary: no boundary, none found, a malformed part header, or no closing delimiter.
 */
export async function multipartParts(body: ReadableStream<Uint8Array> | null, contentType: string): Promise<Parts | null> {
  const boundary = boundaryOf(contentType);
  if (!boundary || !body) return null;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const parts = new Map<string, Part>();
  // The parser reads as if a line break came first, so a body may start with its first delimiter.
  let buffer: Buffer = CRLF;
  let state = "data" as "data" | "delimiter" | "headers" | "done";
  let open: Open = null;
  let ended = false;
  const keep = (bytes: Buffer) => {
    if (bytes.length && open?.chunks) open.chunks.push(bytes);
  };
  const close = () => {
    if (open)
      parts.set(
        open.name,
        open.file ? { kind: "file" } : { kind: "field", text: open.chunks ? Buffer.concat(open.chunks).toString("utf8") : null },
      );
    open = null;
  };
  /** One step of the parser over what has arrived: true when it moved on, false when it needs more bytes. */
  const step = (): boolean | "malformed" => {
    if (state === "data") {
      const at = buffer.indexOf(delimiter);
      if (at < 0) {
        // Keep what could be the start of a delimiter cut across two chunks.
        const safe = Math.max(0, buffer.length - delimiter.length + 1);
        keep(buffer.subarray(0, safe));
        buffer = buffer.subarray(safe);
        return false;
      }
      keep(buffer.subarray(0, at));
      buffer = buffer.subarray(at + delimiter.length);
      state = "delimiter";
      return true;
    }
    if (state === "delimiter") {
      if (buffer.length < 2) return false;
      const next = buffer.toString("latin1", 0, 2);
      if (next === "--" || next === "\r\n") {
        close();
        state = next === "--" ? "done" : "headers";
        if (next === "\r\n") buffer = buffer.subarray(2);
        return true;
      }
      // The boundary's text inside a part's data, not a delimiter: it is data.
      keep(delimiter);
      state = "data";
      return true;
    }
    if (state === "headers") {
      const end = buffer.subarray(0, 2).equals(CRLF) ? 0 : buffer.indexOf(HEADER_END);
      if (end < 0) return buffer.length > MAX_HEADER ? "malformed" : false;
      if (end > MAX_HEADER) return "malformed";
      const part = partOf(buffer.toString("latin1", 0, end));
      if (part === undefined) return "malformed";
      open = part;
      buffer = buffer.subarray(end === 0 ? 2 : end + HEADER_END.length);
      state = "data";
      return true;
    }
    return false;
  };
  const reader = body.getReader();
  try {
    while (state !== "done") {
      const moved = step();
      if (moved === "malformed") return null;
      if (moved) continue;
      if (ended) break;
      const { value, done } = await reader.read();
      if (done) ended = true;
      else buffer = Buffer.concat([buffer, value]);
    }
  } finally {
    // What follows the closing delimiter is not read. Not awaited: the body is a clone (a branch
    // of a tee), and cancelling one branch settles only once the other is cancelled too.
    reader.cancel().catch(() => undefined);
  }
  return state === "done" ? parts : null;
}

/** Whether a multipart body decodes: it parses with its boundary, and its parts are readable. */
export async function multipartReplyReadable(body: ReadableStream<Uint8Array> | null, contentType: string): Promise<boolean> {
  const parts = await multipartParts(body, contentType);
  return parts !== null && replyReadable(parts);
}
