// Who may see a learner profile: the people who may see the student (studentsVisibleTo),
// written into the `where` so a foreign id is simply not found. What each may do with
// it comes from their relationships to the student (policy.ts), never the acting role.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { soleRole, studentsVisibleTo, taughtEnrollment } from "@/lib/people/access";

function relationSelect(actor: Actor) {
  return {
    id: true,
    guardedBy: { where: { guardianId: actor.id }, select: { id: true }, take: 1 },
    enrollments: { where: taughtEnrollment(actor), select: { id: true }, take: 1 },
    // The schools the student is a student of now: an admin over one of them is related.
    memberships: {
      where: { role: "STUDENT", endedAt: null },
      orderBy: { createdAt: "asc" },
      select: { organization: { select: { id: true, parentId: true, districtId: true } } },
    },
  } satisfies Prisma.UserSelect;
}
type RelationRow = Prisma.UserGetPayload<{ select: ReturnType<typeof relationSelect> }>;

function holds(actor: Actor, role: Role) {
  return actor.memberships.filter((m) => m.role === role);
}

/** The actor's relationships to a student: STUDENT (themself), GUARDIAN, TEACHER, ADMIN. */
function relationsOf(actor: Actor, row: RelationRow): Role[] {
  const out: Role[] = [];
  if (row.id === actor.id && holds(actor, "STUDENT").length) out.push("STUDENT");
  if (row.guardedBy.length && holds(actor, "GUARDIAN").length) out.push("GUARDIAN");
  // taughtEnrollment already confines the class to a school where the actor teaches.
  if (row.enrollments.length && holds(actor, "TEACHER").length) out.push("TEACHER");
  const admin = holds(actor, "ADMIN").map((m) => m.organizationId);
  const orgs = row.memberships.flatMap((m) => [m.organization.id, m.organization.parentId, m.organization.districtId]);
  if (orgs.some((o) => o !== null && admin.includes(o))) out.push("ADMIN");
  return out;
}

/**
 * The student with this id when the actor may see them, with `select`, their relationships
 * to the actor, and the school their records belong to (for the audit log); NotFoundError
 * otherwise.
 */
export async function findVisibleStudent<S extends Prisma.UserSelect>(tx: Tx, actor: Actor, studentId: string, select: S) {
  type Found = Prisma.UserGetPayload<{ select: S }> & { relations: Role[]; schoolId: string };
  if (tx === db) {
    // Outside a transaction the rule is applied once per request (docs/decisions/plan-access-per-request.md).
    const known = await studentInRequest(actor, studentId);
    if (!known) throw new NotFoundError("That student");
    const row = await db.user.findUnique({ where: { id: studentId }, select: { id: true, ...select } as Prisma.UserSelect });
    if (!row) throw new NotFoundError("That student");
    return Object.assign(row, known) as unknown as Found;
  }
  const relation = relationSelect(actor);
  const row = await tx.user.findFirst({
    where: { AND: [studentsVisibleTo(actor), { id: studentId }] },
    select: { ...select, ...relation } as Prisma.UserSelect,
  });
  if (!row) throw new NotFoundError("That student");
  return Object.assign(row as unknown as Prisma.UserGetPayload<{ select: S }>, related(actor, row as unknown as RelationRow));
}

function related(actor: Actor, row: RelationRow) {
  return { relations: relationsOf(actor, row), schoolId: row.memberships[0]?.organization.id ?? actor.districtId };
}

/**
 * The actor's relationships to a student they may see (null when they may not) and the school
 * their records belong to, read once per request: a student's page asks through several loaders,
 * and the access rule is costly to compile.
 */
export const studentInRequest = cache(async (actor: Actor, studentId: string) => {
  const where = { AND: [studentsVisibleTo(actor), { id: studentId }] };
  const sole = soleRole(actor);
  if (sole) {
    // One role: the rule has decided the relationship (soleRole); only the school is left to read.
    const { id, memberships } = relationSelect(actor);
    const row = await db.user.findFirst({ where, select: { id, memberships } });
    return row ? { relations: [sole], schoolId: row.memberships[0]?.organization.id ?? actor.districtId } : null;
  }
  const row = await db.user.findFirst({ where, select: relationSelect(actor) });
  return row ? related(actor, row) : null;
});
