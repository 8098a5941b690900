// What an actor may do to a plan they can already see (visibility is plansVisibleTo's
// job). Decided from their relationships to the plan, never from the role they act in:
// a teacher who is also a parent is a reader of their own child's plan.
import { allows, can, type Action } from "@/lib/auth/permissions";
import type { PlanStatus, Role } from "@/lib/generated/prisma/enums.ts";
import type { TransitionName } from "./schemas";

type TransitionRule = { from: readonly PlanStatus[]; to: PlanStatus; permission: Action; label: string };

export const TRANSITION_RULES: Record<TransitionName, TransitionRule> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED", permission: "plan:submit", label: "Submit for review" },
  // Only until a teacher starts the review: after that the teacher decides.
  withdraw: { from: ["SUBMITTED"], to: "DRAFT", permission: "plan:withdraw", label: "Withdraw submission" },
  startReview: { from: ["SUBMITTED"], to: "IN_REVIEW", permission: "plan:review", label: "Start review" },
  requestChanges: {
    from: ["SUBMITTED", "IN_REVIEW"],
    to: "CHANGES_REQUESTED",
    permission: "plan:review",
    label: "Request changes",
  },
  approve: { from: ["SUBMITTED", "IN_REVIEW"], to: "ACTIVE", permission: "plan:review", label: "Approve plan" },
  // Evidence, ratings and comments stay; the plan shows "being revised" until approved again.
  sendBack: { from: ["ACTIVE"], to: "DRAFT", permission: "plan:send-back", label: "Send back to draft" },
  complete: { from: ["ACTIVE"], to: "COMPLETED", permission: "plan:complete", label: "Mark completed" },
  reopen: { from: ["COMPLETED"], to: "ACTIVE", permission: "plan:reopen", label: "Reopen plan" },
  archive: { from: ["COMPLETED"], to: "ARCHIVED", permission: "plan:archive", label: "Archive" },
};

/** Statuses in which each relationship may change a plan's content. */
const EDITABLE_IN: Partial<Record<Role, readonly PlanStatus[]>> = {
  STUDENT: ["DRAFT", "CHANGES_REQUESTED"],
  TEACHER: ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"],
};

/** A plan as the policy sees it: its status and the actor's relationships to it. */
export type PlanState = { status: PlanStatus; relations: readonly Role[] };
/** …and whether it was ever approved (approvedAt stays set when a plan is sent back). */
export type PlanRecord = PlanState & { approvedAt: Date | null };

export function canEditPlan(plan: PlanState) {
  return plan.relations.some((r) => can(r, "plan:edit") && (EDITABLE_IN[r] ?? []).includes(plan.status));
}

export function canTransition(plan: PlanState, name: TransitionName) {
  const rule = TRANSITION_RULES[name];
  return allows(plan.relations, rule.permission) && rule.from.includes(plan.status);
}

export function availableTransitions(plan: PlanState): TransitionName[] {
  return (Object.keys(TRANSITION_RULES) as TransitionName[]).filter((name) => canTransition(plan, name));
}

export function canAddEvidence(plan: PlanState) {
  return allows(plan.relations, "evidence:add") && plan.status === "ACTIVE";
}

export function canRateEvidence(plan: PlanState) {
  return allows(plan.relations, "evidence:rate") && plan.status === "ACTIVE";
}

export function canComment(plan: PlanState) {
  return allows(plan.relations, "comment:add") && plan.status !== "ARCHIVED";
}

/**
 * Only its student deletes a plan, and only a draft that was never approved: an approved
 * plan is part of the student's record and is archived, never deleted
 * (docs/decisions/plan-lifecycle.md).
 */
export function canDeletePlan(plan: PlanRecord) {
  const owner = plan.relations.some((r) => r === "STUDENT" && can(r, "plan:delete"));
  return owner && plan.status === "DRAFT" && plan.approvedAt === null;
}

/** Everything the plan page offers, computed once and shared by server and UI. */
export function allowedOnPlan(plan: PlanRecord) {
  return {
    edit: canEditPlan(plan),
    delete: canDeletePlan(plan),
    transitions: availableTransitions(plan),
    addEvidence: canAddEvidence(plan),
    rateEvidence: canRateEvidence(plan),
    comment: canComment(plan),
  };
}

/** Whether the actor's relationships to a student let them start a plan for them (a teacher of theirs). */
export function canStartPlanFor(relationsToStudent: readonly Role[]) {
  return allows(relationsToStudent, "plan:create-for-student");
}
