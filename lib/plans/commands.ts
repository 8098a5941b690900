// Writes to plans. Each command takes the actor, parses its input, authorizes against
// their relationships to the plan, and acts in one transaction.
import "server-only";
import { membershipsAs, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { guardianIdsOf, notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisiblePlan } from "./access";
import { STATUS_LABEL } from "./labels";
import { canComment, canEditPlan, canTransition, TRANSITION_RULES } from "./policy";
import { planFields, writePlanGoals } from "./content";
import { recordRevision } from "./revisions";
import { commentSchema, planFormSchema, planUpdateSchema, transitionSchema } from "./schemas";

const CONFLICT_MESSAGE =
  "Someone else changed this plan while you were working on it. Your changes are still in the form: copy anything you need, then reload to see the latest version.";

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
    const created = await tx.plan.create({
      data: {
        schoolId: school.id,
        studentId: actor.id,
        createdById: actor.id,
        ...planFields(plan),
        events: { create: { actorId: actor.id, fromStatus: null, toStatus: "DRAFT", note: "Plan started" } },
      },
      select: { id: true },
    });
    await writePlanGoals(tx, { id: created.id, school }, plan.goals, { strictIds: false });
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
    });
    if (!canEditPlan(current)) {
      throw new ForbiddenError(`This plan is ${STATUS_LABEL[current.status].toLowerCase()} and cannot be edited now.`);
    }

    // The version check and bump happen in one statement, so a concurrent edit loses cleanly.
    const bumped = await tx.plan.updateMany({
      where: { id: planId, version },
      data: { ...planFields(plan), version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT_MESSAGE);

    await writePlanGoals(tx, { id: planId, school: current.school }, plan.goals, { strictIds: true });
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
