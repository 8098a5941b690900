// Writes about people. Admins act only on people whose every active membership lies in
// organizations they administer; nothing here ever crosses a district.
import "server-only";
import { membershipsAs, type Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { removeStoredFile } from "@/lib/evidence/storage";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { administered, outsideOrganizations } from "./access";
import { deletePersonSchema, linkGuardianSchema, switchMembershipSchema } from "./schemas";

const requireAdmin = (actor: Actor, action: "people:view" | "people:delete") => requireAllowed(actor, action);

/** An active membership with this role in an organization the actor administers. */
function administeredAs(actor: Actor, role?: Role): Prisma.MembershipWhereInput {
  return { endedAt: null, organization: administered(actor), ...(role ? { role } : {}) };
}

/**
 * Links a guardian to a student. Both must be people the admin administers (an active
 * GUARDIAN and STUDENT membership there), in one district: the database refuses a
 * cross-district link too (composite foreign keys).
 */
export async function linkGuardian(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor, "people:view");
  const { guardianId, studentId, relationship } = linkGuardianSchema.parse(input);
  const [student, guardian] = await Promise.all([
    db.user.findFirst({
      where: { id: studentId, districtId: actor.districtId, memberships: { some: administeredAs(actor, "STUDENT") } },
      select: { id: true, memberships: { where: administeredAs(actor, "STUDENT"), select: { organizationId: true }, take: 1 } },
    }),
    db.user.findFirst({
      where: { id: guardianId, districtId: actor.districtId, memberships: { some: administeredAs(actor, "GUARDIAN") } },
      select: { id: true },
    }),
  ]);
  if (!student) throw new NotFoundError("That student");
  if (!guardian) {
    throw new InputError("Choose a parent or guardian of your school or district.", {
      guardianId: ["Choose a parent or guardian of your school or district."],
    });
  }
  if (await db.guardianLink.findUnique({ where: { guardianId_studentId: { guardianId, studentId } }, select: { id: true } })) {
    throw new InputError("They are linked already.", { guardianId: ["This parent or guardian is linked to the student already."] });
  }
  return db.$transaction(async (tx) => {
    const link = await tx.guardianLink.create({
      data: { districtId: actor.districtId, guardianId, studentId, relationship },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: student.memberships[0]?.organizationId ?? actor.acting.organizationId,
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
 * shown as by a former member (docs/decisions/deleting-people.md). Only an admin of
 * every organization the person is active in may do it: a school admin cannot delete
 * someone who also belongs to another school, or a district admin.
 */
export async function deletePerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor, "people:delete");
  const { userId } = deletePersonSchema.parse(input);
  if (userId === actor.id) throw new ForbiddenError("You cannot delete your own account.");
  const person = await db.user.findFirst({
    where: {
      id: userId,
      districtId: actor.districtId,
      // Active somewhere the admin runs, and nowhere else.
      AND: [
        { memberships: { some: administeredAs(actor) } },
        {
          memberships: {
            none: { endedAt: null, organization: outsideOrganizations(membershipsAs(actor, "ADMIN").map((m) => m.organizationId)) },
          },
        },
      ],
    },
    select: { id: true },
  });
  if (!person) throw new NotFoundError("That person");
  const files = await db.$transaction(async (tx) => {
    const stored = await tx.evidence.findMany({ where: { studentId: userId, storageKey: { not: null } }, select: { storageKey: true } });
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, {
      organizationId: actor.acting.organizationId,
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
