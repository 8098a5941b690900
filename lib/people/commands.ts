// Writes about people. Admins act only on people who belong to an organization they
// administer; nothing here ever crosses a district.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { removeStoredFile } from "@/lib/evidence/storage";
import { administered } from "./access";
import { deletePersonSchema, linkGuardianSchema, switchMembershipSchema } from "./schemas";

function requireAdmin(actor: Actor, action: "people:view" | "people:delete") {
  if (
    !allows(
      actor.memberships.map((m) => m.role),
      action,
    )
  )
    throw new ForbiddenError();
}

/** A person the actor administers, with the school (or district) their record belongs to. */
async function findAdministeredPerson(actor: Actor, userId: string) {
  const person = await db.user.findFirst({
    where: { id: userId, districtId: actor.districtId, memberships: { some: { organization: administered(actor) } } },
    select: { id: true, name: true, districtId: true, memberships: { select: { role: true, organizationId: true } } },
  });
  if (!person) throw new NotFoundError("That person");
  return person;
}

/**
 * Links a guardian to a student. Both must be people the admin administers, in one
 * district: the database refuses a cross-district link too (composite foreign keys).
 */
export async function linkGuardian(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor, "people:view");
  const { guardianId, studentId, relationship } = linkGuardianSchema.parse(input);
  const [guardian, student] = await Promise.all([
    db.user.findFirst({ where: { id: guardianId }, select: { id: true, districtId: true, memberships: { select: { role: true } } } }),
    findAdministeredPerson(actor, studentId).catch(() => null),
  ]);
  if (!student || !student.memberships.some((m) => m.role === "STUDENT")) throw new NotFoundError("That student");
  if (!guardian || guardian.districtId !== student.districtId) {
    throw new InputError("A guardian can be linked only to a student in the same district.", {
      guardianId: ["Choose a parent or guardian from this district."],
    });
  }
  const schoolId = student.memberships.find((m) => m.role === "STUDENT")?.organizationId ?? actor.districtId;
  return db.$transaction(async (tx) => {
    const link = await tx.guardianLink.create({
      data: { districtId: student.districtId, guardianId, studentId, relationship },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: schoolId,
      actorId: actor.id,
      action: "guardian_link.create",
      entityType: "GuardianLink",
      entityId: link.id,
    });
    return link;
  });
}

/**
 * Deletes a person and what is theirs: a student's plans, evidence (and its files),
 * profile, links and enrollments. What they wrote on other people's records stays,
 * shown as by a former member (docs/decisions/deleting-people.md).
 */
export async function deletePerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor, "people:delete");
  const { userId } = deletePersonSchema.parse(input);
  if (userId === actor.id) throw new ForbiddenError("You cannot delete your own account.");
  const person = await findAdministeredPerson(actor, userId);
  const files = await db.$transaction(async (tx) => {
    const stored = await tx.evidence.findMany({ where: { studentId: userId, storageKey: { not: null } }, select: { storageKey: true } });
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, {
      organizationId: person.memberships[0]?.organizationId ?? person.districtId,
      actorId: actor.id,
      action: "user.delete",
      entityType: "User",
      entityId: userId,
    });
    return stored.flatMap((e) => (e.storageKey ? [e.storageKey] : []));
  });
  // Files go once the rows are gone; a file left by a crash is unreachable (no row names it).
  await Promise.all(files.map((key) => removeStoredFile(key)));
  return { id: userId };
}

/** The membership to act in, when it is the actor's own and active; NotFoundError otherwise. */
export function chooseMembership(actor: Actor, input: unknown) {
  const { membershipId } = switchMembershipSchema.parse(input);
  const membership = actor.memberships.find((m) => m.id === membershipId);
  if (!membership) throw new NotFoundError("That membership");
  return membership;
}
