// Reading statements back. Every read is confined to the tool's own statements (toolId leads every
// `where` and every index), so another tool's statement id is simply not found.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Tool } from "./auth";
import { invalid, XapiError } from "./errors";
import { formatStatement, type Format } from "./format";
import { agentKey, objectAgentKey } from "./keys";
import { actor as validateActor, isIri, isTimestamp, isUuid } from "./validate";

type Obj = Record<string, unknown>;

export const MAX_LIMIT = 500;
const SINGLE_PARAMS = new Set(["statementId", "voidedStatementId", "format", "attachments"]);
const LIST_PARAMS = new Set([
  "agent",
  "verb",
  "activity",
  "registration",
  "related_activities",
  "related_agents",
  "since",
  "until",
  "limit",
  "format",
  "attachments",
  "ascending",
]);

const flag = (params: URLSearchParams, name: string): boolean => {
  const v = params.get(name);
  if (v === null) return false;
  if (v !== "true" && v !== "false") throw invalid(name, 'must be "true" or "false"');
  return v === "true";
};

function formatOf(params: URLSearchParams): Format {
  const f = params.get("format") ?? "exact";
  if (f !== "exact" && f !== "ids" && f !== "canonical") throw invalid("format", 'must be "exact", "ids" or "canonical"');
  return f;
}

export type Single = { statement: Obj; stored: Date };

/** GET with statementId or voidedStatementId: one statement, or XapiError(404). */
export async function getStatement(tool: Tool, params: URLSearchParams, languages: string[]): Promise<Single> {
  for (const key of params.keys()) if (!SINGLE_PARAMS.has(key)) throw invalid(key, "is not allowed with statementId or voidedStatementId");
  const statementId = params.get("statementId");
  const voidedId = params.get("voidedStatementId");
  if (statementId !== null && voidedId !== null) throw new XapiError(400, "Send statementId or voidedStatementId, not both.");
  const id = statementId ?? voidedId ?? "";
  if (!isUuid(id)) throw invalid(statementId !== null ? "statementId" : "voidedStatementId", "must be a UUID");
  const format = formatOf(params);
  flag(params, "attachments");
  const row = await db.xapiStatement.findFirst({
    // A voided statement is found only by voidedStatementId; any other only by statementId.
    where: { id: id.toLowerCase(), toolId: tool.id, voided: voidedId !== null },
    select: { statement: true, stored: true },
  });
  if (!row) throw new XapiError(404, "No statement with that id was found for this tool.");
  return { statement: formatStatement(row.statement as Obj, format, languages), stored: row.stored };
}

type Cursor = { q: string; stored: string; seq: string };

function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(more: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(more, "base64url").toString("utf8")) as Cursor;
    if (typeof c.q === "string" && typeof c.stored === "string" && /^\d+$/.test(c.seq)) return c;
  } catch {
    // Falls through to the error below.
  }
  throw invalid("more", "is not a link this receiver gave");
}

export type Page = { statements: Obj[]; more: string };

/** GET with filters (or a `more` cursor): a page of the tool's statements, newest stored first unless ascending. */
export async function listStatements(tool: Tool, given: URLSearchParams, languages: string[], base: string): Promise<Page> {
  let params = given;
  let after: { stored: Date; seq: bigint } | null = null;
  const more = given.get("more");
  if (more !== null) {
    const cursor = decodeCursor(more);
    params = new URLSearchParams(cursor.q);
    after = { stored: new Date(cursor.stored), seq: BigInt(cursor.seq) };
  }
  for (const key of params.keys()) if (!LIST_PARAMS.has(key)) throw invalid(key, "is not a parameter of the statements resource");

  // The filters on what a statement is about (not when it was stored).
  const where: Prisma.XapiStatementWhereInput[] = [];
  const agent = params.get("agent");
  if (agent !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(agent);
    } catch {
      throw invalid("agent", "must be an Agent or Group as JSON");
    }
    validateActor(parsed, "agent");
    const key = agentKey(parsed);
    if (!key) throw invalid("agent", "must have an identifier (mbox, mbox_sha1sum, openid or account)");
    where.push(
      flag(params, "related_agents")
        ? { relatedAgentKeys: { has: key } }
        : { OR: [{ actorKey: key }, { relatedAgentKeys: { has: objectAgentKey(key) } }] },
    );
  } else flag(params, "related_agents");
  const verb = params.get("verb");
  if (verb !== null) {
    if (!isIri(verb)) throw invalid("verb", "must be an IRI");
    where.push({ verbId: verb });
  }
  const activity = params.get("activity");
  if (activity !== null) {
    if (!isIri(activity)) throw invalid("activity", "must be an IRI");
    where.push(flag(params, "related_activities") ? { relatedActivityIds: { has: activity } } : { activityId: activity });
  } else flag(params, "related_activities");
  const registration = params.get("registration");
  if (registration !== null) {
    if (!isUuid(registration)) throw invalid("registration", "must be a UUID");
    where.push({ registration: registration.toLowerCase() });
  }
  const about = where.splice(0);
  where.push({ toolId: tool.id, voided: false });
  if (about.length > 0) {
    // A statement that refers to one matching the filters matches too (xAPI 1.0.3 §2.1.3): here the
    // voiding statements of matching voided statements, the one reference kept in a column (voidsId).
    const voidedTargets = await db.xapiStatement.findMany({
      where: { toolId: tool.id, voided: true, AND: about },
      select: { id: true },
      take: 1000,
    });
    where.push(voidedTargets.length ? { OR: [{ AND: about }, { voidsId: { in: voidedTargets.map((t) => t.id) } }] } : { AND: about });
  }
  for (const [name, op] of [
    ["since", "gt"],
    ["until", "lte"],
  ] as const) {
    const v = params.get(name);
    if (v === null) continue;
    if (!isTimestamp(v)) throw invalid(name, "must be an ISO 8601 timestamp");
    where.push({ stored: { [op]: new Date(v) } });
  }
  const limitParam = params.get("limit") ?? "0";
  if (!/^\d+$/.test(limitParam)) throw invalid("limit", "must be a whole number (0 for the most this receiver returns)");
  const limit = Math.min(Number(limitParam) || MAX_LIMIT, MAX_LIMIT);
  const ascending = flag(params, "ascending");
  const format = formatOf(params);
  flag(params, "attachments");
  if (after) {
    const cmp = ascending ? "gt" : "lt";
    where.push({ OR: [{ stored: { [cmp]: after.stored } }, { stored: after.stored, seq: { [cmp]: after.seq } }] });
  }

  const order = ascending ? "asc" : "desc";
  const rows = await db.xapiStatement.findMany({
    where: { AND: where },
    orderBy: [{ stored: order }, { seq: order }],
    take: limit + 1,
    select: { statement: true, stored: true, seq: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit && last;
  const q = more !== null ? params.toString() : given.toString();
  return {
    statements: page.map((r) => formatStatement(r.statement as Obj, format, languages)),
    more: hasMore ? `${base}?more=${encodeCursor({ q, stored: last.stored.toISOString(), seq: last.seq.toString() })}` : "",
  };
}
