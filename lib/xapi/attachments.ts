// Statement attachments sent as content (multipart/mixed): the first part is the statement(s),
// each further part an attachment's bytes named by its SHA-2 (X-Experience-API-Hash). The bytes
// are kept on disk per tool and by hash (content-addressed: storing the same twice is harmless, and
// a tool never reads another's), outside anything the web server serves.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadDir } from "@/lib/env";
import type { Tool } from "./auth";
import { XapiError } from "./errors";
import { isObject } from "./validate";

type Obj = Record<string, unknown>;
const HASH = /^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/;
const CRLF = Buffer.from("\r\n");

export type Part = { headers: Map<string, string>; body: Buffer };

export function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/** The parts of a multipart body, each with its headers (lower-case names) and raw bytes. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new XapiError(400, "The multipart body does not contain its boundary.");
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") break;
    if (body.subarray(at, at + 2).equals(CRLF)) at += 2;
    const next = body.indexOf(delimiter, at);
    if (next < 0) throw new XapiError(400, "The multipart body is not closed by its boundary.");
    // The CRLF before the next delimiter belongs to the delimiter.
    const raw = body.subarray(at, body.subarray(next - 2, next).equals(CRLF) ? next - 2 : next);
    const split = raw.indexOf("\r\n\r\n");
    if (split < 0) throw new XapiError(400, "A part of the multipart body has no headers.");
    const headers = new Map<string, string>();
    for (const line of raw.subarray(0, split).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    parts.push({ headers, body: raw.subarray(split + 4) });
    at = next;
  }
  return parts;
}

/** Splits a multipart request into its statements (JSON) and its attachments by hash. */
export function readMultipart(body: Buffer, contentType: string): { json: unknown; attachments: Map<string, Buffer> } {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new XapiError(400, "A multipart/mixed request needs a boundary in its Content-Type.");
  const [first, ...rest] = parseMultipart(body, boundary);
  if (!first || !/^application\/json/i.test(first.headers.get("content-type") ?? ""))
    throw new XapiError(400, "The first part of a multipart request must be the statements, as application/json.");
  let json: unknown;
  try {
    json = JSON.parse(first.body.toString("utf8"));
  } catch {
    throw new XapiError(400, "The first part of the multipart request is not valid JSON.");
  }
  const attachments = new Map<string, Buffer>();
  for (const part of rest) {
    const hash = part.headers.get("x-experience-api-hash")?.toLowerCase();
    if (!hash || !HASH.test(hash)) throw new XapiError(400, "Each attachment part needs an X-Experience-API-Hash header (its SHA-2, hex).");
    if (hash.length === 64 && createHash("sha256").update(part.body).digest("hex") !== hash)
      throw new XapiError(400, `The attachment part with hash ${hash} does not match its content.`);
    attachments.set(hash, part.body);
  }
  return { json, attachments };
}

const folderOf = (tool: Pick<Tool, "id">) => path.join(/* turbopackIgnore: true */ uploadDir(), "xapi", tool.id);
const fileOf = (tool: Pick<Tool, "id">, hash: string) => {
  if (!HASH.test(hash)) throw new Error("Invalid attachment hash");
  return path.join(folderOf(tool), hash);
};

/** Every attachment of a statement, its own and its sub-statement's. */
function allAttachments(statement: Obj): Obj[] {
  const own = Array.isArray(statement.attachments) ? statement.attachments : [];
  const object = isObject(statement.object) && statement.object.objectType === "SubStatement" ? statement.object : null;
  const nested = object && Array.isArray(object.attachments) ? object.attachments : [];
  return [...own, ...nested].filter(isObject);
}

/** The attachments that carry no fileUrl: their content must be stored. */
export function contentAttachments(statement: Obj): { sha2: string; contentType: string }[] {
  return allAttachments(statement)
    .filter((a) => a.fileUrl === undefined)
    .map((a) => ({ sha2: String(a.sha2).toLowerCase(), contentType: String(a.contentType) }));
}

async function exists(file: string) {
  return (await stat(file).catch(() => null)) !== null;
}

/**
 * Checks that every attachment without a fileUrl has its content, in this request or stored
 * already for the tool, and stores what came. Called before the statements' transaction.
 */
export async function keepAttachments(tool: Pick<Tool, "id">, statements: readonly Obj[], given: Map<string, Buffer>) {
  const needed = new Set(statements.flatMap((s) => contentAttachments(s).map((a) => a.sha2)));
  for (const hash of needed) {
    if (given.has(hash)) continue;
    if (HASH.test(hash) && (await exists(fileOf(tool, hash)))) continue;
    throw new XapiError(
      400,
      `The content of the attachment with sha2 ${hash} is missing: send it as a part of a multipart/mixed request, or give a fileUrl.`,
    );
  }
  if (given.size === 0) return;
  // A part no attachment names is a mistake in the request, not something to keep.
  const named = new Set(statements.flatMap((s) => allAttachments(s).map((a) => String(a.sha2).toLowerCase())));
  for (const hash of given.keys())
    if (!named.has(hash)) throw new XapiError(400, `The attachment part with hash ${hash} belongs to no attachment of the statements.`);
  await mkdir(folderOf(tool), { recursive: true });
  // Content sent for an attachment that also has a fileUrl is kept too, and returned with it.
  for (const [hash, bytes] of given) await writeFile(fileOf(tool, hash), bytes);
}

/** A multipart/mixed answer: the JSON first, then each attachment of the statements that has content. */
export async function multipartAnswer(tool: Pick<Tool, "id">, json: unknown, statements: readonly Obj[]) {
  const boundary = randomBytes(16).toString("hex");
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`)];
  const seen = new Set<string>();
  for (const a of statements
    .flatMap(allAttachments)
    .map((x) => ({ sha2: String(x.sha2).toLowerCase(), contentType: String(x.contentType) }))) {
    if (seen.has(a.sha2) || !HASH.test(a.sha2)) continue;
    seen.add(a.sha2);
    const bytes = await readFile(fileOf(tool, a.sha2)).catch(() => null);
    if (!bytes) continue;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`,
      ),
      bytes,
      CRLF,
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` };
}
