import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** The school's standards, for linking goals to them. */
export async function listStandards(actor: Actor) {
  return db.standard.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: [{ subject: "asc" }, { code: "asc" }],
    select: { id: true, code: true, subject: true, description: true },
  });
}
export type StandardOption = Awaited<ReturnType<typeof listStandards>>[number];
