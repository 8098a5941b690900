// What an actor may do to a plan they can already see (visibility is plansVisibleTo's job).
import type { Actor } from "@/lib/auth/actor";
import { can, type Action } from "@/lib/auth/permissions";
import type { PlanStatus, Role } from "@/lib/generated/prisma/enums.ts";
import type { TransitionName } from "./schemas";

type TransitionRule = { from: readonly PlanStatus[]; to: PlanStatus; permission: Action; label: string };

export const TRANSITION_RULES: Record<TransitionName, TransitionRule> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED", permission: "plan:submit", label: "Submit for review" },
  startReview: { from: ["SUBMITTED"], to: "IN_REVIEW", permission: "plan:review", label: "Start review" },
  requestChanges: {
    from: ["SUBMITTED", "IN_REVIEW"],
    to: "CHANGES_REQUESTED",
    permission: "plan:review",
    label: "Request changes",
  },
  approve: { from: ["SUBMITTED", "IN_REVIEW"], to: "ACTIVE", permission: "plan:review", label: "Approve plan" },
  complete: { from: ["ACTIVE"], to: "COMPLETED", permission: "plan:complete", label: "Mark completed" },
  archive: { from: ["COMPLETED"], to: "ARCHIVED", permission: "plan:archive", label: "Archive" },
};

/** Statuses in which each role may change a plan's content. */
const EDITABLE_IN: Partial<Record<Role, readonly PlanStatus[]>> = {
  STUDENT: ["DRAFT", "CHANGES_REQUESTED"],
  TEACHER: ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"],
};

type PlanState = { status: PlanStatus };

export function canEditPlan(actor: Actor, plan: PlanState) {
  return can(actor.role, "plan:edit") && (EDITABLE_IN[actor.role] ?? []).includes(plan.status);
}

export function canTransition(actor: Actor, plan: PlanState, name: TransitionName) {
  const rule = TRANSITION_RULES[name];
  return can(actor.role, rule.permission) && rule.from.includes(plan.status);
}

export function availableTransitions(actor: Actor, plan: PlanState): TransitionName[] {
  return (Object.keys(TRANSITION_RULES) as TransitionName[]).filter((name) => canTransition(actor, plan, name));
}

export function canAddEvidence(actor: Actor, plan: PlanState) {
  return can(actor.role, "evidence:add") && plan.status === "ACTIVE";
}

export function canRateEvidence(actor: Actor, plan: PlanState) {
  return can(actor.role, "evidence:rate") && plan.status === "ACTIVE";
}

export function canComment(actor: Actor, plan: PlanState) {
  return can(actor.role, "comment:add") && plan.status !== "ARCHIVED";
}
