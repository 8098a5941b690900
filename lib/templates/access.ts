// Who may see which templates, written into the `where` so that lists and single reads
// share it and a foreign id is simply not found. A school's templates are for its staff
// and students; the district's are for everyone who teaches, runs or learns in a school
// of the district. Guardians see none: a template is a teaching tool, not a record.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { administered, classesTaughtBy, currentClass, organizationsAs } from "@/lib/people/access";
import type { TemplateOwner } from "./policy";

const USERS = ["TEACHER", "ADMIN", "STUDENT"] as const;

export function templatesVisibleTo(actor: Actor): Prisma.PlanTemplateWhereInput {
  const users = actor.memberships.some((m) => (USERS as readonly string[]).includes(m.role));
  if (!users) return { id: { in: [] } };
  return {
    organization: { districtId: actor.districtId },
    OR: [{ organizationId: actor.districtId }, ...USERS.map((role) => ({ organization: organizationsAs(actor, role) }))],
  };
}

/** What the policy needs to know about a template's owner. */
export const ownerSelect = {
  id: true,
  createdById: true,
  archivedAt: true,
  organization: { select: { id: true, type: true, parentId: true, districtId: true, name: true } },
} satisfies Prisma.PlanTemplateSelect;

/** The template with this id when the actor may see it; NotFoundError otherwise. */
export async function findVisibleTemplate<S extends Prisma.PlanTemplateSelect>(tx: Tx, actor: Actor, templateId: string, select: S) {
  const template = await tx.planTemplate.findFirst({
    where: { AND: [templatesVisibleTo(actor), { id: templateId }] },
    select: { ...select, ...ownerSelect },
  });
  if (!template) throw new NotFoundError("That template");
  return template as unknown as Prisma.PlanTemplateGetPayload<{ select: S }> & TemplateOwner;
}

/**
 * Classes the actor may apply this template to: classes they teach now, or classes of a
 * school they administer, within the template's reach (its school, or any school of its
 * district for a district template).
 */
export function classesForTemplate(actor: Actor, owner: TemplateOwner["organization"]): Prisma.ClassWhereInput {
  const reach: Prisma.ClassWhereInput = owner.type === "DISTRICT" ? { school: { districtId: owner.id } } : { schoolId: owner.id };
  return {
    AND: [
      reach,
      { school: { districtId: actor.districtId } },
      { OR: [classesTaughtBy(actor), { ...currentClass(), school: administered(actor) }] },
    ],
  };
}
