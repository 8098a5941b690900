import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/**
 * Standards a plan at the actor's school may link: the school's own and those of the
 * organizations above it (a district shares its frameworks with every school).
 */
export async function listStandards(actor: Actor, schoolId = actor.acting.organizationId) {
  const school = await db.organization.findFirst({
    where: { id: schoolId, districtId: actor.districtId },
    select: { id: true, parentId: true, districtId: true },
  });
  if (!school) return [];
  const owners = [school.id, school.parentId, school.districtId].filter((o): o is string => o !== null);
  return db.standard.findMany({
    where: { organizationId: { in: owners } },
    orderBy: [{ subject: "asc" }, { code: "asc" }],
    select: { id: true, code: true, subject: true, description: true },
  });
}
export type StandardOption = Awaited<ReturnType<typeof listStandards>>[number];
