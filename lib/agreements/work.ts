// Work under an active agreement: assignments per subject due within the board's maximum, the
// student submitting them, the teacher recording them completed (with the time value of the
// work as they judge it) or missed, and the evaluation that missed work makes due.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { fromIsoDay, isoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { emailSoon } from "@/lib/notifications/email";
import { guardianIdsOf, notify } from "@/lib/notifications/notify";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { findVisibleAgreement, lockAgreement, type VisibleAgreement } from "./access";
import { loadContext } from "./context";
import { gradeKey } from "./elements";
import { agreementRevisionSchema } from "./revision";
import { assignmentFormSchema, evaluationFormSchema } from "./work-schemas";
import { isSchoolDay, latestReturnDate, schoolDaysBetween } from "./school-days";

const id = z.string().trim().min(1).max(64);

export const addAssignmentSchema = assignmentFormSchema.extend({ planId: id });
export const submitAssignmentSchema = z.object({ planId: id, assignmentId: id, evidenceId: z.union([z.literal(""), id]) });
export const recordAssignmentSchema = z
  .object({
    planId: id,
    assignmentId: id,
    outcome: z.enum(["COMPLETED", "MISSED"], { error: "Choose completed or missed." }),
    timeValueMinutes: z.number({ error: "Enter minutes as a number." }).int("Enter whole minutes.").min(0).max(6000).nullable(),
  })
  .refine((r) => r.outcome === "MISSED" || r.timeValueMinutes !== null, {
    path: ["timeValueMinutes"],
    message: "Enter the time value of the work, in minutes.",
  });
export const recordEvaluationSchema = z.object({ planId: id, evaluation: evaluationFormSchema });

const today = () => isoDay(new Date());

async function activeAgreement(tx: Tx, actor: Actor, planId: string) {
  await lockAgreement(tx, planId);
  const a = await findVisibleAgreement(tx, actor, planId);
  if (a.status !== "ACTIVE" || !a.latest) throw new ConflictError("Work is recorded only under an active agreement, signed by everyone.");
  return { ...a, signed: agreementRevisionSchema.parse(a.latest.content) };
}

/** A teacher assigns work under a subject of the agreement, due within the board's maximum for the student's grade. */
export async function addAssignment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const r = addAssignmentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await activeAgreement(tx, actor, r.planId);
    if (!teaches(a, "agreement:record-work")) throw new ForbiddenError("The student's teachers assign work.");
    if (!a.signed.elements.subjects.some((s) => s.subject === r.subject)) {
      throw new InputError("Choose a subject of the agreement.", {
        subject: [`${SUBJECT_LABEL[r.subject]} is not part of this agreement.`],
      });
    }
    if (r.dueOn < r.assignedOn)
      throw new InputError("The due date is before the day it is assigned.", {
        dueOn: ["The due date must be on or after the day it is assigned."],
      });
    const { startsOn, endsOn } = a.signed.elements;
    if (r.assignedOn < startsOn || r.dueOn > endsOn) {
      throw new InputError("Assign work within the agreement's dates.", {
        dueOn: [`Keep the work within the agreement, ${startsOn} to ${endsOn}.`],
      });
    }
    const { calendar } = await loadContext(tx, a, today());
    const max = a.signed.policy.maxDaysToDue[gradeKey(a.signed.header.student.gradeLevel)];
    if (calendar && max !== undefined && schoolDaysBetween(r.assignedOn, r.dueOn, calendar) - 1 > max) {
      const message = `The board allows at most ${max} school days from assigning work to its due date for grade ${gradeKey(a.signed.header.student.gradeLevel)}.`;
      throw new InputError(message, { dueOn: [message] });
    }
    const created = await tx.studyAssignment.create({
      data: {
        agreementId: a.id,
        subject: r.subject,
        title: r.title,
        description: r.description,
        assignedOn: fromIsoDay(r.assignedOn),
        dueOn: fromIsoDay(r.dueOn),
      },
      select: { id: true },
    });
    await audit(tx, actor, a, "assignment.create", created.id);
    return created;
  });
}

/** The student marks work submitted, with evidence from their plan when they have it. */
export async function submitAssignment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const r = submitAssignmentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await activeAgreement(tx, actor, r.planId);
    if (!allows(a.relations.plan, "agreement:submit-work") || a.plan.studentId !== actor.id)
      throw new ForbiddenError("The student submits their work.");
    const assignment = await tx.studyAssignment.findFirst({
      where: { id: r.assignmentId, agreementId: a.id },
      select: { id: true, status: true },
    });
    if (!assignment) throw new NotFoundError("That assignment");
    if (assignment.status !== "ASSIGNED") throw new ConflictError("This assignment has been submitted or recorded already.");
    if (
      r.evidenceId &&
      !(await tx.evidence.findFirst({ where: { id: r.evidenceId, planId: a.planId, studentId: actor.id }, select: { id: true } }))
    ) {
      throw new InputError("Choose evidence from this plan.", { evidenceId: ["Choose evidence from this plan."] });
    }
    await tx.studyAssignment.update({
      where: { id: assignment.id },
      data: { status: "SUBMITTED", submittedAt: new Date(), evidenceId: r.evidenceId || null },
    });
    await audit(tx, actor, a, "assignment.submit", assignment.id);
    return { id: assignment.id };
  });
}

/**
 * The teacher records work completed (with its time value) or missed. When missed work since the
 * last evaluation reaches the board's limit, an evaluation is due: the teacher's queue shows it
 * and the guardians are told the same day.
 */
export async function recordAssignment(actor: Actor, input: unknown): Promise<{ evaluationDue: boolean }> {
  const r = recordAssignmentSchema.parse(input);
  const recorded = await db.$transaction(async (tx) => {
    const a = await activeAgreement(tx, actor, r.planId);
    if (!teaches(a, "agreement:record-work")) throw new ForbiddenError("The student's teachers record work.");
    const assignment = await tx.studyAssignment.findFirst({
      where: { id: r.assignmentId, agreementId: a.id },
      select: { id: true, status: true },
    });
    if (!assignment) throw new NotFoundError("That assignment");
    // Recording the same outcome again changes nothing (and counts no missed work twice).
    if (assignment.status === r.outcome && r.outcome === "MISSED") return { evaluationDue: a.evaluationDueAt !== null };
    const now = new Date();
    await tx.studyAssignment.update({
      where: { id: assignment.id },
      data: {
        status: r.outcome,
        timeValueMinutes: r.outcome === "COMPLETED" ? r.timeValueMinutes : null,
        recordedById: actor.id,
        recordedAt: now,
      },
    });
    await audit(tx, actor, a, `assignment.${r.outcome.toLowerCase()}`, assignment.id);
    if (r.outcome !== "MISSED" || a.evaluationDueAt) return { evaluationDue: a.evaluationDueAt !== null };
    const last = await tx.studyEvaluation.findFirst({
      where: { agreementId: a.id },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const missed = await tx.studyAssignment.count({
      where: { agreementId: a.id, status: "MISSED", ...(last ? { recordedAt: { gt: last.createdAt } } : {}) },
    });
    if (missed < a.signed.policy.missedAssignmentsLimit) return { evaluationDue: false };
    await tx.studyAgreement.update({ where: { id: a.id }, data: { evaluationDueAt: now } });
    await notify(tx, [...(await guardianIdsOf(tx, a.plan.studentId)), a.plan.studentId], {
      type: "EVALUATION_DUE",
      actorId: actor.id,
      planId: a.planId,
      agreementId: a.id,
    });
    return { evaluationDue: true, raised: true };
  });
  // The family hears of a due evaluation by email the same day, not only when they next sign in.
  if ("raised" in recorded) emailSoon();
  return { evaluationDue: recorded.evaluationDue };
}

/** The teacher's dated evaluation: continue with changes, or return to the classroom within five school days. */
export async function recordEvaluation(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, evaluation: r } = recordEvaluationSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await activeAgreement(tx, actor, planId);
    if (!teaches(a, "agreement:evaluate")) throw new ForbiddenError("The student's teachers evaluate independent study.");
    const on = today();
    if (r.outcome === "RETURN_TO_CLASSROOM") {
      const { calendar } = await loadContext(tx, a, on);
      const latest = calendar ? latestReturnDate(on, calendar) : null;
      if (!calendar || !isSchoolDay(r.returnOn, calendar) || r.returnOn < on || (latest !== null && r.returnOn > latest)) {
        const message = `Choose a school day from today to ${latest ?? "the end of the school year"}: no later than five school days ahead.`;
        throw new InputError(message, { returnOn: [message] });
      }
    }
    const last = await tx.studyEvaluation.findFirst({
      where: { agreementId: a.id },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const missedCount = await tx.studyAssignment.count({
      where: { agreementId: a.id, status: "MISSED", ...(last ? { recordedAt: { gt: last.createdAt } } : {}) },
    });
    const created = await tx.studyEvaluation.create({
      data: {
        agreementId: a.id,
        evaluatedOn: fromIsoDay(on),
        outcome: r.outcome,
        notes: r.notes,
        returnOn: r.returnOn ? fromIsoDay(r.returnOn) : null,
        missedCount,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await tx.studyAgreement.update({
      where: { id: a.id },
      data: { evaluationDueAt: null, ...(r.outcome === "RETURN_TO_CLASSROOM" ? { status: "ENDED" } : {}) },
    });
    await notify(tx, [...(await guardianIdsOf(tx, a.plan.studentId)), a.plan.studentId], {
      type: "EVALUATION_RECORDED",
      actorId: actor.id,
      planId,
      agreementId: a.id,
    });
    await audit(tx, actor, a, "evaluation.create", created.id);
    return created;
  });
}

/** Minutes of completed work per subject beside the credits (or measure) the agreement promises. */
export async function workTotals(
  tx: Tx,
  agreementId: string,
  subjects: readonly { subject: string; credits: number | null; measure: string }[],
) {
  const rows = await tx.studyAssignment.groupBy({
    by: ["subject", "status"],
    where: { agreementId },
    _count: { _all: true },
    _sum: { timeValueMinutes: true },
  });
  return subjects.map((s) => {
    const of = (status: string) => rows.find((r) => r.subject === s.subject && r.status === status);
    return {
      subject: s.subject,
      credits: s.credits,
      measure: s.measure,
      minutes: of("COMPLETED")?._sum.timeValueMinutes ?? 0,
      completed: of("COMPLETED")?._count._all ?? 0,
      missed: of("MISSED")?._count._all ?? 0,
      open: (of("ASSIGNED")?._count._all ?? 0) + (of("SUBMITTED")?._count._all ?? 0),
    };
  });
}

/** The student's teachers, and the supervising teacher named on the agreement even when they teach no class of the student. */
function teaches(a: VisibleAgreement, action: "agreement:record-work" | "agreement:evaluate") {
  return allows(a.relations.plan, action) || a.relations.supervising;
}

function audit(tx: Tx, actor: Actor, a: VisibleAgreement, action: string, entityId: string) {
  return recordAudit(tx, {
    organizationId: a.plan.schoolId,
    actorId: actor.id,
    action,
    entityType: "StudyAgreement",
    entityId: `${a.id}:${entityId}`,
  });
}
