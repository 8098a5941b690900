import "server-only";
import { describeMethod } from "@/lib/mastery/methods";
import { loadPolicies, methodOf, thresholdOf } from "@/lib/mastery/policies";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { anyOf, db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma, Role, Subject } from "@/lib/generated/prisma/client.ts";
import { pageArgs, toPage } from "@/lib/pagination";
import { plansOfTaughtStudents, plansVisibleTo } from "@/lib/plans/access";
import { studentInRequest } from "@/lib/profiles/access";
import { administered, current, currentClass, studentsVisibleTo } from "./access";
import { taughtClassIds, taughtEnrollmentIn } from "./taught";

/** What the teacher's home has just read through the rules: its students' ids and how many plans each has. */
export type KnownStudents = {
  studentIds: readonly string[];
  planCounts: ReadonlyMap<string, number>;
  /** The classes of the viewer's each is in (listStudents' classFilter). */
  classIdsOf: ReadonlyMap<string, readonly string[]>;
};

/**
 * The students of the membership the actor acts in, a page by name, with their classes and how
 * many plans they have. `known`: their ids and plan counts, when the caller has just read them
 * with the same rules (the teacher's home), so the rules are not evaluated again and the page is
 * read by id in plain SQL (with 150 ids in it, the ORM's query cost more CPU to prepare than to
 * run: issue 12). lib/teacher/home.test.ts holds the two ways to the same page.
 */
export async function listStudents(actor: Actor, page: number, known?: KnownStudents) {
  // The classes shown are the ones the viewer's own membership is about, this term.
  const classFilter: Prisma.EnrollmentWhereInput = known
    ? {}
    : actor.acting.role === "TEACHER"
      ? taughtEnrollmentIn(await taughtClassIds(actor, "acting"))
      : { role: "STUDENT", ...current(), class: { ...currentClass(), school: administered(actor, "acting") } };
  const rows = known ? await knownStudentsPage(known.studentIds, page) : await visibleStudentsPage(actor, page);
  const ids = rows.map((r) => r.id);
  const [enrollments, planCount, total] = await Promise.all([
    known ? knownEnrollments(known, ids) : enrollmentsIn(ids, classFilter),
    known ? known.planCounts : planCountsOf(actor, ids),
    // Known students are all listed (they were read through the rule for this request): no count to ask for.
    known ? known.studentIds.length : db.user.count({ where: studentsVisibleTo(actor, "acting") }),
  ]);
  const classesOf = new Map<string, { id: string; name: string }[]>();
  for (const e of enrollments) classesOf.set(e.userId, [...(classesOf.get(e.userId) ?? []), e.class]);
  const items = rows.map((s) => ({
    id: s.id,
    name: s.name,
    gradeLevel: s.gradeLevel,
    classes: classesOf.get(s.id) ?? [],
    planCount: planCount.get(s.id) ?? 0,
  }));
  return toPage(items, total, page);
}

type StudentRow = { id: string; name: string; gradeLevel: number | null };
type StudentClass = { userId: string; class: { id: string; name: string } };

function enrollmentsIn(ids: string[], classFilter: Prisma.EnrollmentWhereInput): Promise<StudentClass[]> {
  return db.enrollment.findMany({
    where: { AND: [{ userId: { in: ids } }, classFilter] },
    orderBy: [{ class: { name: "asc" } }, { classId: "asc" }],
    select: { userId: true, class: { select: { id: true, name: true } } },
  });
}

/** The page's students' classes as the caller read them, named in plain SQL (by name, as enrollmentsIn). */
async function knownEnrollments(known: KnownStudents, ids: string[]): Promise<StudentClass[]> {
  const classIds = [...new Set(ids.flatMap((id) => known.classIdsOf.get(id) ?? []))];
  const classes = classIds.length
    ? await db.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "Class" WHERE id = ANY(${classIds}::text[]) ORDER BY name, id`
    : [];
  return classes.flatMap((c) => ids.filter((id) => known.classIdsOf.get(id)?.includes(c.id)).map((userId) => ({ userId, class: c })));
}

async function visibleStudentsPage(actor: Actor, page: number): Promise<StudentRow[]> {
  const rows = await db.user.findMany({
    where: studentsVisibleTo(actor, "acting"),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...pageArgs(page),
    select: { id: true, name: true, profile: { select: { gradeLevel: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, gradeLevel: r.profile?.gradeLevel ?? null }));
}

/** A page of students given by id (read through the rule by the caller), by name. */
function knownStudentsPage(studentIds: readonly string[], page: number): Promise<StudentRow[]> {
  const { skip, take } = pageArgs(page);
  return db.$queryRaw<StudentRow[]>`
    SELECT u.id, u.name, sp."gradeLevel"
    FROM "User" u
    LEFT JOIN "StudentProfile" sp ON sp."userId" = u.id
    WHERE u.id = ${anyOf(studentIds)}
    ORDER BY u.name, u.id
    OFFSET ${skip} LIMIT ${take}`;
}

// Counted for the page's students only (a nested _count aggregates the whole school first).
// Only plans the viewer may open are counted: a count never hints at more.
// A teacher's students are students they teach: their plans' rule is the simpler one.
async function planCountsOf(actor: Actor, ids: string[]) {
  const counts = await db.plan.groupBy({
    by: ["studentId"],
    where:
      actor.acting.role === "TEACHER"
        ? plansOfTaughtStudents(actor, ids)
        : { AND: [plansVisibleTo(actor, "acting"), { studentId: { in: ids } }] },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.studentId, c._count._all]));
}

/**
 * The classes a teacher teaches now (every class of the organization, for an admin). `known`: the
 * classes each of the teacher's students is in, as the teacher's home has just read them; each
 * class's count is then its students among them.
 */
export async function listClasses(actor: Actor, known?: Pick<KnownStudents, "classIdsOf">) {
  if (!can(actor.acting.role, "students:view")) throw new ForbiddenError();
  const rows =
    actor.acting.role === "TEACHER" ? await classesById(await taughtClassIds(actor, "acting")) : await administeredClasses(actor);
  const studentCount = known ? countsOf(known.classIdsOf) : await enrolledCounts(rows.map((c) => c.id));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    subject: c.subject,
    teachers: c.teachers,
    studentCount: studentCount.get(c.id) ?? 0,
  }));
}

type ClassRow = { id: string; name: string; subject: Subject; teachers: string[] };

/** Students currently enrolled in these classes, counted for them only (the enrollment index, not a nested _count). */
async function enrolledCounts(classIds: string[]) {
  const counts = await db.enrollment.groupBy({
    by: ["classId"],
    where: { classId: { in: classIds }, role: "STUDENT", ...current() },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.classId, c._count._all]));
}

function countsOf(classIdsOf: ReadonlyMap<string, readonly string[]>) {
  const counts = new Map<string, number>();
  for (const classIds of classIdsOf.values()) for (const id of classIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

async function administeredClasses(actor: Actor): Promise<ClassRow[]> {
  const rows = await db.class.findMany({
    where: { school: administered(actor, "acting") },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      course: { select: { subject: true } },
      enrollments: { where: { role: "TEACHER" }, select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((c) => ({ id: c.id, name: c.name, subject: c.course.subject, teachers: c.enrollments.map((t) => t.user.name) }));
}

/**
 * Classes given by id (a teacher's, read through the rule for this request) in plain SQL: the
 * nested select cost the teacher's home more CPU to prepare than to run (issue 12).
 */
async function classesById(classIds: readonly string[]): Promise<ClassRow[]> {
  const ids = [...classIds];
  const [classes, teachers] = await Promise.all([
    db.$queryRaw<Omit<ClassRow, "teachers">[]>`
      SELECT c.id, c.name, co.subject::text AS subject
      FROM "Class" c JOIN "Course" co ON co.id = c."courseId"
      WHERE c.id = ANY(${ids}::text[])
      ORDER BY c.name, c.id`,
    db.$queryRaw<{ classId: string; name: string }[]>`
      SELECT e."classId", u.name
      FROM "Enrollment" e JOIN "User" u ON u.id = e."userId"
      WHERE e."classId" = ANY(${ids}::text[]) AND e.role = 'TEACHER'
      ORDER BY u.name, u.id`,
  ]);
  return classes.map((c) => ({ ...c, teachers: teachers.filter((t) => t.classId === c.id).map((t) => t.name) }));
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
