// The student's reflections on their plan or one of its goals, and their teachers'
// answers. Reflections are part of the plan's record: whoever may read the plan reads them.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { once } from "@/lib/idempotency/once";
import { takeWrite } from "@/lib/limits/writes";
import { notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisiblePlan } from "@/lib/plans/access";
import { canReflect, canReplyToReflection } from "./policy";
import { reflectionReplySchema, reflectionSchema } from "./schemas";

export async function addReflection(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, goalId, learned, hard, next, idempotencyKey } = reflectionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const made = await once(tx, actor, idempotencyKey, "reflection.create", async () => {
      const plan = await findVisiblePlan(tx, actor, planId, {
        id: true,
        schoolId: true,
        deletedAt: true,
        goals: { where: { id: goalId }, select: { id: true } },
      });
      if (!canReflect(plan)) throw new ForbiddenError("You can write reflections on your own plan while it is active or completed.");
      if (goalId && plan.goals.length === 0) throw new NotFoundError("That goal");
      await takeWrite(tx, actor.id, "comment");
      const reflection = await tx.reflection.create({
        data: { planId, goalId: goalId || null, authorId: actor.id, learned, hard, next },
        select: { id: true },
      });
      const teachers = (await teacherIdsOf(tx, plan.studentId)).filter((id) => id !== actor.id);
      await notify(tx, teachers, { type: "REFLECTION_ADDED", actorId: actor.id, planId, reflectionId: reflection.id });
      await recordAudit(tx, {
        organizationId: plan.schoolId,
        actorId: actor.id,
        action: "reflection.create",
        entityType: "Reflection",
        entityId: reflection.id,
        detail: { planId, goalId: goalId || null },
      });
      return reflection;
    });
    return { id: made.id };
  });
}

/** A teacher of the student answers a reflection; the student is told. */
export async function replyToReflection(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, reflectionId, body, idempotencyKey } = reflectionReplySchema.parse(input);
  return db.$transaction(async (tx) => {
    const made = await once(tx, actor, idempotencyKey, "reflection.reply", async () => {
      const plan = await findVisiblePlan(tx, actor, planId, {
        id: true,
        schoolId: true,
        deletedAt: true,
        reflections: { where: { id: reflectionId }, select: { id: true } },
      });
      if (plan.reflections.length === 0) throw new NotFoundError("That reflection");
      if (!canReplyToReflection(plan)) throw new ForbiddenError("Only a teacher of the student can answer a reflection.");
      await takeWrite(tx, actor.id, "comment");
      const reply = await tx.reflectionReply.create({ data: { reflectionId, authorId: actor.id, body }, select: { id: true } });
      await notify(
        tx,
        [plan.studentId].filter((id) => id !== actor.id),
        { type: "REFLECTION_REPLIED", actorId: actor.id, planId, reflectionId },
      );
      await recordAudit(tx, {
        organizationId: plan.schoolId,
        actorId: actor.id,
        action: "reflection.reply",
        entityType: "Reflection",
        entityId: reflectionId,
        detail: { planId, replyId: reply.id },
      });
      return reply;
    });
    return { id: made.id };
  });
}
