import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";

/** Evidence is visible exactly when its plan is. */
export function evidenceVisibleTo(actor: Actor): Prisma.EvidenceWhereInput {
  return { plan: plansVisibleTo(actor) };
}
