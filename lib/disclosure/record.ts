// The disclosure log's writer: every read of a student's record by anyone other than that student
// is noted here. A read never waits for it and never fails because of it: entries go to an
// in-process buffer written by one multi-row INSERT every FLUSH_MS or FLUSH_SIZE entries.
// docs/decisions/disclosure-log.md explains the choices.
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/** What was opened, in the product's words. Records and exports are hooked by their own modules. */
export type DisclosureAction =
  | "plan.view"
  | "student.view"
  | "profile.view"
  | "progress.view"
  | "evidence.file"
  | "agreement.view"
  | "agreement.pdf"
  | "record.view"
  | "record.file"
  | "export.download";

/**
 * The record read. entityType names the table the id belongs to ("Plan", "Evidence",
 * "LearningRecord", "LearningRecordAttachment", "User" for a student): the flush finds the
 * student and the district from it, so a refused read is tied to its student too.
 */
export type Disclosure = {
  action: DisclosureAction;
  entityType: "Plan" | "Evidence" | "LearningRecord" | "LearningRecordAttachment" | "User";
  entityId: string;
  /** When the caller already knows it; otherwise (and for refused reads) the flush resolves it. */
  studentId?: string | null;
  allowed: boolean;
};

type Entry = Disclosure & { id: string; actorId: string | null; actorDistrictId: string | null; ip: string | null; at: Date };

export const FLUSH_MS = 250;
export const FLUSH_SIZE = 200;

// On globalThis: Next may load this module more than once (route bundles, hot reload); one buffer per process.
type State = { buffer: Entry[]; timer: NodeJS.Timeout | null; pending: Set<Promise<unknown>>; hooked: boolean };
const g = globalThis as unknown as { pathwaysDisclosures?: State };
const state: State = (g.pathwaysDisclosures ??= { buffer: [], timer: null, pending: new Set(), hooked: false });

function enabled(): boolean {
  // Only the benchmark turns it off, to measure what logging costs.
  return process.env.DISCLOSURE_LOG !== "off";
}

/**
 * The client's address when called inside a request; null in scripts and tests. headers() is
 * called at once, while the request is the current one; only its answer is awaited.
 */
function requestAddress(): Promise<string | null> {
  try {
    return headers().then(
      (h) => clientAddress(h.get("x-forwarded-for")),
      () => null,
    );
  } catch {
    return Promise.resolve(null);
  }
}

function track<T>(p: Promise<T>): void {
  state.pending.add(p);
  void p.finally(() => state.pending.delete(p));
}

/** Note one read. Returns at once; never throws. */
export function disclose(actor: Actor | null, what: Disclosure): void {
  if (!enabled()) return;
  // A student reading their own record is not a disclosure.
  if (actor && what.studentId && what.studentId === actor.id) return;
  if (actor && what.entityType === "User" && what.entityId === actor.id) return;
  const at = new Date();
  track(
    requestAddress().then((ip) => {
      push({ ...what, id: randomUUID(), actorId: actor?.id ?? null, actorDistrictId: actor?.districtId ?? null, ip, at });
    }),
  );
}

function push(entry: Entry) {
  state.buffer.push(entry);
  if (!state.hooked) {
    state.hooked = true;
    // What is still buffered when the process winds down is written before it exits.
    process.once("beforeExit", () => void flushDisclosures());
  }
  if (state.buffer.length >= FLUSH_SIZE) {
    track(writeBuffered());
  } else if (!state.timer) {
    state.timer = setTimeout(() => track(writeBuffered()), FLUSH_MS);
    state.timer.unref?.();
  }
}

/**
 * Run a read and note it: allowed when it returns, refused when it throws NotFoundError or
 * ForbiddenError (rethrown as is). Any other error is not a decision about access: not noted.
 * `studentOf` names the student from the result when the caller knows it cheaply.
 */
export async function withDisclosure<T>(
  actor: Actor | null,
  what: Omit<Disclosure, "allowed">,
  load: () => Promise<T>,
  studentOf?: (result: T) => string | null,
): Promise<T> {
  try {
    const result = await load();
    disclose(actor, { ...what, studentId: what.studentId ?? studentOf?.(result) ?? null, allowed: true });
    return result;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) disclose(actor, { ...what, allowed: false });
    throw error;
  }
}

/** Write everything buffered now, and wait for writes under way (tests, shutdown). */
export async function flushDisclosures(): Promise<void> {
  // Reads noted just before still look up their address; then the buffer is written whole.
  while (state.pending.size > 0) await Promise.allSettled([...state.pending]);
  if (state.buffer.length) await writeBuffered();
  while (state.pending.size > 0) await Promise.allSettled([...state.pending]);
}

async function writeBuffered(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = state.buffer.splice(0, state.buffer.length);
  for (let i = 0; i < batch.length; i += FLUSH_SIZE) {
    try {
      await db.$executeRaw(insertSql(batch.slice(i, i + FLUSH_SIZE)));
    } catch (error) {
      // The page was served already; losing a batch is logged loudly, never thrown into a request.
      console.error(`disclosure log: ${batch.length} entries not written`, error);
    }
  }
}

/**
 * One INSERT for a batch. Each entry's student and district come from the record it names (the
 * caller's studentId wins when given); a read of the student's own record is dropped here too
 * (a refused read may not have known whose record it was). An entry whose district cannot be
 * told (nobody signed in, an id that names nothing) has nowhere to belong and is not kept.
 */
export function insertSql(batch: readonly Entry[]): Prisma.Sql {
  const rows = batch.map(
    (e) =>
      Prisma.sql`(${e.id}::text, ${e.actorId}::text, ${e.actorDistrictId}::text, ${e.studentId ?? null}::text, ${e.action}::text, ${e.entityType}::text, ${e.entityId}::text, ${e.allowed}::boolean, ${e.ip}::text, ${e.at.toISOString()}::timestamptz)`,
  );
  return Prisma.sql`
    INSERT INTO "DisclosureEvent" ("id", "districtId", "actorId", "studentId", "action", "entityType", "entityId", "allowed", "ip", "createdAt")
    SELECT v.id, COALESCE(s."districtId", r."districtId", v.district), v.actor, COALESCE(s.id, r."studentId"), v.action, v.type, v.entity, v.allowed, v.ip, v.at AT TIME ZONE 'UTC'
    FROM (VALUES ${Prisma.join(rows)}) AS v(id, actor, district, student, action, type, entity, allowed, ip, at)
    LEFT JOIN "User" s ON s.id = v.student
    LEFT JOIN LATERAL (
      SELECT p."studentId", o."districtId" FROM "Plan" p JOIN "Organization" o ON o.id = p."schoolId"
        WHERE v.type = 'Plan' AND p.id = v.entity
      UNION ALL
      SELECT e."studentId", u."districtId" FROM "Evidence" e JOIN "User" u ON u.id = e."studentId"
        WHERE v.type = 'Evidence' AND e.id = v.entity
      UNION ALL
      SELECT lr."studentId", u."districtId" FROM "LearningRecord" lr JOIN "User" u ON u.id = lr."studentId"
        WHERE v.type = 'LearningRecord' AND lr.id = v.entity
      UNION ALL
      SELECT lr."studentId", u."districtId" FROM "LearningRecordAttachment" la
        JOIN "LearningRecord" lr ON lr.id = la."recordId" JOIN "User" u ON u.id = lr."studentId"
        WHERE v.type = 'LearningRecordAttachment' AND la.id = v.entity
      UNION ALL
      SELECT u.id, u."districtId" FROM "User" u
        WHERE v.type = 'User' AND u.id = v.entity
          AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m.role = 'STUDENT')
      LIMIT 1
    ) r ON true
    WHERE COALESCE(s."districtId", r."districtId", v.district) IS NOT NULL
      AND (v.actor IS NULL OR COALESCE(s.id, r."studentId") IS DISTINCT FROM v.actor)`;
}
