// Writes to plans. Each command takes the actor, parses its input, authorizes against
// their relationships to the plan, and acts in one transaction.
import "server-only";
import { membershipsAs, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { once } from "@/lib/idempotency/once";
import { guardianIdsOf, notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisiblePlan } from "./access";
import { studentTaughtBy } from "./for-student";
import { STATUS_LABEL } from "./labels";
import { canEditPlan, canTransition, TRANSITION_RULES } from "./policy";
import { planFields, writePlanGoals } from "./content";
import { planForStudentSchema } from "./lifecycle-schemas";
import { recordRevision } from "./revisions";
import { planFormSchema, planUpdateSchema, transitionSchema, type TransitionName } from "./schemas";

const CONFLICT_MESSAGE =
  "Someone else changed this plan while you were working on it. Your changes are still in the form: copy anything you need, then reload to see the latest version.";

/** A student starts a plan of their own, at the school they are a student of. */
export async function createPlan(actor: Actor, input: unknown): Promise<{ id: string }> {
  const plan = planFormSchema.parse(input);
  const asStudent = actor.acting.role === "STUDENT" ? actor.acting : membershipsAs(actor, "STUDENT")[0];
  if (!asStudent) throw new ForbiddenError("Only students can start their own plans.");
  return db.$transaction(async (tx) => {
    // A retry of the same form (its idempotency key) returns the plan the first attempt made.
    const made = await once(tx, actor, plan.idempotencyKey, "plan.create", async () => {
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
    return { id: made.id };
  });
}

/**
 * A teacher starts a plan for a student they teach now, at the school they teach them
 * at. The student owns it from the start: it is in their list, they edit, submit or
 * delete it like a plan of their own, and they are told it is there.
 */
export async function createPlanForStudent(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { studentId, plan } = planForStudentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const made = await once(tx, actor, plan.idempotencyKey, "plan.create-for-student", async () => {
      const { student, school } = await studentTaughtBy(tx, actor, studentId);
      const created = await tx.plan.create({
        data: {
          schoolId: school.id,
          studentId: student.id,
          createdById: actor.id,
          ...planFields(plan),
          events: { create: { actorId: actor.id, fromStatus: null, toStatus: "DRAFT", note: `Plan started by ${actor.name}` } },
        },
        select: { id: true, events: { select: { id: true } } },
      });
      await writePlanGoals(tx, { id: created.id, school }, plan.goals, { strictIds: false });
      await recordRevision(tx, created.id, "CREATED", actor.id);
      await notify(tx, [student.id], {
        type: "PLAN_STATUS_CHANGED",
        actorId: actor.id,
        planId: created.id,
        eventId: created.events[0]?.id,
      });
      await recordAudit(tx, {
        organizationId: school.id,
        actorId: actor.id,
        action: "plan.create-for-student",
        entityType: "Plan",
        entityId: created.id,
        detail: { studentId: student.id },
      });
      return { id: created.id };
    });
    return { id: made.id };
  });
}

export async function updatePlan(actor: Actor, input: unknown): Promise<{ version: number }> {
  const { planId, version, plan } = planUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await findVisiblePlan(tx, actor, planId, {
      id: true,
      version: true,
      schoolId: true,
      templateLinked: true,
    });
    if (!canEditPlan(current)) {
      throw new ForbiddenError(`This plan is ${STATUS_LABEL[current.status].toLowerCase()} and cannot be edited now.`);
    }

    // The version check and bump happen in one statement, so a concurrent edit loses cleanly.
    // Editing by hand makes the plan the editor's own: it stops following its template, so a
    // later template change can never overwrite what they wrote (docs/decisions/plan-templates.md).
    const bumped = await tx.plan.updateMany({
      where: { id: planId, version },
      data: { ...planFields(plan), version: { increment: 1 }, templateLinked: false },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT_MESSAGE);
    if (current.templateLinked) {
      await tx.planEvent.create({
        data: {
          planId,
          kind: "TEMPLATE_UNLINKED",
          actorId: actor.id,
          fromStatus: current.status,
          toStatus: current.status,
          note: "Edited by hand",
        },
      });
    }

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

/** The dates a transition sets. Sending back keeps approvedAt: it is what marks the plan as being revised. */
function stampOf(transition: TransitionName, actorId: string): Prisma.PlanUncheckedUpdateManyInput {
  const now = new Date();
  switch (transition) {
    case "submit":
      return { submittedAt: now };
    case "approve":
      return { approvedAt: now, approvedById: actorId };
    case "complete":
      return { completedAt: now };
    case "reopen":
      return { completedAt: null };
    case "archive":
      return { archivedAt: now };
    default:
      return {};
  }
}

/**
 * Who hears about a transition: the teachers when the student submits or takes a
 * submission back; the student otherwise; and the family when what they rely on changes
 * (approved, completed, sent back to be revised, reopened).
 */
async function audienceOf(tx: Tx, transition: TransitionName, studentId: string): Promise<string[]> {
  if (transition === "submit" || transition === "withdraw") return teacherIdsOf(tx, studentId);
  const family = ["approve", "complete", "sendBack", "reopen"].includes(transition) ? await guardianIdsOf(tx, studentId) : [];
  return [studentId, ...family];
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
      if (transition === "withdraw" && plan.status === "IN_REVIEW" && plan.relations.includes("STUDENT")) {
        throw new ForbiddenError(
          "Your teacher has started reviewing this plan, so it can no longer be withdrawn. Ask them in a comment instead.",
        );
      }
      throw new ForbiddenError(`“${rule.label}” is not possible on a plan that is ${STATUS_LABEL[plan.status].toLowerCase()}.`);
    }
    if (transition === "submit" && plan._count.goals === 0) throw new InputError("Add at least one goal before submitting.");

    const bumped = await tx.plan.updateMany({
      where: { id: planId, version, status: plan.status },
      data: { status: rule.to, version: { increment: 1 }, ...stampOf(transition, actor.id) },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT_MESSAGE);
    const event = await tx.planEvent.create({
      data: { planId, actorId: actor.id, fromStatus: plan.status, toStatus: rule.to, note },
      select: { id: true },
    });
    // What was submitted and what was approved are states people rely on: keep them.
    if (rule.to === "SUBMITTED") await recordRevision(tx, planId, "SUBMITTED", actor.id);
    if (transition === "approve") await recordRevision(tx, planId, "APPROVED", actor.id);
    // A proposed change is to an active plan; once the plan leaves that state it can no
    // longer be approved, so it is closed rather than left pending forever.
    if (plan.status === "ACTIVE") {
      await tx.planChange.updateMany({
        where: { planId, status: "PENDING" },
        data: {
          status: "WITHDRAWN",
          decidedById: actor.id,
          decidedAt: new Date(),
          decisionNote: `Closed because the plan is now ${STATUS_LABEL[rule.to].toLowerCase()}.`,
        },
      });
    }

    const about = { actorId: actor.id, planId, eventId: event.id };
    const audience = (await audienceOf(tx, transition, plan.studentId)).filter((id) => id !== actor.id);
    await notify(tx, audience, { type: transition === "submit" ? "PLAN_SUBMITTED" : "PLAN_STATUS_CHANGED", ...about });
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
