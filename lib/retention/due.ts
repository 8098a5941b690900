// Students due under a district's retention period: a student of the district with no active
// membership anywhere, whose last membership ended more than keepMonths ago. One SQL condition,
// used by the page (keyset by name), by the confirmation (re-checked, row by row, at deletion)
// and by the daily job (does any district have someone due?).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { decodeCursor, encodeCursor, type KeysetPage, type PageRequest } from "@/lib/people/listing";

export const DUE_PAGE = 50;

export type DueStudent = { id: string; name: string; sourcedId: string | null; leftAt: Date };

/**
 * The FROM and WHERE of "students due": `u` is the user, `m` their memberships summed up. Read from
 * the people with a membership that ended before the cutoff (a student due has one: all of theirs
 * ended, the last before the cutoff), never from every person of the district: in a district where
 * few are due, testing each of its people costs the district's size on every page and every day.
 * Memberships carry their person's district (the key to User is (userId, districtId)).
 */
function dueFrom(districtId: Prisma.Sql, keepMonths: Prisma.Sql, now: Date): Prisma.Sql {
  const cutoff = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - make_interval(months => ${keepMonths})`;
  return Prisma.sql`"User" u CROSS JOIN LATERAL (
      SELECT max(ms."endedAt") AS last, bool_or(ms."endedAt" IS NULL) AS active, bool_or(ms.role = 'STUDENT'::"Role") AS student
      FROM "Membership" ms WHERE ms."userId" = u.id) m
    WHERE u.id IN (SELECT ended."userId" FROM "Membership" ended WHERE ended."districtId" = ${districtId} AND ended."endedAt" < ${cutoff})
      AND u."districtId" = ${districtId} AND m.student AND NOT m.active AND m.last < ${cutoff}`;
}

/** One page of the students due, by name. */
export async function dueStudents(
  districtId: string,
  keepMonths: number,
  request: PageRequest = {},
  now = new Date(),
): Promise<KeysetPage<DueStudent>> {
  const before = decodeCursor(request.before);
  const after = before ? null : decodeCursor(request.after);
  const from = dueFrom(Prisma.sql`${districtId}`, Prisma.sql`${keepMonths}::int`, now);
  const cursor = after
    ? Prisma.sql`AND (u.name, u.id) > (${after.key}, ${after.id})`
    : before
      ? Prisma.sql`AND (u.name, u.id) < (${before.key}, ${before.id})`
      : Prisma.empty;
  const order = before ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db.$queryRaw<DueStudent[]>`
    SELECT u.id, u.name, u."sourcedId", m.last AS "leftAt" FROM ${from} ${cursor}
    ORDER BY u.name ${order}, u.id ${order} LIMIT ${DUE_PAGE + 1}`;
  const more = rows.length > DUE_PAGE;
  const items = rows.slice(0, DUE_PAGE);
  if (before) items.reverse();
  const at = (r: DueStudent | undefined) => (r ? encodeCursor({ key: r.name, id: r.id }) : null);
  return {
    items,
    next: before || more ? at(items[items.length - 1]) : null,
    previous: before ? (more ? at(items[0]) : null) : after ? at(items[0]) : null,
  };
}

/** Whether this one student is due now (inside the deletion's transaction, after locking them). */
export async function isDue(tx: Tx, districtId: string, keepMonths: number, userId: string, now = new Date()): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM ${dueFrom(Prisma.sql`${districtId}`, Prisma.sql`${keepMonths}::int`, now)} AND u.id = ${userId}`;
  return rows.length > 0;
}

/** Districts with a period set and at least one student due. */
export async function districtsWithDue(now = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ districtId: string }[]>`
    SELECT p."districtId" FROM "RetentionPolicy" p
    WHERE p."keepMonths" IS NOT NULL
      AND EXISTS (SELECT 1 FROM ${dueFrom(Prisma.sql`p."districtId"`, Prisma.sql`p."keepMonths"`, now)})`;
  return rows.map((r) => r.districtId);
}
