import "server-only";
import { describeMethod } from "@/lib/mastery/methods";
import { loadPolicies, methodOf, thresholdOf } from "@/lib/mastery/policies";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { pageArgs, toPage } from "@/lib/pagination";
import { plansOfTaughtStudents, plansVisibleTo } from "@/lib/plans/access";
import { studentInRequest } from "@/lib/profiles/access";
import { administered, current, currentClass, studentsVisibleTo } from "./access";
import { taughtClassIds, taughtEnrollmentIn } from "./taught";

/**
 * The students of the membership the actor acts in, a page by name, with their classes and how
 * many plans they have. `known`: their ids,
 * when the caller has just read them with the same rule (the teacher's home), so the rule is not
 * evaluated again.
 */
export async function listStudents(actor: Actor, page: number, known?: readonly string[]) {
  const where: Prisma.UserWhereInput = known ? { id: { in: [...known] } } : studentsVisibleTo(actor, "acting");
  // The classes shown are the ones the viewer's own membership is about, this term.
  const classFilter: Prisma.EnrollmentWhereInput =
    actor.acting.role === "TEACHER"
      ? taughtEnrollmentIn(await taughtClassIds(actor, "acting"))
      : { role: "STUDENT", ...current(), class: { ...currentClass(), school: administered(actor, "acting") } };
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
      },
    }),
    // Known students are all listed (they were read through the rule for this request): no count to ask for.
    known ? known.length : db.user.count({ where }),
  ]);
  // Counted for the page's students only (a nested _count aggregates the whole school first).
  // Only plans the viewer may open are counted: a count never hints at more.
  // A teacher's students are students they teach: their plans' rule is the simpler one.
  const ids = rows.map((r) => r.id);
  const counts = await db.plan.groupBy({
    by: ["studentId"],
    where:
      actor.acting.role === "TEACHER"
        ? plansOfTaughtStudents(actor, ids)
        : { AND: [plansVisibleTo(actor, "acting"), { studentId: { in: ids } }] },
    _count: { _all: true },
  });
  const planCount = new Map(counts.map((c) => [c.studentId, c._count._all]));
  const items = rows.map((s) => ({
    id: s.id,
    name: s.name,
    gradeLevel: s.profile?.gradeLevel ?? null,
    classes: s.enrollments.map((e) => e.class),
    planCount: planCount.get(s.id) ?? 0,
  }));
  return toPage(items, total, page);
}

/** The classes a teacher teaches now (every class of the organization, for an admin). */
export async function listClasses(actor: Actor) {
  if (!can(actor.acting.role, "students:view")) throw new ForbiddenError();
  const where: Prisma.ClassWhereInput =
    actor.acting.role === "TEACHER" ? { id: { in: await taughtClassIds(actor, "acting") } } : { school: administered(actor, "acting") };
  const rows = await db.class.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      course: { select: { subject: true } },
      enrollments: { where: { role: "TEACHER" }, select: { user: { select: { name: true } } } },
    },
  });
  // Students counted for these classes only, with the enrollment index (not a nested _count).
  const counts = await db.enrollment.groupBy({
    by: ["classId"],
    where: { classId: { in: rows.map((c) => c.id) }, role: "STUDENT", ...current() },
    _count: { _all: true },
  });
  const studentCount = new Map(counts.map((c) => [c.classId, c._count._all]));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    subject: c.course.subject,
    teachers: c.enrollments.map((t) => t.user.name),
    studentCount: studentCount.get(c.id) ?? 0,
  }));
}

/** People with a membership in the organization the admin acts for. */
function peopleOf(actor: Actor, role?: Role): Prisma.UserWhereInput {
  return { memberships: { some: { endedAt: null, organization: administered(actor, "acting"), ...(role ? { role } : {}) } } };
}

/** Everyone in the admin's school or district, with their memberships there. */
export async function listPeople(actor: Actor, page: number, role?: Role) {
  if (!can(actor.acting.role, "people:view")) throw new ForbiddenError();
  const where = peopleOf(actor, role);
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageArgs(page),
      select: {
        id: true,
        name: true,
        email: true,
        disabledAt: true,
        lastSignInAt: true,
        memberships: {
          where: { endedAt: null, organization: administered(actor, "acting") },
          orderBy: { createdAt: "asc" },
          select: { role: true, organization: { select: { name: true } } },
        },
      },
    }),
    db.user.count({ where }),
  ]);
  return toPage(
    rows.map((p) => ({ ...p, memberships: p.memberships.map((m) => ({ role: m.role, organizationName: m.organization.name })) })),
    total,
    page,
  );
}

/**
 * The admin home's numbers. People by role, plans by status and classes come from
 * OrganizationCount, kept exact by Postgres triggers on every write (prisma/migrations/
 * 20261202000000_overview_summary): a few rows per school, whatever the district's size.
 * The same counts as before: memberships not ended, plans not deleted, every class.
 */
export async function organizationOverview(actor: Actor) {
  if (!can(actor.acting.role, "people:view")) throw new ForbiddenError();
  const scope = administered(actor, "acting");
  const [organization, counts, schools, policies] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: actor.acting.organizationId },
      select: { name: true, type: true },
    }),
    db.organizationCount.groupBy({ by: ["subject"], where: { organization: scope }, _sum: { count: true } }),
    db.organization.findMany({
      where: { AND: [scope, { type: "SCHOOL" }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    loadPolicies(db, [actor.acting.organizationId]),
  ]);
  const policy = policies.forSchool(actor.acting.organizationId);
  const counted = (prefix: string) =>
    Object.fromEntries(
      counts
        .filter((c) => c.subject.startsWith(prefix) && (c._sum.count ?? 0) > 0)
        .map((c) => [c.subject.slice(prefix.length), c._sum.count ?? 0]),
    );
  return {
    mastery: `${describeMethod(methodOf(policy), thresholdOf(policy))} Ratings use the scale “${policy.scale.name}”.`,
    organization,
    schools,
    classes: counts.find((c) => c.subject === "class")?._sum.count ?? 0,
    people: counted("member:") as Partial<Record<Role, number>>,
    plans: counted("plan:") as Record<string, number>,
  };
}

/** One student's learner profile, or NotFoundError when the actor may not see them. */
export async function getStudent(actor: Actor, studentId: string) {
  return withDisclosure(actor, { action: "student.view", entityType: "User", entityId: studentId }, () => loadStudent(actor, studentId));
}
async function loadStudent(actor: Actor, studentId: string) {
  // The rule once per request (the student's page asks again for the profile and its history).
  if (!(await studentInRequest(actor, studentId))) throw new NotFoundError("That student");
  const s = await db.user.findUnique({
    where: { id: studentId },
    select: {
      id: true,
      name: true,
      profile: { select: { gradeLevel: true, strengths: true, needs: true, interests: true, learningPreferences: true } },
      enrollments: {
        where: { role: "STUDENT", ...current(), class: currentClass() },
        select: { class: { select: { id: true, name: true } } },
      },
    },
  });
  if (!s) throw new NotFoundError("That student");
  return { id: s.id, name: s.name, profile: s.profile, classes: s.enrollments.map((e) => e.class) };
}

/** A guardian's linked children. */
export async function listChildren(actor: Actor) {
  const rows = await db.user.findMany({
    where: { AND: [studentsVisibleTo(actor, "acting"), { guardedBy: { some: { guardianId: actor.id } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, profile: { select: { gradeLevel: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, gradeLevel: r.profile?.gradeLevel ?? null }));
}
