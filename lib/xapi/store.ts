// Storing statements: a batch is all or nothing, in one transaction with one bulk insert, and the
// suggestions it gives rise to are made in the same transaction (docs/decisions/xapi-receiver.md).
import "server-only";
import { randomUUID } from "node:crypto";
import { appUrl } from "@/lib/env";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { refuseWhenSpent, takeWrite } from "@/lib/limits/writes";
import { keepAttachments } from "./attachments";
import type { Tool } from "./auth";
import { invalid, XapiError } from "./errors";
import { keysOf } from "./keys";
import { dismissSuggestionsOf, suggestFrom } from "./suggestions";
import { isObject, validateStatement, VOIDED } from "./validate";

type Obj = Record<string, unknown>;

/** The tool as the statement's authority: an Agent whose account is the tool's key on this app. */
export function authorityOf(tool: Pick<Tool, "key" | "name">) {
  return { objectType: "Agent", name: tool.name, account: { homePage: appUrl().origin, name: tool.key } };
}

/** Context activities as arrays: xAPI lets a tool send one object, and the stored form is always a list. */
function withActivityLists(s: Obj): Obj {
  const context = isObject(s.context) ? s.context : null;
  const ca = context && isObject(context.contextActivities) ? context.contextActivities : null;
  const object = isObject(s.object) && s.object.objectType === "SubStatement" ? { object: withActivityLists(s.object) } : {};
  if (!ca) return { ...s, ...object };
  const lists = Object.fromEntries(Object.entries(ca).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
  return { ...s, ...object, context: { ...context, contextActivities: lists } };
}

/** JSON with keys sorted, so two statements with the same content compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

/** Whether a statement received again is the one stored: what the receiver added does not count. */
function sameStatement(received: Obj, stored: Obj): boolean {
  // What the receiver adds (stored, authority, version, id) is not the tool's content.
  const ADDED = new Set(["stored", "authority", "version", "id"]);
  const strip = (s: Obj, keepTimestamp: boolean) =>
    canonical(Object.fromEntries(Object.entries(s).filter(([k]) => !ADDED.has(k) && (keepTimestamp || k !== "timestamp"))));
  const hasTimestamp = received.timestamp !== undefined;
  return strip(received, hasTimestamp) === strip(stored, hasTimestamp);
}

export type StoreOptions = {
  /** PUT: the id from the query; the statement must not name another. */
  statementId?: string;
  /** Attachments' content by SHA-2, from a multipart/mixed request. */
  attachments?: Map<string, Buffer>;
};

/**
 * Validates and stores one statement or a batch for the tool; returns the ids in order. A statement
 * whose id is already stored with the same content is not stored again; different content → 409.
 */
export async function storeStatements(tool: Tool, body: unknown, options: StoreOptions = {}): Promise<string[]> {
  const batch = Array.isArray(body);
  const received = batch ? body : [body];
  if (received.length === 0) throw new XapiError(400, "The request holds no statements.");
  // A tool over its limit is answered before any work; the count itself is taken in the transaction.
  await refuseWhenSpent(tool.id, "statement", received.length);
  received.forEach((s, i) => validateStatement(s, batch ? `statement[${i}]` : "statement"));
  const statements = (received as Obj[]).map(withActivityLists);

  if (options.statementId !== undefined) {
    if (batch) throw new XapiError(400, "PUT takes one statement, not an array.");
    const given = statements[0]?.id;
    if (typeof given === "string" && given.toLowerCase() !== options.statementId)
      throw invalid("statement.id", "differs from the statementId parameter");
  }

  // Content-addressed files, written before the transaction: if it then fails, a file nobody
  // refers to is left, never a statement whose attachment is missing.
  await keepAttachments(tool, statements, options.attachments ?? new Map());

  const stored = new Date();
  const storedIso = stored.toISOString();
  const authority = authorityOf(tool);
  const ids: string[] = [];
  const seen = new Set<string>();
  const full = statements.map((s, i) => {
    const id = options.statementId ?? (typeof s.id === "string" ? s.id.toLowerCase() : randomUUID());
    if (seen.has(id)) throw invalid(batch ? `statement[${i}].id` : "statement.id", "the same id appears twice in this request");
    seen.add(id);
    ids.push(id);
    return { ...s, id, timestamp: s.timestamp ?? storedIso, stored: storedIso, authority, version: s.version ?? "1.0.0" } as Obj;
  });

  try {
    await db.$transaction(async (tx) => insert(tx, tool, statements, full, stored), { timeout: 30_000 });
  } catch (error) {
    // Two requests storing the same id at once: the later one loses.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new XapiError(409, "A statement with this id is already stored.");
    throw error;
  }
  return ids;
}

async function insert(tx: Tx, tool: Tool, received: Obj[], full: Obj[], stored: Date) {
  const ids = full.map((s) => s.id as string);
  const existing = await tx.xapiStatement.findMany({ where: { id: { in: ids } }, select: { id: true, toolId: true, statement: true } });
  const already = new Map(existing.map((e) => [e.id, e]));
  const fresh: Obj[] = [];
  full.forEach((s, i) => {
    const found = already.get(s.id as string);
    if (!found) return void fresh.push(s);
    // Another tool's statement: its content is not this tool's to compare with (nor to learn).
    if (found.toolId !== tool.id || !sameStatement(received[i] as Obj, found.statement as Obj))
      throw new XapiError(409, `A different statement with id ${String(s.id)} is already stored.`);
  });
  if (fresh.length === 0) return;

  const rows = fresh.map((s) => ({ s, keys: keysOf(s) }));
  const voids = rows.filter((r) => r.keys.voidsId).map((r) => r.keys.voidsId as string);
  if (voids.length > 0) {
    // A voiding statement cannot be voided; a target in this batch counts as well as a stored one.
    const voidingInBatch = new Set(rows.filter((r) => r.keys.verbId === VOIDED).map((r) => r.s.id as string));
    const storedVoiding = await tx.xapiStatement.findMany({
      where: { id: { in: voids }, toolId: tool.id, verbId: VOIDED },
      select: { id: true },
    });
    const bad = voids.find((id) => voidingInBatch.has(id)) ?? storedVoiding[0]?.id;
    if (bad) throw new XapiError(400, `Statement ${bad} is itself a voiding statement and cannot be voided.`);
  }

  // One INSERT for the whole batch, its rows as one JSON parameter: Prisma's createMany sends a
  // parameter per column per row, which is several times slower for a thousand statements.
  const payload = rows.map(({ s, keys }) => ({
    ...keys,
    id: s.id,
    statement: s,
    timestamp: new Date(s.timestamp as string).toISOString(),
  }));
  await tx.$executeRaw`
    INSERT INTO "XapiStatement"
      (id, "toolId", statement, "verbId", "actorKey", "relatedAgentKeys", "activityId", "relatedActivityIds", registration, "voidsId", timestamp, stored)
    SELECT r->>'id', ${tool.id}, r->'statement', r->>'verbId', r->>'actorKey',
      ARRAY(SELECT jsonb_array_elements_text(r->'relatedAgentKeys')), r->>'activityId',
      ARRAY(SELECT jsonb_array_elements_text(r->'relatedActivityIds')), r->>'registration', r->>'voidsId',
      (r->>'timestamp')::timestamptz AT TIME ZONE 'UTC', ${stored.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM jsonb_array_elements(${JSON.stringify(payload)}::jsonb) AS r`;
  if (voids.length > 0) {
    // Only this tool's statements: a foreign id in a voiding statement voids nothing.
    await tx.xapiStatement.updateMany({ where: { id: { in: voids }, toolId: tool.id, voided: false }, data: { voided: true } });
    await dismissSuggestionsOf(tx, tool, voids);
  }
  await suggestFrom(
    tx,
    tool,
    rows.filter((r) => !r.keys.voidsId).map((r) => r.s),
  );
  // Last, so the tool's counter row is locked only until the commit: its batches do not queue
  // behind one another's inserts. A refused batch rolls back whole (lib/limits).
  await takeWrite(tx, tool.id, "statement", fresh.length);
}
