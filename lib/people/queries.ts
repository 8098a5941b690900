import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { pageArgs, toPage } from "@/lib/pagination";
import { studentsVisibleTo } from "./access";

/** The students an actor may see, with their classes and how many plans they have. */
export async function listStudents(actor: Actor, page: number) {
  const where = studentsVisibleTo(actor);
  const classFilter: Prisma.EnrollmentWhereInput =
    actor.role === "TEACHER" ? { class: { teachers: { some: { teacherId: actor.id } } } } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageArgs(page),
      select: {
        id: true,
        name: true,
        profile: { select: { gradeLevel: true } },
        enrollments: { where: classFilter, select: { class: { select: { id: true, name: true } } } },
        _count: { select: { plans: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  const items = rows.map((s) => ({
    id: s.id,
    name: s.name,
    gradeLevel: s.profile?.gradeLevel ?? null,
    classes: s.enrollments.map((e) => e.class),
    planCount: s._count.plans,
  }));
  return toPage(items, total, page);
}

/** The classes a teacher teaches (all classes for an admin). */
export async function listClasses(actor: Actor) {
  if (!can(actor.role, "students:view")) throw new ForbiddenError();
  const where: Prisma.ClassWhereInput =
    actor.role === "TEACHER" ? { schoolId: actor.schoolId, teachers: { some: { teacherId: actor.id } } } : { schoolId: actor.schoolId };
  const rows = await db.class.findMany({
    where,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      subject: true,
      teachers: { select: { teacher: { select: { name: true } } } },
      _count: { select: { enrollments: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    subject: c.subject,
    teachers: c.teachers.map((t) => t.teacher.name),
    studentCount: c._count.enrollments,
  }));
}

/** Everyone in the school, for admins. */
export async function listPeople(actor: Actor, page: number, role?: Role) {
  if (!can(actor.role, "people:view")) throw new ForbiddenError();
  const where: Prisma.UserWhereInput = { schoolId: actor.schoolId, ...(role ? { role } : {}) };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
      ...pageArgs(page),
      select: { id: true, name: true, email: true, role: true, disabledAt: true, lastSignInAt: true },
    }),
    db.user.count({ where }),
  ]);
  return toPage(rows, total, page);
}

export async function schoolOverview(actor: Actor) {
  if (!can(actor.role, "people:view")) throw new ForbiddenError();
  const [school, byRole, byStatus, classes] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { name: true, masteryRule: true } }),
    db.user.groupBy({ by: ["role"], where: { schoolId: actor.schoolId }, _count: { _all: true } }),
    db.plan.groupBy({ by: ["status"], where: { schoolId: actor.schoolId }, _count: { _all: true } }),
    db.class.count({ where: { schoolId: actor.schoolId } }),
  ]);
  return {
    school,
    classes,
    people: Object.fromEntries(byRole.map((r) => [r.role, r._count._all])) as Partial<Record<Role, number>>,
    plans: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number>,
  };
}

/** One student's learner profile, or NotFoundError when the actor may not see them. */
export async function getStudent(actor: Actor, studentId: string) {
  const s = await db.user.findFirst({
    where: { AND: [studentsVisibleTo(actor), { id: studentId }] },
    select: {
      id: true,
      name: true,
      profile: { select: { gradeLevel: true, strengths: true, needs: true, interests: true, learningPreferences: true } },
      enrollments: { select: { class: { select: { id: true, name: true } } } },
    },
  });
  if (!s) throw new NotFoundError("That student");
  return { id: s.id, name: s.name, profile: s.profile, classes: s.enrollments.map((e) => e.class) };
}

/** A guardian's linked children. */
export async function listChildren(actor: Actor) {
  const rows = await db.user.findMany({
    where: { AND: [studentsVisibleTo(actor), { guardedBy: { some: { guardianId: actor.id } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, profile: { select: { gradeLevel: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, gradeLevel: r.profile?.gradeLevel ?? null }));
}
