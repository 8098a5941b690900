// Writes about people. Admins act only on people whose every active membership lies in
// organizations they administer; nothing here ever crosses a district.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { administered, peopleDeletableBy } from "./access";
import { DELETION_TX, erasePerson, lockPerson, removeFiles } from "./deletion";
import { CONFIRM_NAME_MISMATCH, deletePersonSchema, linkGuardianSchema, namesMatch, switchMembershipSchema } from "./schemas";

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
 * Deletes a person and what is theirs: a student's plans, evidence and learning records (and
 * their files), profile, links and enrollments, and writes the deletion certificate. What they
 * wrote on other people's records stays, shown as by a former member
 * (docs/decisions/deleting-people.md). Only an admin of every organization the person is active
 * in may do it (a school admin cannot delete someone who also belongs to another school, or a
 * district admin); someone active nowhere, by an admin of every place they ever were
 * (peopleDeletableBy). The admin types the person's full name; it is checked here against the
 * database.
 */
export async function deletePerson(actor: Actor, input: unknown): Promise<{ id: string; certificateId: string }> {
  requireAdmin(actor, "people:delete");
  const { userId, confirmName } = deletePersonSchema.parse(input);
  if (userId === actor.id) throw new ForbiddenError("You cannot delete your own account.");
  const { certificateId, files } = await db.$transaction(async (tx) => {
    // The row lock first, then the permission read: a role added or ended meanwhile is either
    // seen here or waits for the deletion.
    const subject = await lockPerson(tx, actor, userId);
    const person =
      subject &&
      (await tx.user.findFirst({ where: { AND: [peopleDeletableBy(actor), { id: userId }] }, select: { id: true, name: true } }));
    if (!subject || !person) throw new NotFoundError("That person");
    if (!namesMatch(confirmName, person.name)) throw new InputError(CONFIRM_NAME_MISMATCH, { confirmName: [CONFIRM_NAME_MISMATCH] });
    return erasePerson(tx, actor, subject, "request");
  }, DELETION_TX);
  // Files go once the rows are gone.
  await removeFiles(files);
  return { id: userId, certificateId };
}

/** The membership to act in, when it is the actor's own and active; NotFoundError otherwise. */
export function chooseMembership(actor: Actor, input: unknown) {
  const { membershipId } = switchMembershipSchema.parse(input);
  const membership = actor.memberships.find((m) => m.id === membershipId);
  if (!membership) throw new NotFoundError("That membership");
  return membership;
}
