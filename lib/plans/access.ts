// Who may see which plans, written into the `where` so that lists and single reads
// share it and a foreign id is simply not found.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { studentsVisibleTo } from "@/lib/people/access";

export function plansVisibleTo(actor: Actor): Prisma.PlanWhereInput {
  return { schoolId: actor.schoolId, student: studentsVisibleTo(actor) };
}

/** The plan with this id when the actor may see it; NotFoundError otherwise. */
export async function findVisiblePlan<S extends Prisma.PlanSelect>(tx: Tx, actor: Actor, planId: string, select: S) {
  const plan = await tx.plan.findFirst({ where: { AND: [plansVisibleTo(actor), { id: planId }] }, select });
  if (!plan) throw new NotFoundError("That plan");
  return plan as Prisma.PlanGetPayload<{ select: S }>;
}
