// Plans made from templates, in bulk: a class of forty gets its drafts in a bounded number
// of statements, and running the same sync twice at once creates nothing twice (the
// unique (applicationId, studentId) and ON CONFLICT DO NOTHING decide, not a read first).
// See docs/decisions/plan-templates.md.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { current } from "@/lib/people/access";
import { checkStandards, goalData } from "@/lib/plans/content";
import { storedActivity } from "@/lib/plans/schemas";
import { recordRevisions } from "@/lib/plans/revisions";
import { readGoals, type StoredGoal } from "./schemas";

type School = { id: string; parentId: string | null; districtId: string };
type Template = {
  id: string;
  name: string;
  type: "PERSONALIZED" | "INDEPENDENT_STUDY";
  description: string;
  version: number;
  goals: unknown;
};

/** Statuses in which a linked plan still follows its template: nobody has relied on it yet. */
export const FOLLOWING_STATUSES = ["DRAFT", "CHANGES_REQUESTED"] as const;

/** The goals, standards and activities of freshly created plans, in four statements for all of them. */
async function insertGoals(tx: Tx, planIds: readonly string[], goals: readonly StoredGoal[]) {
  const created = await tx.goal.createManyAndReturn({
    data: planIds.flatMap((planId) => goals.map((g, position) => ({ planId, ...goalData(g, position) }))),
    select: { id: true, position: true },
  });
  const byPosition = (position: number) => created.filter((c) => c.position === position).map((c) => c.id);
  await tx.goalStandard.createMany({
    data: goals.flatMap((g, position) =>
      byPosition(position).flatMap((goalId) => g.standardIds.map((standardId) => ({ goalId, standardId }))),
    ),
  });
  await tx.activity.createMany({
    data: goals.flatMap((g, position) =>
      byPosition(position).flatMap((goalId) => g.activities.map((a, i) => ({ goalId, position: i, ...storedActivity(a) }))),
    ),
  });
}

/**
 * Creates linked draft plans from a template for these students, each created by `actorId`:
 * the plans (skipping any that exist already for this application), their goals, the
 * "started from template" event, the first revision and the audit entries. Returns the
 * ids of the plans this call created.
 */
export async function createLinkedPlans(
  tx: Tx,
  args: {
    template: Template;
    school: School;
    studentIds: readonly string[];
    actorId: string;
    startsOn: Date;
    endsOn: Date;
    applicationId: string | null;
  },
): Promise<string[]> {
  const { template, school, actorId } = args;
  if (args.studentIds.length === 0) return [];
  const goals = readGoals(template.goals);
  // A template's standards were checked when it was saved, but a school template moved or
  // a standard deleted since: check again against the plan's school.
  await checkStandards(tx, school, goals);
  const plans = await tx.plan.createManyAndReturn({
    data: args.studentIds.map((studentId) => ({
      schoolId: school.id,
      studentId,
      createdById: actorId,
      type: template.type,
      title: template.name,
      summary: template.description,
      startsOn: args.startsOn,
      endsOn: args.endsOn,
      guardianAckRequired: template.type === "INDEPENDENT_STUDY",
      templateId: template.id,
      templateLinked: true,
      templateVersion: template.version,
      applicationId: args.applicationId,
    })),
    // Another sync of the same application got there first: its plan stands, ours is not made.
    skipDuplicates: true,
    select: { id: true },
  });
  const ids = plans.map((p) => p.id);
  if (ids.length === 0) return [];
  await insertGoals(tx, ids, goals);
  await tx.planEvent.createMany({
    data: ids.map((planId) => ({
      planId,
      actorId,
      fromStatus: null,
      toStatus: "DRAFT" as const,
      note: `Plan started from template “${template.name}”`,
    })),
  });
  await recordRevisions(tx, ids, "CREATED", actorId);
  await tx.auditEvent.createMany({
    data: ids.map((planId) => ({
      organizationId: school.id,
      actorId,
      action: "plan.create_from_template",
      entityType: "Plan",
      entityId: planId,
      detail: { templateId: template.id, templateVersion: template.version, applicationId: args.applicationId },
    })),
  });
  return ids;
}

/**
 * Gives every student enrolled in the application's class now a plan, when they have none
 * from this application yet. Idempotent: run twice, or twice at once, it creates each plan once.
 */
export async function syncApplication(tx: Tx, applicationId: string, actorId: string): Promise<{ created: number }> {
  const app = await tx.templateApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      startsOn: true,
      endsOn: true,
      template: { select: { id: true, name: true, type: true, description: true, version: true, goals: true } },
      class: { select: { id: true, school: { select: { id: true, parentId: true, districtId: true } } } },
    },
  });
  const enrolled = await tx.enrollment.findMany({
    where: {
      classId: app.class.id,
      role: "STUDENT",
      ...current(),
      // Students still at the class's school who have no plan from this application.
      user: {
        disabledAt: null,
        memberships: { some: { organizationId: app.class.school.id, role: "STUDENT", endedAt: null } },
        plans: { none: { applicationId } },
      },
    },
    select: { userId: true },
  });
  const ids = await createLinkedPlans(tx, {
    template: app.template,
    school: app.class.school,
    studentIds: enrolled.map((e) => e.userId),
    actorId,
    startsOn: app.startsOn,
    endsOn: app.endsOn,
    applicationId,
  });
  await tx.templateApplication.update({ where: { id: applicationId }, data: { lastSyncedAt: new Date() } });
  return { created: ids.length };
}

/**
 * After a template changed: its linked plans that nobody has relied on yet (a draft, or
 * changes requested, with no evidence) take its new goals as a new revision; the others
 * stay linked but unchanged. Each followed plan's goals are matched to the template's by
 * position, so comments on a goal stay with it.
 */
export async function followTemplate(tx: Tx, template: Template, actorId: string): Promise<{ updated: number; leftAsTheyAre: number }> {
  const linked = { templateId: template.id, templateLinked: true, deletedAt: null } satisfies Prisma.PlanWhereInput;
  // The version bump is the row lock: an editor holding the old version gets a conflict.
  const following = await tx.plan.updateManyAndReturn({
    // Never a plan that was approved once (sent back to draft, it is the student's record).
    where: { ...linked, status: { in: [...FOLLOWING_STATUSES] }, approvedAt: null, evidence: { none: {} } },
    data: { version: { increment: 1 }, templateVersion: template.version },
    select: { id: true, schoolId: true, school: { select: { id: true, parentId: true, districtId: true } } },
  });
  const leftAsTheyAre = await tx.plan.count({ where: { ...linked, id: { notIn: following.map((p) => p.id) } } });
  if (following.length === 0) return { updated: 0, leftAsTheyAre };
  const goals = readGoals(template.goals);
  const planIds = following.map((p) => p.id);
  // Standards are checked once per school the plans are in (a district template reaches several).
  const schools = new Map(following.map((p) => [p.school.id, p.school]));
  for (const school of schools.values()) await checkStandards(tx, school, goals);
  // Goals are matched by position, in a fixed number of statements however many plans follow:
  // the kept positions are updated, extra ones removed (these plans have no evidence), missing
  // ones created; then every standard link and activity is written again.
  for (const [position, g] of goals.entries()) {
    await tx.goal.updateMany({ where: { planId: { in: planIds }, position }, data: goalData(g, position) });
  }
  await tx.goal.deleteMany({ where: { planId: { in: planIds }, position: { gte: goals.length } } });
  const counts = await tx.goal.groupBy({ by: ["planId"], where: { planId: { in: planIds } }, _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.planId, c._count._all]));
  await tx.goal.createMany({
    data: planIds.flatMap((planId) =>
      goals.slice(countOf.get(planId) ?? 0).map((g, i) => {
        const position = (countOf.get(planId) ?? 0) + i;
        return { planId, ...goalData(g, position) };
      }),
    ),
  });
  const written = await tx.goal.findMany({ where: { planId: { in: planIds } }, select: { id: true, position: true } });
  await tx.goalStandard.deleteMany({ where: { goal: { planId: { in: planIds } } } });
  await tx.activity.deleteMany({ where: { goal: { planId: { in: planIds } } } });
  const goalAt = (position: number) => goals[position];
  await tx.goalStandard.createMany({
    data: written.flatMap((w) => [...new Set(goalAt(w.position)?.standardIds ?? [])].map((standardId) => ({ goalId: w.id, standardId }))),
  });
  await tx.activity.createMany({
    data: written.flatMap((w) =>
      (goalAt(w.position)?.activities ?? []).map((a, i) => ({ goalId: w.id, position: i, ...storedActivity(a) })),
    ),
  });
  await recordRevisions(tx, planIds, "TEMPLATE_UPDATED", actorId);
  await tx.auditEvent.createMany({
    data: following.map((plan) => ({
      organizationId: plan.schoolId,
      actorId,
      action: "plan.follow_template",
      entityType: "Plan",
      entityId: plan.id,
      detail: { templateId: template.id, templateVersion: template.version },
    })),
  });
  return { updated: following.length, leftAsTheyAre };
}
