// Comment threads on a plan or one of its goals: start one, reply to one, resolve or
// reopen one. Each command loads the plan through the actor's access, so a foreign id is
// not found; and every id the input names is looked up inside that plan. Posting is
// rate-limited per person and made once per form (lib/limits, lib/idempotency).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { once } from "@/lib/idempotency/once";
import { takeWrite } from "@/lib/limits/writes";
import { notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisiblePlan } from "@/lib/plans/access";
import { canResolve, canStartOrReply } from "./policy";
import { commentSchema, replySchema, resolveSchema } from "./schemas";

const planSelect = { id: true, schoolId: true, deletedAt: true } as const;

async function planToComment(tx: Tx, actor: Actor, planId: string) {
  const plan = await findVisiblePlan(tx, actor, planId, planSelect);
  if (!canStartOrReply(plan)) throw new ForbiddenError("You cannot comment on this plan.");
  return plan;
}

/** A new thread. The student's go to their teachers; anyone else's to the student. */
export async function addComment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, goalId, body, idempotencyKey } = commentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const made = await once(tx, actor, idempotencyKey, "comment.create", async () => {
      const plan = await planToComment(tx, actor, planId);
      if (goalId && !(await tx.goal.findFirst({ where: { id: goalId, planId }, select: { id: true } }))) {
        throw new NotFoundError("That goal");
      }
      await takeWrite(tx, actor.id, "comment");
      const comment = await tx.comment.create({ data: { planId, goalId, authorId: actor.id, body }, select: { id: true } });
      const audience = actor.id === plan.studentId ? await teacherIdsOf(tx, plan.studentId) : [plan.studentId];
      await notify(
        tx,
        audience.filter((id) => id !== actor.id),
        { type: "COMMENT_ADDED", actorId: actor.id, planId, commentId: comment.id },
      );
      await recordAudit(tx, {
        organizationId: plan.schoolId,
        actorId: actor.id,
        action: "comment.create",
        entityType: "Comment",
        entityId: comment.id,
        detail: { planId, goalId: goalId ?? null },
      });
      return comment;
    });
    return { id: made.id };
  });
}

/**
 * A reply, always attached to the thread's first comment (one level of threading). It
 * notifies the thread's participants: its authors and the student whose plan it is; when
 * that is nobody but the replier (a student following up on their own unanswered
 * thread), the student's teachers.
 */
export async function replyToComment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, parentId, body, idempotencyKey } = replySchema.parse(input);
  return db.$transaction(async (tx) => {
    const made = await once(tx, actor, idempotencyKey, "comment.reply", async () => {
      const plan = await planToComment(tx, actor, planId);
      const thread = await threadOf(tx, planId, parentId);
      if (thread.resolvedAt) {
        throw new ConflictError(
          "This thread was resolved, so it takes no more replies. Your reply is still in the form: post it as a new comment, or ask a teacher to reopen the thread.",
        );
      }
      await takeWrite(tx, actor.id, "comment");
      const reply = await tx.comment.create({
        data: { planId, goalId: thread.goalId, parentId: thread.id, authorId: actor.id, body },
        select: { id: true },
      });
      const authors = await tx.comment.findMany({
        where: { OR: [{ id: thread.id }, { parentId: thread.id }], authorId: { not: null } },
        select: { authorId: true },
        distinct: ["authorId"],
      });
      const participants = [plan.studentId, ...authors.map((a) => a.authorId as string)].filter((id) => id !== actor.id);
      const audience = participants.length ? participants : await teacherIdsOf(tx, plan.studentId);
      await notify(tx, audience, { type: "COMMENT_REPLIED", actorId: actor.id, planId, commentId: reply.id });
      await recordAudit(tx, {
        organizationId: plan.schoolId,
        actorId: actor.id,
        action: "comment.reply",
        entityType: "Comment",
        entityId: reply.id,
        detail: { planId, threadId: thread.id },
      });
      return reply;
    });
    return { id: made.id };
  });
}

/** The thread a comment of this plan belongs to (its first comment), or NotFoundError. */
async function threadOf(tx: Tx, planId: string, commentId: string) {
  const threadFields = { id: true, goalId: true, resolvedAt: true } as const;
  const comment = await tx.comment.findFirst({
    where: { id: commentId, planId },
    select: { ...threadFields, parent: { select: threadFields } },
  });
  if (!comment) throw new NotFoundError("That comment");
  return comment.parent ?? comment;
}

/** A teacher of the student marks a thread resolved, or reopens it. Doing it twice changes nothing. */
export async function setThreadResolved(actor: Actor, input: unknown): Promise<{ id: string; resolved: boolean }> {
  const { planId, threadId, resolved } = resolveSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, planSelect);
    if (!canResolve(plan)) throw new ForbiddenError("Only a teacher of the student can resolve or reopen a thread.");
    const thread = await tx.comment.findFirst({ where: { id: threadId, planId, parentId: null }, select: { id: true } });
    if (!thread) throw new NotFoundError("That thread");
    const changed = await tx.comment.updateMany({
      where: { id: thread.id, resolvedAt: resolved ? null : { not: null } },
      data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
    });
    if (changed.count > 0) {
      await recordAudit(tx, {
        organizationId: plan.schoolId,
        actorId: actor.id,
        action: resolved ? "comment.resolve" : "comment.reopen",
        entityType: "Comment",
        entityId: thread.id,
        detail: { planId },
      });
    }
    return { id: thread.id, resolved };
  });
}
