// What an actor may do in a plan's conversation, from their relationships to the plan
// (who may comment at all is lib/plans/policy.ts's canComment). A plan in the trash or
// archived is a closed record: read it, but nothing is added or changed.
import { allows } from "@/lib/auth/permissions";
import type { PlanStatus } from "@/lib/generated/prisma/enums.ts";
import { canComment, type PlanState } from "@/lib/plans/policy";

export type ConversationPlan = PlanState & { deletedAt?: Date | null };

/** Reflection is on the work being done or done (docs/decisions/conversation.md). */
export const REFLECTABLE: readonly PlanStatus[] = ["ACTIVE", "COMPLETED"];

const open = (plan: ConversationPlan) => !plan.deletedAt && plan.status !== "ARCHIVED";

export function canStartOrReply(plan: ConversationPlan) {
  return open(plan) && canComment(plan);
}

/** Resolving and reopening a thread are the teacher's. */
export function canResolve(plan: ConversationPlan) {
  return open(plan) && allows(plan.relations, "comment:resolve");
}

export function canReflect(plan: ConversationPlan) {
  return open(plan) && allows(plan.relations, "reflection:add") && REFLECTABLE.includes(plan.status);
}

/** A reflection, once written, can be answered until the plan is archived. */
export function canReplyToReflection(plan: ConversationPlan) {
  return open(plan) && allows(plan.relations, "reflection:reply");
}

export function allowedInConversation(plan: ConversationPlan) {
  return {
    comment: canStartOrReply(plan),
    resolve: canResolve(plan),
    reflect: canReflect(plan),
    replyToReflection: canReplyToReflection(plan),
  };
}
export type ConversationAllowed = ReturnType<typeof allowedInConversation>;
