// Admins' writes about people: create, edit, disable and re-enable an account, add and end
// memberships, unlink a guardian. Each is one transaction with its audit row. Confinement:
// an account is changed only when the person is wholly inside what the admin runs
// (peopleManagedBy); a membership is added or ended at an organization the admin runs for
// anyone they can look up there (peopleAdministered). Nothing crosses a district.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { endEverySession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { lastDayBeforeToday, todayUtc } from "@/lib/classes/enrollment-dates";
import { db, type Tx } from "@/lib/db";
import { ForbiddenError, InputError, MESSAGES, NotFoundError } from "@/lib/errors";
import type { EnrollmentRole, Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { administered, peopleAdministered, peopleManagedBy } from "./access";
import {
  addMembershipSchema,
  createPersonSchema,
  endMembershipSchema,
  personIdSchema,
  unlinkGuardianSchema,
  updatePersonSchema,
} from "./admin-schemas";

const requireAdmin = (actor: Actor) => requireAllowed(actor, "people:view");

const EMAIL_TAKEN = "Someone already has this email address. Search for them in People instead.";

/** The message goes next to the field; the form's summary says only that something needs correcting. */
function fieldError(field: string, message: string) {
  return new InputError(MESSAGES.INVALID, { [field]: [message] });
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

async function assertEmailFree(tx: Tx, email: string, exceptUserId?: string) {
  const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== exceptUserId) throw fieldError("email", EMAIL_TAKEN);
}

/** Two writers can pass the check at once; the unique index then answers, as the same field message. */
async function emailChecked<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("email", EMAIL_TAKEN);
    throw error;
  }
}

/** An organization the actor administers, as a form's field error when it is not. */
async function administeredOrganization(tx: Tx, actor: Actor, organizationId: string, role: Role) {
  const org = await tx.organization.findFirst({
    where: { AND: [administered(actor), { id: organizationId }] },
    select: { id: true, type: true },
  });
  if (!org) throw fieldError("organizationId", "Choose one of your schools.");
  if (org.type === "DISTRICT" && role !== "ADMIN") {
    throw fieldError("organizationId", "Students, teachers and families belong to a school: choose one.");
  }
  return org;
}

/** Whose log a change to a person goes in: their first organization the admin runs. */
async function auditOrganization(tx: Tx, actor: Actor, userId: string) {
  const m = await tx.membership.findFirst({
    where: { userId, organization: administered(actor) },
    orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
    select: { organizationId: true },
  });
  return m?.organizationId ?? actor.acting.organizationId;
}

async function findManaged(tx: Tx, actor: Actor, userId: string) {
  const person = await tx.user.findFirst({
    where: { AND: [peopleManagedBy(actor), { id: userId }] },
    select: { id: true, name: true, email: true, disabledAt: true },
  });
  if (!person) throw new NotFoundError("That person");
  return person;
}

/**
 * Adds a person with one membership at a school the admin runs (a student with their
 * grade). They get no password here: they sign in through the school's account, or set
 * one from a password-reset link.
 */
export async function createPerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = createPersonSchema.parse(input);
  return emailChecked(() =>
    db.$transaction(async (tx) => {
      const org = await administeredOrganization(tx, actor, data.organizationId, data.role);
      await assertEmailFree(tx, data.email);
      const user = await tx.user.create({
        data: {
          districtId: actor.districtId,
          name: data.name,
          email: data.email,
          memberships: { create: { organizationId: org.id, role: data.role } },
          ...(data.role === "STUDENT" ? { profile: { create: { gradeLevel: Number(data.gradeLevel) } } } : {}),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId: org.id,
        actorId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        detail: { role: data.role },
      });
      return user;
    }),
  );
}

/** Edits a person's name, email and (for a student) grade. */
export async function updatePerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = updatePersonSchema.parse(input);
  return emailChecked(() =>
    db.$transaction(async (tx) => {
      const person = await findManaged(tx, actor, data.userId);
      const student = await tx.user.findFirst({
        where: { id: person.id, memberships: { some: { role: "STUDENT", endedAt: null } } },
        select: { profile: { select: { gradeLevel: true } } },
      });
      if (student && data.gradeLevel === "") {
        throw fieldError("gradeLevel", "Choose the student's grade.");
      }
      const changed: string[] = [];
      if (data.name !== person.name) changed.push("name");
      if (data.email !== person.email) {
        await assertEmailFree(tx, data.email, person.id);
        changed.push("email");
      }
      if (changed.length) await tx.user.update({ where: { id: person.id }, data: { name: data.name, email: data.email } });
      const grade = Number(data.gradeLevel);
      if (student && student.profile?.gradeLevel !== grade) {
        await tx.studentProfile.upsert({
          where: { userId: person.id },
          create: { userId: person.id, gradeLevel: grade },
          update: { gradeLevel: grade },
        });
        changed.push("gradeLevel");
      }
      if (changed.length) {
        await recordAudit(tx, {
          organizationId: await auditOrganization(tx, actor, person.id),
          actorId: actor.id,
          action: "user.update",
          entityType: "User",
          entityId: person.id,
          detail: { changed },
        });
      }
      return { id: person.id };
    }),
  );
}

/** Disables an account: it cannot sign in, and every open session ends at once. */
export async function disablePerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const { userId } = personIdSchema.parse(input);
  if (userId === actor.id) throw new ForbiddenError("You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    const person = await findManaged(tx, actor, userId);
    if (person.disabledAt) return { id: person.id };
    await tx.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    await endEverySession(tx, person.id, "disabled");
    await recordAudit(tx, {
      organizationId: await auditOrganization(tx, actor, person.id),
      actorId: actor.id,
      action: "user.disable",
      entityType: "User",
      entityId: person.id,
    });
    return { id: person.id };
  });
}

/** Re-enables a disabled account: the person can sign in again (old sessions stay ended). */
export async function enablePerson(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const { userId } = personIdSchema.parse(input);
  return db.$transaction(async (tx) => {
    const person = await findManaged(tx, actor, userId);
    if (!person.disabledAt) return { id: person.id };
    await tx.user.update({ where: { id: person.id }, data: { disabledAt: null } });
    await recordAudit(tx, {
      organizationId: await auditOrganization(tx, actor, person.id),
      actorId: actor.id,
      action: "user.enable",
      entityType: "User",
      entityId: person.id,
    });
    return { id: person.id };
  });
}

/**
 * Gives a person a role at an organization the admin runs. A membership that ended there
 * with the same role starts again (and is the admin's from now on, not the roster's).
 */
export async function addMembership(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const data = addMembershipSchema.parse(input);
  return db.$transaction(async (tx) => {
    const person = await tx.user.findFirst({ where: { AND: [peopleAdministered(actor), { id: data.userId }] }, select: { id: true } });
    if (!person) throw new NotFoundError("That person");
    const org = await administeredOrganization(tx, actor, data.organizationId, data.role);
    const key = { userId_organizationId_role: { userId: person.id, organizationId: org.id, role: data.role } };
    const existing = await tx.membership.findUnique({ where: key, select: { id: true, endedAt: true } });
    if (existing && !existing.endedAt) {
      throw fieldError("role", "They have this role there already.");
    }
    const membership = existing
      ? await tx.membership.update({ where: { id: existing.id }, data: { endedAt: null, source: null }, select: { id: true } })
      : await tx.membership.create({
          data: { userId: person.id, organizationId: org.id, districtId: actor.districtId, role: data.role },
          select: { id: true },
        });
    await recordAudit(tx, {
      organizationId: org.id,
      actorId: actor.id,
      action: existing ? "membership.restart" : "membership.create",
      entityType: "Membership",
      entityId: membership.id,
      detail: { userId: person.id, role: data.role },
    });
    return membership;
  });
}

const ENROLLMENT_ROLES: Record<Role, EnrollmentRole[]> = { STUDENT: ["STUDENT"], TEACHER: ["TEACHER", "AIDE"], GUARDIAN: [], ADMIN: [] };

/**
 * Ends a membership (the row stays, marked ended) and the person's current classes in that
 * role at that school. Says whether the admin can still look the person up afterwards.
 */
export async function endMembership(actor: Actor, input: unknown): Promise<{ id: string; personVisible: boolean }> {
  requireAdmin(actor);
  const { membershipId } = endMembershipSchema.parse(input);
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({
      where: { id: membershipId, endedAt: null, organization: administered(actor), user: peopleAdministered(actor) },
      select: { id: true, userId: true, role: true, organizationId: true },
    });
    if (!m) throw new NotFoundError("That membership");
    if (m.userId === actor.id && m.role === "ADMIN") throw new ForbiddenError("You cannot end your own admin membership.");
    // Ended by hand it becomes the admin's, not the roster's: a later import leaves it ended
    // even while the student information system still lists the person (docs/decisions/roster-import.md).
    await tx.membership.update({ where: { id: m.id }, data: { endedAt: new Date(), source: null } });
    const classes = await tx.enrollment.updateMany({
      where: {
        userId: m.userId,
        role: { in: ENROLLMENT_ROLES[m.role] },
        class: { schoolId: m.organizationId },
        OR: [{ endsOn: null }, { endsOn: { gte: todayUtc() } }],
      },
      data: { endsOn: lastDayBeforeToday() },
    });
    await recordAudit(tx, {
      organizationId: m.organizationId,
      actorId: actor.id,
      action: "membership.end",
      entityType: "Membership",
      entityId: m.id,
      detail: { userId: m.userId, role: m.role, enrollmentsEnded: classes.count },
    });
    const visible = await tx.user.count({ where: { AND: [peopleAdministered(actor), { id: m.userId }] } });
    return { id: m.id, personVisible: visible > 0 };
  });
}

/** Removes a guardian's link to a student here: they no longer see the student's records. */
export async function unlinkGuardian(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireAdmin(actor);
  const { guardianId, studentId } = unlinkGuardianSchema.parse(input);
  const studentHere: Prisma.MembershipWhereInput = { role: "STUDENT", endedAt: null, organization: administered(actor) };
  return db.$transaction(async (tx) => {
    const link = await tx.guardianLink.findFirst({
      where: { guardianId, studentId, districtId: actor.districtId, student: { memberships: { some: studentHere } } },
      select: { id: true, student: { select: { memberships: { where: studentHere, select: { organizationId: true }, take: 1 } } } },
    });
    if (!link) throw new NotFoundError("That link");
    await tx.guardianLink.delete({ where: { id: link.id } });
    await recordAudit(tx, {
      organizationId: link.student.memberships[0]?.organizationId ?? actor.acting.organizationId,
      actorId: actor.id,
      action: "guardian_link.delete",
      entityType: "GuardianLink",
      entityId: link.id,
      detail: { guardianId, studentId },
    });
    return { id: link.id };
  });
}
