// Who may restore a revision and who may propose, decide and withdraw a change to an
// active plan, and the inputs of those actions (one schema per form, shared by form and
// action). Decided from the actor's relationships to the plan, like lib/plans/policy.ts.
import { z } from "zod";
import { allows } from "@/lib/auth/permissions";
import type { RevisionKind } from "@/lib/generated/prisma/enums.ts";
import { canEditPlan, type PlanState } from "./policy";
import { planFormSchema } from "./schemas";

const id = z.string().trim().min(1).max(64);
const version = z.number().int().positive();

/** Anyone who may see the plan may read its history (guardians too: it is the record they follow). */
export function canSeeHistory(plan: PlanState) {
  return plan.relations.length > 0;
}

/** Restoring writes the plan's content, so it needs the right to edit the plan now. */
export function canRestoreRevision(plan: PlanState) {
  return canEditPlan(plan);
}

/** The student whose plan it is proposes changes to it while it is active. */
export function canProposeChange(plan: PlanState) {
  return plan.status === "ACTIVE" && allows(plan.relations, "plan:propose-change");
}

/** A teacher of the student decides, while the plan is active. */
export function canDecideChange(plan: PlanState) {
  return plan.status === "ACTIVE" && allows(plan.relations, "plan:decide-change");
}

/**
 * The student withdraws their own pending proposal, whatever the plan's status now (a
 * plan sent back to draft must not keep a proposal nobody can clear).
 */
export function canWithdrawChange(plan: PlanState, change: { proposedById: string | null }, actorId: string) {
  return allows(plan.relations, "plan:propose-change") && change.proposedById === actorId;
}

export const REVISION_KIND_LABEL: Record<RevisionKind, string> = {
  CREATED: "Plan started",
  EDITED: "Edited",
  SUBMITTED: "Submitted for review",
  APPROVED: "Approved",
  RESTORED: "An earlier version restored",
  CHANGE_APPROVED: "Proposed change approved",
  TEMPLATE_UPDATED: "Updated from its template",
};

export const restoreRevisionSchema = z.object({ planId: id, version, number: z.number().int().positive() });
export type RestoreRevisionInput = z.infer<typeof restoreRevisionSchema>;

export const changeNoteSchema = z.string().trim().max(4000, "Keep the note under 4,000 characters.");

export const proposeChangeSchema = z.object({ planId: id, version, plan: planFormSchema, note: changeNoteSchema });
export type ProposeChangeInput = z.infer<typeof proposeChangeSchema>;

export const decideChangeSchema = z
  .object({ planId: id, changeId: id, decision: z.enum(["approve", "decline"]), note: changeNoteSchema })
  .refine((d) => d.decision === "approve" || d.note.length > 0, {
    path: ["note"],
    message: "Tell the student why you are declining the change.",
  });
export type DecideChangeInput = z.infer<typeof decideChangeSchema>;

export const withdrawChangeSchema = z.object({ planId: id, changeId: id });
export type WithdrawChangeInput = z.infer<typeof withdrawChangeSchema>;
