import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { keysetSlice, PAGE_SIZE } from "@/lib/pagination";
import { administered } from "@/lib/people/access";
import { decodeCursor, encodeCursor, type KeysetPage, type PageRequest } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";

export type AuditEntry = { id: string; action: string; entityType: string; entityId: string; createdAt: Date; actorName: string };
type Row = Omit<AuditEntry, "actorName"> & { actorId: string | null; name: string | null };

/** A (time, id) cursor of ours; anything else is no cursor. */
function readCursor(raw: unknown) {
  const c = decodeCursor(raw);
  const at = c ? new Date(c.key) : null;
  return c && at && !Number.isNaN(at.getTime()) ? { at: at.toISOString(), id: c.id } : null;
}

/**
 * The audit log of the organization the admin acts for (a district's includes its schools),
 * newest first, a keyset page at a time ("older" after a cursor, "newer" before one) with no
 * count: its cost is the page's, not the log's. Each organization's newest rows come from
 * AuditEvent(organizationId, createdAt, id) and the few per organization are merged, so a
 * district of many schools reads at most a page per school.
 */
export async function listAuditEvents(actor: Actor, request: PageRequest = {}, size = PAGE_SIZE): Promise<KeysetPage<AuditEntry>> {
  if (!can(actor.acting.role, "audit:view")) throw new ForbiddenError();
  const orgs = await db.organization.findMany({
    where: { AND: [{ districtId: actor.districtId }, administered(actor, "acting")] },
    select: { id: true },
  });
  const before = readCursor(request.before);
  const after = before ? null : readCursor(request.after);
  const cursor = before ?? after;
  // Newer rows are read upwards from the cursor, then put back newest first.
  const order = before ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const past = cursor
    ? Prisma.sql`AND (a."createdAt", a.id) ${before ? Prisma.sql`>` : Prisma.sql`<`} (CAST(${cursor.at} AS timestamptz) AT TIME ZONE 'UTC', ${cursor.id})`
    : Prisma.empty;
  const rows = orgs.length
    ? await db.$queryRaw<Row[]>`
        SELECT e.id, e.action, e."entityType", e."entityId", e."createdAt", e."actorId", u.name
        FROM unnest(${orgs.map((o) => o.id)}::text[]) AS o(id)
        CROSS JOIN LATERAL (
          SELECT a.id, a.action, a."entityType", a."entityId", a."createdAt", a."actorId" FROM "AuditEvent" a
          WHERE a."organizationId" = o.id ${past}
          ORDER BY a."createdAt" ${order}, a.id ${order} LIMIT ${size + 1}
        ) e
        LEFT JOIN "User" u ON u.id = e."actorId"
        ORDER BY e."createdAt" ${order}, e.id ${order} LIMIT ${size + 1}`
    : [];
  const page = keysetSlice(rows, size, { before: !!before, after: !!after }, (r) =>
    encodeCursor({ key: r.createdAt.toISOString(), id: r.id }),
  );
  return {
    ...page,
    items: page.items.map(({ actorId, name, ...r }) => ({
      ...r,
      actorName: actorId ? displayName(name === null ? null : { name }) : "System",
    })),
  };
}
