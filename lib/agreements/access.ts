// Who may see an independent study agreement: whoever may see its plan, and the people asked to
// sign it — the supervising teacher and everyone assisting — who may not otherwise see the plan.
// Written into the `where`, so a foreign id is simply not found.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { relationSelect, relationsOf } from "@/lib/people/access";
import { plansVisibleTo } from "@/lib/plans/access";

export function agreementsVisibleTo(actor: Actor): Prisma.StudyAgreementWhereInput {
  // Named staff see it only while they are staff at the plan's school: access ends with the job.
  const staffAt = actor.memberships.filter((m) => m.role === "TEACHER" || m.role === "ADMIN").map((m) => m.organizationId);
  const atTheirSchool: Prisma.StudyAgreementWhereInput = { plan: { schoolId: { in: staffAt } } };
  return {
    plan: { school: { districtId: actor.districtId }, deletedAt: null, type: "INDEPENDENT_STUDY" },
    OR: [
      { plan: plansVisibleTo(actor) },
      // The family signs an agreement that was sent while its plan is still a draft: a sent
      // agreement is theirs to read even when the plan itself is not yet (lib/plans/access.ts).
      ...(actor.memberships.some((m) => m.role === "GUARDIAN")
        ? [{ status: { not: "DRAFT" as const }, plan: { student: { guardedBy: { some: { guardianId: actor.id } } } } }]
        : []),
      { AND: [atTheirSchool, { supervisingTeacherId: actor.id }] },
      { AND: [atTheirSchool, { assistants: { some: { userId: actor.id } } }] },
    ],
  };
}

/**
 * The plans (ids) of one student whose agreements the actor may see, read once per request (React's
 * cache): the family's home filters its "to sign" and "due" lists by them instead of compiling
 * agreementsVisibleTo into each (docs/decisions/plan-access-per-request.md).
 */
export const visibleAgreementPlanIdsOf = cache(async (actor: Actor, studentId: string): Promise<string[]> => {
  // The student's independent study plans first: filtered through the plan's student, Postgres
  // tests every agreement of the district against the rule.
  // In plain SQL: it only narrows (the rule decides below), and most students have none, when
  // nothing more is read (issue 12).
  const plans = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Plan" WHERE "studentId" = ${studentId} AND type = 'INDEPENDENT_STUDY' AND "deletedAt" IS NULL`;
  if (plans.length === 0) return [];
  const rows = await db.studyAgreement.findMany({
    where: { AND: [agreementsVisibleTo(actor), { planId: { in: plans.map((p) => p.id) } }] },
    select: { planId: true },
  });
  return rows.map((r) => r.planId);
});

/**
 * Holds the agreement's row until the transaction ends, so that a save, a send, a signature or a
 * record of work on the same agreement run one after another: a signature can never complete an
 * older version after an edit, and two last signatures always see each other.
 */
export async function lockAgreement(tx: Tx, planId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "StudyAgreement" WHERE "planId" = ${planId} FOR UPDATE`;
}

const person = { select: { id: true, name: true } } as const;

/** Everything the agreement's page and commands need, in one read. */
export function agreementSelect(actor: Actor) {
  return {
    id: true,
    planId: true,
    status: true,
    content: true,
    version: true,
    startsOn: true,
    endsOn: true,
    activatedAt: true,
    evaluationDueAt: true,
    updatedAt: true,
    supervisingTeacherId: true,
    supervisingTeacher: person,
    assistants: { orderBy: { userId: "asc" }, select: { userId: true, role: true, user: person } },
    revisions: {
      orderBy: { number: "desc" },
      take: 1,
      select: {
        id: true,
        number: true,
        content: true,
        contentHash: true,
        createdAt: true,
        signatures: {
          orderBy: { signedAt: "asc" },
          select: { signerId: true, role: true, typedName: true, signedAt: true, contentHash: true },
        },
      },
    },
    plan: {
      select: {
        id: true,
        title: true,
        status: true,
        submittedAt: true,
        schoolId: true,
        ...relationSelect(actor),
        student: {
          select: {
            ...relationSelect(actor).student.select,
            id: true,
            name: true,
            profile: { select: { gradeLevel: true, birthDate: true } },
          },
        },
      },
    },
  } satisfies Prisma.StudyAgreementSelect;
}

export type AgreementRelations = {
  /** The actor's relationships to the plan (none for an assistant who cannot see the plan). */
  plan: Role[];
  supervising: boolean;
  assisting: boolean;
};

/** The agreement on this plan when the actor may see it, with their relationships; NotFoundError otherwise. */
export async function findVisibleAgreement(tx: Tx, actor: Actor, planId: string) {
  const found = await tx.studyAgreement.findFirst({
    where: { AND: [agreementsVisibleTo(actor), { planId }] },
    select: agreementSelect(actor),
  });
  if (!found) throw new NotFoundError("That agreement");
  const relations: AgreementRelations = {
    plan: relationsOf(actor, found.plan),
    supervising: found.supervisingTeacherId === actor.id,
    assisting: found.assistants.some((a) => a.userId === actor.id),
  };
  return { ...found, latest: found.revisions[0] ?? null, relations };
}
export type VisibleAgreement = Awaited<ReturnType<typeof findVisibleAgreement>>;
