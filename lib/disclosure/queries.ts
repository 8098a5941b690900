// "Who saw what" for admins: the disclosure log of the students they administer, filtered,
// newest first by keyset (no count over the table), each entry in words, and as CSV.
// A district admin sees the whole district's log; a school admin the entries whose student is
// a current student of a school they administer. Nothing crosses a district.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { isDistrictAdmin } from "@/lib/mastery/admin-access";
import { decodeCursor, encodeCursor, likeText, type KeysetPage, type PageRequest } from "@/lib/people/listing";
import { csvOf } from "@/lib/mastery/grid-csv";
import type { DisclosureFilters } from "./schemas";
import { ACTION_LABEL, entryText, studentText, whoText, type Lookup } from "./words";

export const DISCLOSURE_PAGE = 50;
const CSV_BATCH = 1000;

type Row = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  studentId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  allowed: boolean;
  ip: string | null;
};

export type DisclosureEntry = Row & { who: string; student: string; text: string };

/** The entries the admin may see at all: the first gate, then the relationship. */
function scopeOf(actor: Actor): Prisma.Sql {
  requireAllowed(actor, "audit:view");
  if (isDistrictAdmin(actor)) return Prisma.sql`d."districtId" = ${actor.districtId}`;
  const schools = actor.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organizationId);
  return Prisma.sql`d."districtId" = ${actor.districtId} AND EXISTS (
    SELECT 1 FROM "Membership" m WHERE m."userId" = d."studentId" AND m.role = 'STUDENT' AND m."endedAt" IS NULL
      AND m."organizationId" IN (${Prisma.join(schools.length ? schools : [""])}))`;
}

function filterSql(actor: Actor, f: DisclosureFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  const named = (text: string) => Prisma.sql`(SELECT u.id FROM "User" u WHERE u."districtId" = ${actor.districtId}
    AND u.name ILIKE ${`%${likeText(text)}%`})`;
  if (f.student) out.push(Prisma.sql`d."studentId" IN ${named(f.student)}`);
  if (f.person) out.push(Prisma.sql`d."actorId" IN ${named(f.person)}`);
  if (f.action) out.push(Prisma.sql`d.action = ${f.action}`);
  if (f.from) out.push(Prisma.sql`d."createdAt" >= ${f.from}::date`);
  // The whole of the last day.
  if (f.to) out.push(Prisma.sql`d."createdAt" < ${f.to}::date + 1`);
  if (f.outcome) out.push(Prisma.sql`d.allowed = ${f.outcome === "allowed"}`);
  return out;
}

type Cursor = { at: Date; id: string };
function cursorOf(raw: unknown): Cursor | null {
  const c = decodeCursor(raw);
  const at = c ? new Date(c.key) : null;
  return c && at && !Number.isNaN(at.getTime()) ? { at, id: c.id } : null;
}

/** One page of rows, newest first, after or before a cursor (one more row is read to know if another page follows). */
async function pageRows(actor: Actor, f: DisclosureFilters, request: PageRequest, size: number) {
  const before = cursorOf(request.before);
  const after = before ? null : cursorOf(request.after);
  const where = [scopeOf(actor), ...filterSql(actor, f)];
  if (after) where.push(Prisma.sql`(d."createdAt", d.id) < (${after.at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after.id})`);
  if (before) where.push(Prisma.sql`(d."createdAt", d.id) > (${before.at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${before.id})`);
  const order = before ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT d.id, d."createdAt", d."actorId", d."studentId", d.action, d."entityType", d."entityId", d.allowed, d.ip
    FROM "DisclosureEvent" d WHERE ${Prisma.join(where, " AND ")}
    ORDER BY d."createdAt" ${order}, d.id ${order} LIMIT ${size + 1}`;
  return { rows, before, after };
}

/** Names and titles for the page's ids only: one query each, never one per row. */
export async function lookupFor(districtId: string, rows: readonly Pick<Row, "actorId" | "studentId" | "entityType" | "entityId">[]) {
  const people = [...new Set(rows.flatMap((r) => [r.actorId, r.studentId]).filter((x): x is string => !!x))];
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const [users, plans, evidence, records] = await Promise.all([
    db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true, districtId: true } }),
    db.plan.findMany({ where: { id: { in: ids("Plan") }, school: { districtId } }, select: { id: true, title: true } }),
    db.evidence.findMany({ where: { id: { in: ids("Evidence") }, student: { districtId } }, select: { id: true, title: true } }),
    db.learningRecord.findMany({
      where: { id: { in: ids("LearningRecord") }, student: { districtId } },
      select: { id: true, title: true },
    }),
  ]);
  return {
    districtId,
    people: new Map(users.map((u) => [u.id, u])),
    titles: new Map([...plans, ...evidence, ...records].map((x) => [x.id, x.title])),
  } satisfies Lookup;
}

function inWords(rows: readonly Row[], lookup: Lookup): DisclosureEntry[] {
  return rows.map((r) => ({
    ...r,
    who: whoText(r.actorId, lookup),
    student: r.studentId ? studentText(r.studentId, lookup) : "",
    text: entryText(r, lookup),
  }));
}

/** One page of the log for the admin, newest first. ForbiddenError for anyone who is not an admin. */
export async function listDisclosures(actor: Actor, f: DisclosureFilters, request: PageRequest = {}): Promise<KeysetPage<DisclosureEntry>> {
  const { rows, before, after } = await pageRows(actor, f, request, DISCLOSURE_PAGE);
  const more = rows.length > DISCLOSURE_PAGE;
  const items = rows.slice(0, DISCLOSURE_PAGE);
  if (before) items.reverse();
  const at = (r: Row | undefined) => (r ? encodeCursor({ key: r.createdAt.toISOString(), id: r.id }) : null);
  const entries = inWords(items, await lookupFor(actor.districtId, items));
  return {
    items: entries,
    next: before || more ? at(items[items.length - 1]) : null,
    previous: before ? (more ? at(items[0]) : null) : after ? at(items[0]) : null,
  };
}

export const CSV_HEADER = ["When (UTC)", "Who", "Student", "Action", "Entry", "Outcome", "From", "Entry id"];

/**
 * Every filtered entry as CSV lines, newest first, read a batch at a time so a year of a
 * district's reads streams without being held in memory. Access is checked before the first line.
 */
export async function disclosureCsv(actor: Actor, f: DisclosureFilters): Promise<AsyncIterable<string>> {
  scopeOf(actor);
  return (async function* () {
    yield csvOf([CSV_HEADER]);
    let after: string | null = null;
    for (;;) {
      const { rows } = await pageRows(actor, f, { after }, CSV_BATCH);
      const batch = rows.slice(0, CSV_BATCH);
      const lookup = await lookupFor(actor.districtId, batch);
      const entries = inWords(batch, lookup);
      if (entries.length) {
        yield csvOf(
          entries.map((e) => [
            e.createdAt.toISOString(),
            e.who,
            e.student,
            ACTION_LABEL[e.action] ?? e.action,
            e.text,
            e.allowed ? "Allowed" : "Refused",
            e.ip ?? "",
            e.id,
          ]),
        );
      }
      const last = batch[batch.length - 1];
      if (rows.length <= CSV_BATCH || !last) return;
      after = encodeCursor({ key: last.createdAt.toISOString(), id: last.id });
    }
  })();
}
