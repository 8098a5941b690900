// Who may see which plans, written into the `where` so that lists and single reads
// share it and a foreign id is simply not found.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { PlanStatus, Prisma } from "@/lib/generated/prisma/client.ts";
import {
  administered,
  organizationsAs,
  relationSelect,
  relationsOf,
  type Scope,
  sharedScope,
  soleRole,
  taughtEnrollment,
} from "@/lib/people/access";

export function plansVisibleTo(actor: Actor, scope: Scope = "all"): Prisma.PlanWhereInput {
  const roles = new Set((scope === "all" ? actor.memberships : [actor.acting]).map((m) => m.role));
  const clauses: Prisma.PlanWhereInput[] = [];
  if (roles.has("STUDENT")) clauses.push({ studentId: actor.id });
  // A draft is the student's own until it is first submitted; from then on the family follows it,
  // even when it goes back for changes. A plan a teacher made and approved never was a draft.
  if (roles.has("GUARDIAN")) {
    clauses.push({
      student: { guardedBy: { some: { guardianId: actor.id } } },
      OR: [{ status: { not: "DRAFT" } }, { submittedAt: { not: null } }],
    });
  }
  if (roles.has("TEACHER")) {
    clauses.push({ school: organizationsAs(actor, "TEACHER", scope), student: { enrollments: { some: taughtEnrollment(actor, scope) } } });
  }
  if (roles.has("ADMIN")) clauses.push({ school: administered(actor, scope) });
  // A deleted draft is gone for everyone; only its student finds it again, in
  // "Recently deleted" (lib/plans/trash.ts), which does not go through here.
  // An empty OR inside an AND is dropped by Prisma (it would match every plan): say "none" outright.
  return { school: { districtId: actor.districtId }, deletedAt: null, OR: clauses.length ? clauses : [{ id: { in: [] } }] };
}

/**
 * Plans the actor, acting as a teacher, may see of students they teach now (`studentIds` must be
 * such students). For them plansVisibleTo's teacher rule comes down to this: a plan at a school
 * where the actor teaches, not deleted. Said directly, Postgres need not test each plan against
 * the teacher's enrollments again (lib/teacher/home.test.ts holds the two to the same plans).
 */
export function plansOfTaughtStudents(actor: Actor, studentIds: readonly string[]): Prisma.PlanWhereInput {
  return {
    studentId: { in: [...studentIds] },
    deletedAt: null,
    school: { AND: [{ districtId: actor.districtId }, organizationsAs(actor, "TEACHER", "acting")] },
  };
}

/**
 * The ids of one student's plans the actor may see, read once per request (React's cache): a page
 * about one student (theirs, or the family's home) filters each of its lists by these ids instead
 * of compiling the access rule into every one (docs/decisions/plan-access-per-request.md). A
 * student has tens of plans, not thousands. Deleted plans are not among them (the rule says so).
 */
export function visiblePlanIdsOf(actor: Actor, studentId: string, scope: Scope = "all"): Promise<string[]> {
  return planIdsInRequest(actor, studentId, sharedScope(actor, scope));
}
const planIdsInRequest = cache(async (actor: Actor, studentId: string, scope: Scope) => {
  const rows = await db.plan.findMany({ where: { AND: [plansVisibleTo(actor, scope), { studentId }] }, select: { id: true } });
  return rows.map((r) => r.id);
});

/** The same rule as the guardian's clause above, for a plan already read (see plansVisibleTo). */
export function familyFollows(plan: { status: PlanStatus; submittedAt: Date | null }) {
  return plan.status !== "DRAFT" || plan.submittedAt !== null;
}

type Nested = { select?: Record<string, unknown> } | boolean | undefined;
/** Two nested selects of the same relation, as one. */
function both(a: Nested, b: Nested) {
  const fields = (n: Nested) => (typeof n === "object" ? n.select : undefined);
  return { select: { ...fields(a), ...fields(b) } };
}

type Related = { status: PlanStatus; studentId: string; school: { id: string; parentId: string | null; districtId: string } };

/**
 * The actor's relationships to a plan they may see (null when they may not), with what they rest
 * on that never changes for a plan: its student and school. One page asks through several loaders
 * (the plan page six), so outside a transaction this is read once per request (React's cache):
 * the access rule is costly to turn into SQL (docs/decisions/plan-access-per-request.md).
 */
const relationsInRequest = cache(async (actor: Actor, planId: string) => {
  const where = { AND: [plansVisibleTo(actor), { id: planId }] };
  const sole = soleRole(actor);
  if (sole) {
    // One role: the rule has decided the relationship (see soleRole).
    const row = await db.plan.findFirst({ where, select: { studentId: true, school: relationSelect(actor).school } });
    return row ? { studentId: row.studentId, school: row.school, relations: [sole] } : null;
  }
  const row = await db.plan.findFirst({ where, select: relationSelect(actor) });
  return row ? { studentId: row.studentId, school: row.school, relations: relationsOf(actor, row) } : null;
});

/**
 * The actor's relationships to a plan they may see, with its student and school, decided once per
 * request (relationsInRequest); NotFoundError otherwise. For a read outside a transaction that then
 * reads the plan by its id itself, as findVisiblePlan does (lib/plans/detail.ts).
 */
export async function visiblePlanRelations(actor: Actor, planId: string) {
  const related = await relationsInRequest(actor, planId);
  if (!related) throw new NotFoundError("That plan");
  return related;
}

type PlanRow = {
  id: string;
  title: string;
  status: PlanStatus;
  version: number;
  approvedAt: Date | null;
  submittedAt: Date | null;
  templateId: string | null;
  templateLinked: boolean;
  /** The number of its latest revision, 0 before the first. */
  latestRevision: number;
};
/** A plan's own columns by its id (not deleted), read once per request in plain SQL. */
const planRowInRequest = cache(async (planId: string): Promise<PlanRow | null> => {
  const [row] = await db.$queryRaw<PlanRow[]>`
    SELECT p.id, p.title, p.status::text AS status, p.version, p."approvedAt", p."submittedAt", p."templateId", p."templateLinked",
      COALESCE((SELECT max(r.number) FROM "PlanRevision" r WHERE r."planId" = p.id), 0) AS "latestRevision"
    FROM "Plan" p WHERE p.id = ${planId} AND p."deletedAt" IS NULL`;
  return row ?? null;
});

/**
 * The plan with this id when the actor may see it, as findVisiblePlan gives it, with its own
 * columns only (PlanRow). Outside a transaction, for the plan page's loaders: the access decision
 * and the row are each read once per request, where each loader's findVisiblePlan compiled its own
 * query (issue 12). NotFoundError otherwise.
 */
export async function findVisiblePlanRow(actor: Actor, planId: string) {
  const [related, row] = await Promise.all([visiblePlanRelations(actor, planId), planRowInRequest(planId)]);
  if (!row) throw new NotFoundError("That plan");
  return { ...row, studentId: related.studentId, school: related.school, relations: related.relations };
}

/** The plan with this id when the actor may see it, with their relationships to it; NotFoundError otherwise. */
export async function findVisiblePlan<S extends Prisma.PlanSelect>(tx: Tx, actor: Actor, planId: string, select: S) {
  type Found = Prisma.PlanGetPayload<{ select: S }> & Related & { relations: ReturnType<typeof relationsOf> };
  if (tx === db) {
    // A read outside a transaction: the rule is applied once for the request, then the plan is
    // read by its id (not deleted since: a deleted plan is gone for everyone).
    const related = await visiblePlanRelations(actor, planId);
    const plan = await tx.plan.findFirst({
      where: { id: planId, deletedAt: null },
      select: { ...select, status: true } as Prisma.PlanSelect,
    });
    if (!plan) throw new NotFoundError("That plan");
    const school = { ...related.school, ...(plan as { school?: object }).school };
    return Object.assign(plan, { studentId: related.studentId, school, relations: related.relations }) as unknown as Found;
  }
  // In a transaction (a write): one read, as of the transaction.
  const relation = relationSelect(actor);
  const plan = await tx.plan.findFirst({
    where: { AND: [plansVisibleTo(actor), { id: planId }] },
    select: {
      ...select,
      status: true,
      studentId: true,
      school: both(select.school as Nested, relation.school),
      student: both(select.student as Nested, relation.student),
    } as Prisma.PlanSelect,
  });
  if (!plan) throw new NotFoundError("That plan");
  const relations = relationsOf(actor, plan as unknown as Prisma.PlanGetPayload<{ select: typeof relation }>);
  return Object.assign(plan as unknown as Prisma.PlanGetPayload<{ select: S }> & Related, { relations });
}
