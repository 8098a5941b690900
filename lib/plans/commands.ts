// Writes to plans. Each command takes the actor, parses its input, authorizes against
// their relationships to the plan, and acts in one transaction.
import "server-only";
import { membershipsAs, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { fromIsoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { guardianIdsOf, notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisiblePlan } from "./access";
import { STATUS_LABEL } from "./labels";
import { canComment, canEditPlan, canTransition, TRANSITION_RULES } from "./policy";
import { recordRevision } from "./revisions";
import { commentSchema, planFormSchema, planUpdateSchema, transitionSchema, type GoalInput } from "./schemas";

const CONFLICT_MESSAGE =
  "Someone else changed this plan while you were working on it. Your changes are still in the form: copy anything you need, then reload to see the latest version.";

function goalData(g: GoalInput, position: number) {
  return {
    position,
    subject: g.subject,
    title: g.title,
    successCriteria: g.successCriteria,
    masteryDemonstration: g.masteryDemonstration,
    targetDate: g.targetDate ? fromIsoDay(g.targetDate) : null,
  };
}

type School = { id: string; parentId: string | null; districtId: string };

/**
 * Standards must belong to the plan's school or an organization above it (the district
 * shares its frameworks); a tampered id is refused, not ignored.
 */
async function checkStandards(tx: Tx, school: School, goals: readonly GoalInput[]) {
  const ids = [...new Set(goals.flatMap((g) => g.standardIds))];
  if (ids.length === 0) return;
  const owners = [school.id, school.parentId, school.districtId].filter((o): o is string => o !== null);
  const found = await tx.standard.count({ where: { id: { in: ids }, organizationId: { in: owners } } });
  if (found !== ids.length) throw new InputError("One of the linked standards does not exist. Reload the page and try again.");
}

/**
 * Writes the plan's goals in their new order: updates the kept ones, creates the new
 * ones, and replaces every standard link in one statement each.
 */
async function writeGoals(tx: Tx, planId: string, goals: readonly GoalInput[]) {
  const indexed = goals.map((g, position) => ({ g, position }));
  const kept = indexed.filter(({ g }) => g.id);
  const fresh = indexed.filter(({ g }) => !g.id);
  // One update per kept goal: each row gets different values (a plan has at most 30 goals).
  await Promise.all(kept.map(({ g, position }) => tx.goal.update({ where: { id: g.id, planId }, data: goalData(g, position) })));
  const created = await tx.goal.createManyAndReturn({
    data: fresh.map(({ g, position }) => ({ ...goalData(g, position), planId })),
    select: { id: true, position: true },
  });
  const idAt = new Map<number, string>([
    ...kept.map(({ g, position }) => [position, g.id as string] as const),
    ...created.map((c) => [c.position, c.id] as const),
  ]);
  const goalAt = (position: number) => {
    const id = idAt.get(position);
    if (!id) throw new Error(`No goal was written at position ${position}`);
    return id;
  };
  await tx.goalStandard.deleteMany({ where: { goal: { planId } } });
  await tx.goalStandard.createMany({
    data: indexed.flatMap(({ g, position }) => [...new Set(g.standardIds)].map((standardId) => ({ goalId: goalAt(position), standardId }))),
  });
}

/** A student starts a plan of their own, at the school they are a student of. */
export async function createPlan(actor: Actor, input: unknown): Promise<{ id: string }> {
  const plan = planFormSchema.parse(input);
  const asStudent = actor.acting.role === "STUDENT" ? actor.acting : membershipsAs(actor, "STUDENT")[0];
  if (!asStudent) throw new ForbiddenError("Only students can start their own plans.");
  return db.$transaction(async (tx) => {
    const school = await tx.organization.findUniqueOrThrow({
      where: { id: asStudent.organizationId },
      select: { id: true, parentId: true, districtId: true },
    });
    await checkStandards(tx, school, plan.goals);
    const created = await tx.plan.create({
      data: {
        schoolId: school.id,
        studentId: actor.id,
        createdById: actor.id,
        type: plan.type,
        title: plan.title,
        summary: plan.summary,
        startsOn: fromIsoDay(plan.startsOn),
        endsOn: fromIsoDay(plan.endsOn),
        guardianAckRequired: plan.type === "INDEPENDENT_STUDY",
        events: { create: { actorId: actor.id, fromStatus: null, toStatus: "DRAFT", note: "Plan started" } },
      },
      select: { id: true },
    });
    await writeGoals(tx, created.id, plan.goals);
    await recordRevision(tx, created.id, "CREATED", actor.id);
    await recordAudit(tx, {
      organizationId: school.id,
      actorId: actor.id,
      action: "plan.create",
      entityType: "Plan",
      entityId: created.id,
    });
    return created;
  });
}

export async function updatePlan(actor: Actor, input: unknown): Promise<{ version: number }> {
  const { planId, version, plan } = planUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await findVisiblePlan(tx, actor, planId, {
      id: true,
      version: true,
      schoolId: true,
      goals: { select: { id: true, _count: { select: { evidence: true } } } },
    });
    if (!canEditPlan(current)) {
      throw new ForbiddenError(`This plan is ${STATUS_LABEL[current.status].toLowerCase()} and cannot be edited now.`);
    }
    const existing = new Map(current.goals.map((g) => [g.id, g._count.evidence]));
    for (const g of plan.goals) {
      if (g.id && !existing.has(g.id)) {
        throw new InputError("One of the goals is not part of this plan. Reload the page and try again.");
      }
    }
    const kept = new Set(plan.goals.map((g) => g.id).filter(Boolean));
    const removed = [...existing.keys()].filter((id) => !kept.has(id));
    if (removed.some((id) => (existing.get(id) ?? 0) > 0)) {
      throw new InputError("A goal that already has evidence cannot be removed.");
    }
    await checkStandards(tx, current.school, plan.goals);

    // The version check and bump happen in one statement, so a concurrent edit loses cleanly.
    const bumped = await tx.plan.updateMany({
      where: { id: planId, version },
      data: {
        title: plan.title,
        type: plan.type,
        summary: plan.summary,
        startsOn: fromIsoDay(plan.startsOn),
        endsOn: fromIsoDay(plan.endsOn),
        guardianAckRequired: plan.type === "INDEPENDENT_STUDY",
        version: { increment: 1 },
      },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT_MESSAGE);

    if (removed.length) await tx.goal.deleteMany({ where: { id: { in: removed }, planId } });
    await writeGoals(tx, planId, plan.goals);
    await recordRevision(tx, planId, "EDITED", actor.id);
    await recordAudit(tx, {
      organizationId: current.schoolId,
      actorId: actor.id,
      action: "plan.update",
      entityType: "Plan",
      entityId: planId,
    });
    return { version: version + 1 };
  });
}

export async function transitionPlan(actor: Actor, input: unknown): Promise<{ status: string; version: number }> {
  const { planId, version, transition, note } = transitionSchema.parse(input);
  const rule = TRANSITION_RULES[transition];
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, {
      id: true,
      schoolId: true,
      _count: { select: { goals: true } },
    });
    if (!canTransition(plan, transition)) {
      throw new ForbiddenError(`You cannot ${rule.label.toLowerCase()} a plan that is ${STATUS_LABEL[plan.status].toLowerCase()}.`);
    }
    if (transition === "submit" && plan._count.goals === 0) throw new InputError("Add at least one goal before submitting.");

    const now = new Date();
    const stamp: Prisma.PlanUncheckedUpdateManyInput =
      rule.to === "SUBMITTED"
        ? { submittedAt: now }
        : rule.to === "ACTIVE"
          ? { approvedAt: now, approvedById: actor.id }
          : rule.to === "COMPLETED"
            ? { completedAt: now }
            : rule.to === "ARCHIVED"
              ? { archivedAt: now }
              : {};
    const bumped = await tx.plan.updateMany({
      where: { id: planId, version, status: plan.status },
      data: { status: rule.to, version: { increment: 1 }, ...stamp },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT_MESSAGE);
    const event = await tx.planEvent.create({
      data: { planId, actorId: actor.id, fromStatus: plan.status, toStatus: rule.to, note },
      select: { id: true },
    });
    // What was submitted and what was approved are states people rely on: keep them.
    if (rule.to === "SUBMITTED") await recordRevision(tx, planId, "SUBMITTED", actor.id);
    if (rule.to === "ACTIVE") await recordRevision(tx, planId, "APPROVED", actor.id);

    const about = { actorId: actor.id, planId, eventId: event.id };
    if (rule.to === "SUBMITTED") {
      await notify(tx, await teacherIdsOf(tx, plan.studentId), { type: "PLAN_SUBMITTED", ...about });
    } else {
      const family = rule.to === "ACTIVE" || rule.to === "COMPLETED" ? await guardianIdsOf(tx, plan.studentId) : [];
      const audience = [plan.studentId, ...family].filter((id) => id !== actor.id);
      await notify(tx, audience, { type: "PLAN_STATUS_CHANGED", ...about });
    }
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: `plan.${transition}`,
      entityType: "Plan",
      entityId: planId,
      detail: { from: plan.status, to: rule.to },
    });
    return { status: rule.to, version: version + 1 };
  });
}

export async function addComment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, body } = commentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, schoolId: true });
    if (!canComment(plan)) throw new ForbiddenError("You cannot comment on this plan.");
    const comment = await tx.comment.create({ data: { planId, authorId: actor.id, body }, select: { id: true } });
    const audience = actor.id === plan.studentId ? await teacherIdsOf(tx, plan.studentId) : [plan.studentId];
    await notify(tx, audience, { type: "COMMENT_ADDED", actorId: actor.id, planId, commentId: comment.id });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "comment.create",
      entityType: "Plan",
      entityId: planId,
    });
    return comment;
  });
}
