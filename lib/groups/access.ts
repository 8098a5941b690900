// Who may see and change learning groups: the teachers of the group's class, now. A group of
// another class, school or district is simply not found.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { classesTaughtBy } from "@/lib/people/access";

export function groupsManagedBy(actor: Actor): Prisma.LearningGroupWhereInput {
  return { class: classesTaughtBy(actor) };
}

/** The first gate: one of the actor's memberships allows managing groups (teachers). */
export function requireGroupManager(actor: Actor) {
  requireAllowed(actor, "group:manage");
}
