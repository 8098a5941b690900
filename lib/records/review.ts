// Teachers review learning records: the queue of (record, standard) pairs a student asked them to
// rate, and the rating itself, which counts toward the student's stored mastery of the standard.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { anyOf, db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { loadPolicies } from "@/lib/mastery/policies";
import { recomputeStudents } from "@/lib/mastery/recompute";
import { guardianIdsOf, notify } from "@/lib/notifications/notify";
import { decodeCursor, encodeCursor } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import type { Taught } from "@/lib/teacher/home";
import { findVisibleRecord, lockRecord, recordsVisibleTo } from "./access";
import { recordRatingSchema } from "./review-schemas";

/**
 * The pairs waiting for the actor's rating: a RECORDED record of a student they teach now, at a
 * school where they teach (as recordsVisibleTo's teacher rule), whose student asked for review,
 * with the standard still linked and not yet rated for it. Oldest request first, keyset-paged on
 * (reviewRequestedAt, recordId, standardId), with a count.
 *
 * The students come from the teacher's home scope (ids, bounded by their classes), so Postgres
 * starts from LearningRecord(studentId, status, …) for those students only; the link is
 * LearningRecordStandard's key and "not rated" RecordRating(recordId, standardId, createdAt).
 * Page and count are one statement (a CTE used twice is computed once). `scope` is the teacher
 * home's (lib/teacher/home.ts, read there once per request); without it, it is read here.
 */
export async function listRecordsToReview(actor: Actor, after?: string | null, size?: number, scope?: Taught) {
  // Imported when called: lib/teacher/home.ts imports this module for the home page.
  const home = scope && size ? null : await import("@/lib/teacher/home");
  const pageSize = size ?? home?.HOME_LIST_SIZE ?? 10;
  const { studentIds } = scope ?? (await home!.teacherScope(actor));
  // Only a teacher's home has this list; the scope is already empty for anyone acting otherwise.
  if (studentIds.length === 0 || actor.acting.role !== "TEACHER") return { items: [], total: 0, next: null };
  const schools = [actor.acting.organizationId];
  const cursor = readCursor(after);
  const waiting = Prisma.sql`
    SELECT ls."recordId", ls."standardId", r."reviewRequestedAt"
    FROM "LearningRecord" r
    JOIN "Organization" o ON o.id = r."schoolId"
    JOIN "LearningRecordStandard" ls ON ls."recordId" = r.id
    WHERE r."studentId" = ${anyOf(studentIds)} AND r.status = 'RECORDED' AND r."reviewRequestedAt" IS NOT NULL
      AND o."districtId" = ${actor.districtId}
      AND (o.id = ANY(${schools}::text[]) OR o."parentId" = ANY(${schools}::text[]) OR o."districtId" = ANY(${schools}::text[]))
      AND NOT EXISTS (SELECT 1 FROM "RecordRating" rr WHERE rr."recordId" = ls."recordId" AND rr."standardId" = ls."standardId")`;
  // Stored times are UTC in a column without a zone: compare them as UTC.
  const past = cursor
    ? Prisma.sql`WHERE (w."reviewRequestedAt", w."recordId", w."standardId") > ((CAST(${cursor.at} AS timestamptz) AT TIME ZONE 'UTC'), ${cursor.recordId}, ${cursor.standardId})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ recordId: string; standardId: string; reviewRequestedAt: Date; total: bigint }[]>`
    WITH waiting AS (${waiting})
    SELECT w."recordId", w."standardId", w."reviewRequestedAt", (SELECT count(*) FROM waiting) AS total
    FROM waiting w ${past}
    ORDER BY w."reviewRequestedAt", w."recordId", w."standardId" LIMIT ${pageSize + 1}`;
  // Past the last page there are no rows to carry the count: count alone (a second statement).
  // No rows on the first page: there are none at all.
  const total = rows.length
    ? Number(rows[0]!.total)
    : cursor
      ? Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${waiting}) w`)[0]?.n ?? 0)
      : 0;
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const items = await describe(actor, page);
  return {
    items,
    total,
    next:
      rows.length > pageSize && last
        ? encodeCursor({ key: last.reviewRequestedAt.toISOString(), id: `${last.recordId} ${last.standardId}` })
        : null,
  };
}

export type RecordToReview = Awaited<ReturnType<typeof listRecordsToReview>>["items"][number];

/** The page's records with what a teacher needs to rate them, each on its school's scale. */
async function describe(actor: Actor, page: readonly { recordId: string; standardId: string }[]) {
  if (page.length === 0) return [];
  const records = await db.learningRecord.findMany({
    // Read through the access rule too: the ids came from the teacher's scope, this says so again.
    where: { AND: [recordsVisibleTo(actor, "acting"), { id: { in: page.map((p) => p.recordId) } }] },
    select: {
      id: true,
      schoolId: true,
      title: true,
      description: true,
      setting: true,
      place: true,
      happenedOn: true,
      durationMinutes: true,
      withWhom: true,
      reviewRequestedAt: true,
      student: { select: { id: true, name: true } },
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, title: true, url: true, fileName: true },
      },
      standards: {
        where: { standardId: { in: page.map((p) => p.standardId) } },
        select: { standard: { select: { id: true, code: true, description: true, frameworkId: true } } },
      },
    },
  });
  const policies = await loadPolicies(
    db,
    records.map((r) => r.schoolId),
    records.flatMap((r) => r.standards.flatMap((s) => (s.standard.frameworkId ? [s.standard.frameworkId] : []))),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  return page.flatMap((p) => {
    const r = byId.get(p.recordId);
    const standard = r?.standards.find((s) => s.standard.id === p.standardId)?.standard;
    if (!r || !standard) return [];
    return [
      {
        key: `${r.id}:${standard.id}`,
        id: r.id,
        title: r.title,
        description: r.description,
        setting: r.setting,
        place: r.place,
        happenedOn: r.happenedOn,
        durationMinutes: r.durationMinutes,
        withWhom: r.withWhom,
        reviewRequestedAt: r.reviewRequestedAt,
        attachments: r.attachments,
        student: { id: r.student.id, name: displayName(r.student) },
        standard: { id: standard.id, code: standard.code, description: standard.description },
        // As recompute.ts rates it: the standard's framework policy, else the record's school's.
        levels: policies.forStandard(r.schoolId, standard.frameworkId).scale.levels,
      },
    ];
  });
}

function readCursor(raw: unknown) {
  const c = decodeCursor(raw);
  if (!c) return null;
  const [recordId, standardId, extra] = c.id.split(" ");
  if (!recordId || !standardId || extra !== undefined || Number.isNaN(new Date(c.key).getTime())) return null;
  return { at: new Date(c.key).toISOString(), recordId, standardId };
}

/**
 * A teacher of the student rates a record against one of its linked standards, on the scale the
 * standard is rated on at the record's school. The rating counts toward the student's stored
 * mastery at once; the student and their guardians are told.
 */
export async function rateRecord(actor: Actor, input: unknown): Promise<{ id: string }> {
  const r = recordRatingSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await findVisibleRecord(tx, actor, r.recordId, { id: true, studentId: true, schoolId: true });
    if (!allows(record.relations, "record:rate")) throw new ForbiddenError("Only the student's teachers can rate a learning record.");
    // Read the link under the record's lock: an unlink at the same moment either wins or waits.
    await lockRecord(tx, record.id);
    const link = await tx.learningRecordStandard.findUnique({
      where: { recordId_standardId: { recordId: record.id, standardId: r.standardId } },
      select: { standard: { select: { id: true, code: true, frameworkId: true } } },
    });
    if (!link) throw new ConflictError("This standard is no longer linked to the record, so it has nothing to rate.");
    const policy = (await loadPolicies(tx, [record.schoolId], link.standard.frameworkId ? [link.standard.frameworkId] : [])).forStandard(
      record.schoolId,
      link.standard.frameworkId,
    );
    const level = policy.scale.levels.find((l) => l.id === r.levelId);
    if (!level) throw new InputError("Choose a level of your school's scale.", { levelId: ["Choose a level of your school's scale."] });
    const rating = await tx.recordRating.create({
      data: { recordId: record.id, standardId: link.standard.id, raterId: actor.id, levelId: level.id, feedback: r.feedback },
      select: { id: true },
    });
    await recomputeStudents(tx, [record.studentId]);
    const family = await guardianIdsOf(tx, record.studentId);
    await notify(tx, [record.studentId, ...family], { type: "RECORD_RATED", actorId: actor.id, recordId: record.id });
    await recordAudit(tx, {
      organizationId: record.schoolId,
      actorId: actor.id,
      action: "record.rate",
      entityType: "LearningRecord",
      entityId: record.id,
      detail: { standard: link.standard.code, level: level.name, points: level.points },
    });
    return rating;
  });
}
