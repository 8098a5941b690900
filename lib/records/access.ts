// Who may see which learning records, written into the `where` so that lists and single reads
// share it and a foreign id is simply not found. Records are the student's: they, their
// guardians and the teachers who teach them now (at the record's school) see them; nobody else —
// not admins, not other teachers. A suggestion from another tool is the student's alone until
// they accept it.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { organizationsAs, taughtEnrollment, type Scope } from "@/lib/people/access";

/** The teacher's rule: a recorded (not suggested) record of a student they teach now, kept at a school where they teach. */
function taughtRecord(actor: Actor, scope: Scope): Prisma.LearningRecordWhereInput {
  return {
    status: "RECORDED",
    school: organizationsAs(actor, "TEACHER", scope),
    student: { enrollments: { some: taughtEnrollment(actor, scope) } },
  };
}

export function recordsVisibleTo(actor: Actor, scope: Scope = "all"): Prisma.LearningRecordWhereInput {
  const roles = new Set((scope === "all" ? actor.memberships : [actor.acting]).map((m) => m.role));
  const clauses: Prisma.LearningRecordWhereInput[] = [];
  if (roles.has("STUDENT")) clauses.push({ studentId: actor.id });
  if (roles.has("GUARDIAN")) clauses.push({ status: "RECORDED", student: { guardedBy: { some: { guardianId: actor.id } } } });
  if (roles.has("TEACHER")) clauses.push(taughtRecord(actor, scope));
  // An empty OR inside an AND is dropped by Prisma (it would match every record): say "none" outright.
  return { school: { districtId: actor.districtId }, OR: clauses.length ? clauses : [{ id: { in: [] } }] };
}

/**
 * The ids of one student's records the actor may see, read once per request (React's cache): a page
 * about one student (the family's home) filters its lists of them by these ids instead of compiling
 * the rule into each (as visiblePlanIdsOf, docs/decisions/plan-access-per-request.md).
 */
export function visibleRecordIdsOf(actor: Actor, studentId: string): Promise<string[]> {
  return recordIdsInRequest(actor, studentId);
}
const recordIdsInRequest = cache(async (actor: Actor, studentId: string) => {
  const rows = await db.learningRecord.findMany({ where: { AND: [recordsVisibleTo(actor), { studentId }] }, select: { id: true } });
  return rows.map((r) => r.id);
});

const relationSelect = (actor: Actor) =>
  ({
    studentId: true,
    status: true,
    schoolId: true,
    student: { select: { guardedBy: { where: { guardianId: actor.id }, select: { id: true }, take: 1 } } },
  }) satisfies Prisma.LearningRecordSelect;

/**
 * The record with this id when the actor may see it, with their relationships to it (STUDENT: it
 * is theirs; GUARDIAN; TEACHER), for `allows(relations, …)`; NotFoundError otherwise. TEACHER is
 * the teacher's rule of `recordsVisibleTo` itself (the record's school included), so a guardian
 * who teaches their child at another school is only GUARDIAN here.
 */
export async function findVisibleRecord<S extends Prisma.LearningRecordSelect>(tx: Tx, actor: Actor, recordId: string, select: S) {
  const row = await tx.learningRecord.findFirst({
    where: { AND: [recordsVisibleTo(actor), { id: recordId }] },
    select: { ...select, ...relationSelect(actor) },
  });
  if (!row) throw new NotFoundError("That learning record");
  const r = row as unknown as Prisma.LearningRecordGetPayload<{ select: ReturnType<typeof relationSelect> }>;
  const has = (role: Role) => actor.memberships.some((m) => m.role === role);
  const relations: Role[] = [];
  if (r.studentId === actor.id && has("STUDENT")) relations.push("STUDENT");
  if (r.status === "RECORDED" && r.student.guardedBy.length && has("GUARDIAN")) relations.push("GUARDIAN");
  if (r.status === "RECORDED" && has("TEACHER")) {
    const taught = await tx.learningRecord.count({ where: { AND: [{ id: recordId }, taughtRecord(actor, "all")] } });
    if (taught) relations.push("TEACHER");
  }
  return Object.assign(row as unknown as Prisma.LearningRecordGetPayload<{ select: S }>, { relations });
}

/** Serializes changes to one record (edits, links, ratings) for the rest of the transaction. */
export async function lockRecord(tx: Tx, recordId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "LearningRecord" WHERE "id" = ${recordId} FOR UPDATE`;
}
