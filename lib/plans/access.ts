// Who may see which plans, written into the `where` so that lists and single reads
// share it and a foreign id is simply not found.
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { studentsVisibleTo } from "@/lib/people/access";

export function plansVisibleTo(actor: Actor): Prisma.PlanWhereInput {
  return { schoolId: actor.schoolId, student: studentsVisibleTo(actor) };
}
