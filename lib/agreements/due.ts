// The teacher's queue of evaluations due: active agreements whose missed work reached the board's
// limit, for the students the actor teaches now (or supervises as the agreement's teacher),
// oldest first so nothing waits longest. Admins and families are told elsewhere; this is the
// teacher's to do.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { organizationIdsAs, organizationsAs, taughtEnrollment, type Scope } from "@/lib/people/access";
import { agreementsVisibleTo } from "./access";

/** The most a home page lists; the rest wait their turn (the oldest come first). */
export const EVALUATIONS_DUE_LIMIT = 20;

/** Agreements the actor evaluates as a teacher: the student is in a class they teach, or they supervise it. */
function evaluatedBy(actor: Actor, scope: Scope): Prisma.StudyAgreementWhereInput {
  const school = organizationsAs(actor, "TEACHER", scope);
  return {
    OR: [
      { plan: { school, student: { enrollments: { some: taughtEnrollment(actor, scope) } } } },
      { supervisingTeacherId: actor.id, plan: { school } },
    ],
  };
}

export async function listEvaluationsDue(actor: Actor, opts: { scope?: Scope; limit?: number } = {}) {
  const scope = opts.scope ?? "all";
  if (!(scope === "all" ? actor.memberships : [actor.acting]).some((m) => m.role === "TEACHER")) return [];
  // Evaluations due are rare: a cheap look at the teacher's schools first (Agreement(evaluationDueAt)),
  // and the full access rule only over what it finds. On most loads of the teacher's home there is
  // nothing, and the access rule's cost (Prisma compiles each where tree) is never paid.
  const due = { status: "ACTIVE", evaluationDueAt: { not: null } } satisfies Prisma.StudyAgreementWhereInput;
  // In plain SQL (organizationsAs: the schools, and what is under them): as a Prisma query its
  // preparation cost more CPU than Postgres took, on every load (issue 12).
  const orgs = organizationIdsAs(actor, "TEACHER", scope);
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "StudyAgreement" a
    JOIN "Plan" p ON p.id = a."planId"
    JOIN "Organization" o ON o.id = p."schoolId"
    WHERE a.status = 'ACTIVE' AND a."evaluationDueAt" IS NOT NULL
      AND (o.id = ANY(${orgs}::text[]) OR o."parentId" = ANY(${orgs}::text[]) OR o."districtId" = ANY(${orgs}::text[]))
    ORDER BY a."evaluationDueAt", a.id
    LIMIT 500`;
  if (candidates.length === 0) return [];
  const rows = await db.studyAgreement.findMany({
    where: { AND: [{ id: { in: candidates.map((c) => c.id) } }, agreementsVisibleTo(actor), evaluatedBy(actor, scope), due] },
    orderBy: [{ evaluationDueAt: "asc" }, { id: "asc" }],
    take: Math.min(opts.limit ?? EVALUATIONS_DUE_LIMIT, EVALUATIONS_DUE_LIMIT),
    select: {
      id: true,
      planId: true,
      evaluationDueAt: true,
      plan: { select: { title: true, student: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((r) => ({
    agreementId: r.id,
    planId: r.planId,
    planTitle: r.plan.title,
    student: r.plan.student,
    dueSince: r.evaluationDueAt!,
    href: `/plans/${r.planId}/agreement#evaluation`,
  }));
}
export type EvaluationDue = Awaited<ReturnType<typeof listEvaluationsDue>>[number];
