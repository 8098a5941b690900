// The work under an agreement, for its page: assignments per subject, totals against the credits
// promised, the evaluation due and the evaluations recorded, and what the actor may do. Always
// through findVisibleAgreement, so a foreign plan id is simply not found; every list is bounded
// by the one agreement.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import type { AssignmentStatus, EvaluationOutcome, Subject } from "@/lib/generated/prisma/enums.ts";
import { findVisibleAgreement } from "./access";
import { gradeKey } from "./elements";
import { agreementRevisionSchema } from "./revision";
import { workTotals } from "./work";

/** At most this many assignments, evaluations and pieces of evidence to choose from on the page. */
export const ASSIGNMENT_LIMIT = 500;
export const EVALUATION_LIMIT = 50;
export const EVIDENCE_LIMIT = 100;

export type WorkAssignment = {
  id: string;
  title: string;
  description: string;
  assignedOn: string;
  dueOn: string;
  status: AssignmentStatus;
  submittedAt: Date | null;
  evidenceTitle: string | null;
  timeValueMinutes: number | null;
};

export async function agreementWork(actor: Actor, planId: string) {
  return db.$transaction(async (tx) => {
    const a = await findVisibleAgreement(tx, actor, planId);
    const signed = a.latest ? agreementRevisionSchema.parse(a.latest.content) : null;
    const subjects = signed?.elements.subjects ?? [];
    const [assignments, evaluations, totals, evidence] = await Promise.all([
      tx.studyAssignment.findMany({
        where: { agreementId: a.id },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        take: ASSIGNMENT_LIMIT,
        select: {
          id: true,
          subject: true,
          title: true,
          description: true,
          assignedOn: true,
          dueOn: true,
          status: true,
          submittedAt: true,
          timeValueMinutes: true,
          evidence: { select: { title: true } },
        },
      }),
      tx.studyEvaluation.findMany({
        where: { agreementId: a.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: EVALUATION_LIMIT,
        select: {
          id: true,
          evaluatedOn: true,
          outcome: true,
          notes: true,
          returnOn: true,
          missedCount: true,
          createdAt: true,
          recordedBy: { select: { name: true } },
        },
      }),
      workTotals(tx, a.id, subjects),
      a.plan.studentId === actor.id
        ? tx.evidence.findMany({
            where: { planId: a.planId, studentId: actor.id },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: EVIDENCE_LIMIT,
            select: { id: true, title: true },
          })
        : [],
    ]);
    const last = evaluations[0];
    // Counted as recordAssignment counts it: missed work recorded since the last evaluation.
    const missedSinceEvaluation = await tx.studyAssignment.count({
      where: { agreementId: a.id, status: "MISSED", ...(last ? { recordedAt: { gt: last.createdAt } } : {}) },
    });
    const active = a.status === "ACTIVE" && signed !== null;
    const teaches = allows(a.relations.plan, "agreement:record-work") || a.relations.supervising;
    const evaluates = allows(a.relations.plan, "agreement:evaluate") || a.relations.supervising;
    const bySubject = new Map<Subject, WorkAssignment[]>();
    for (const x of assignments) {
      const list = bySubject.get(x.subject) ?? [];
      list.push({
        id: x.id,
        title: x.title,
        description: x.description,
        assignedOn: isoDay(x.assignedOn),
        dueOn: isoDay(x.dueOn),
        status: x.status,
        submittedAt: x.submittedAt,
        evidenceTitle: x.evidence?.title ?? null,
        timeValueMinutes: x.timeValueMinutes,
      });
      bySubject.set(x.subject, list);
    }
    return {
      planId: a.planId,
      status: a.status,
      startsOn: signed?.elements.startsOn ?? null,
      endsOn: signed?.elements.endsOn ?? null,
      missedLimit: signed?.policy.missedAssignmentsLimit ?? null,
      /** The board's most school days from assigning work to its due date, for the student's grade. */
      maxDaysToDue: signed ? (signed.policy.maxDaysToDue[gradeKey(signed.header.student.gradeLevel)] ?? null) : null,
      subjects: subjects.map((s) => ({ subject: s.subject, assignments: bySubject.get(s.subject) ?? [] })),
      totals,
      missedSinceEvaluation,
      evaluationDueAt: a.evaluationDueAt,
      evaluations: evaluations.map((e) => ({
        id: e.id,
        evaluatedOn: isoDay(e.evaluatedOn),
        outcome: e.outcome as EvaluationOutcome,
        notes: e.notes,
        returnOn: e.returnOn ? isoDay(e.returnOn) : null,
        missedCount: e.missedCount,
        by: e.recordedBy?.name ?? null,
      })),
      evidence,
      allowed: {
        assign: active && teaches,
        record: active && teaches,
        evaluate: active && evaluates,
        submit: active && allows(a.relations.plan, "agreement:submit-work") && a.plan.studentId === actor.id,
      },
    };
  });
}
export type AgreementWork = Awaited<ReturnType<typeof agreementWork>>;
