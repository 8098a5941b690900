// What admins read about courses, terms and classes. Lists follow the membership the admin
// acts in and are keyset pages; teachers and student counts are read for the page's rows only.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { keysetSlice, PAGE_SIZE } from "@/lib/pagination";
import { current, currentClass } from "@/lib/people/access";
import { decodeCursor, encodeCursor, keyset, likeText, searchText, type PageRequest } from "@/lib/people/listing";
import { classesAdministered, coursesAdministered, schoolsAdministered, termsAdministered } from "./access";
import { classCountsByCourse, classCountsByTerm, currentStudentCounts } from "./counts";
import { enrollmentState } from "./enrollment-dates";

function requireActingAdmin(actor: Actor) {
  if (!can(actor.acting.role, "people:view")) throw new ForbiddenError();
}
function requireAdmin(actor: Actor) {
  if (
    !allows(
      actor.memberships.map((m) => m.role),
      "people:view",
    )
  )
    throw new ForbiddenError();
}

export type ClassFilters = PageRequest & { q?: string; organizationId?: string };

function nameContains(q: string | undefined) {
  const text = searchText(q);
  return text ? { contains: likeText(text), mode: "insensitive" as const } : undefined;
}

/** The schools the admin acts for, for filters and the school of a new course or term. */
export async function schoolsForAdmin(actor: Actor) {
  requireActingAdmin(actor);
  return db.organization.findMany({
    where: schoolsAdministered(actor, "acting"),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * Classes of the schools the admin acts for, by name, with their current teachers and student count.
 * A keyset page by (name, id) with no count. A district has thousands of classes over many schools,
 * and Postgres cannot merge one index's ordered runs over a list of schools: each school's next
 * names come from Class(schoolId, name) in a LATERAL subquery and the few per school are merged
 * (as the audit log and the admin's plan list do), so a page costs at most a page per school.
 */
export async function listClassesForAdmin(actor: Actor, filters: ClassFilters, size = PAGE_SIZE) {
  requireActingAdmin(actor);
  const schools = await db.organization.findMany({
    where: { AND: [schoolsAdministered(actor, "acting"), filters.organizationId ? { id: filters.organizationId } : {}] },
    select: { id: true },
  });
  const before = decodeCursor(filters.before);
  const after = before ? null : decodeCursor(filters.after);
  const cursor = before ?? after;
  // Earlier names are read downwards from the cursor, then put back in order.
  const order = before ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const past = cursor
    ? Prisma.sql`AND (c.name, c.id) ${before ? Prisma.sql`<` : Prisma.sql`>`} (${cursor.key}, ${cursor.id})`
    : Prisma.empty;
  const text = searchText(filters.q);
  const named = text ? Prisma.sql`AND c.name ILIKE ${`%${likeText(text)}%`}` : Prisma.empty;
  const keys = schools.length
    ? await db.$queryRaw<{ id: string; name: string }[]>`
        SELECT k.id, k.name FROM unnest(${schools.map((o) => o.id)}::text[]) AS s(id)
        CROSS JOIN LATERAL (
          SELECT c.id, c.name FROM "Class" c
          WHERE c."schoolId" = s.id ${named} ${past}
          ORDER BY c.name ${order}, c.id ${order} LIMIT ${size + 1}
        ) k
        ORDER BY k.name ${order}, k.id ${order} LIMIT ${size + 1}`
    : [];
  const page = keysetSlice(keys, size, { before: !!before, after: !!after }, (k) => encodeCursor({ key: k.name, id: k.id }));
  const ids = page.items.map((k) => k.id);
  const [rows, students] = await Promise.all([
    db.class.findMany({
      where: { AND: [classesAdministered(actor, "acting"), { id: { in: ids } }] },
      select: {
        id: true,
        name: true,
        gradeLevel: true,
        school: { select: { name: true } },
        course: { select: { title: true, subject: true } },
        term: { select: { name: true } },
        enrollments: {
          where: { role: "TEACHER", ...current() },
          orderBy: { user: { name: "asc" } },
          select: { user: { select: { id: true, name: true } } },
        },
      },
    }),
    currentStudentCounts(ids),
  ]);
  const byId = new Map(rows.map((c) => [c.id, c]));
  return {
    ...page,
    items: page.items.flatMap((k) => {
      const c = byId.get(k.id);
      if (!c) return [];
      return [
        {
          id: c.id,
          name: c.name,
          gradeLevel: c.gradeLevel,
          schoolName: c.school.name,
          course: c.course,
          termName: c.term?.name ?? null,
          teachers: c.enrollments.map((e) => e.user),
          studentCount: students.get(c.id) ?? 0,
        },
      ];
    }),
  };
}

/** One class with everyone who was ever in it (ended enrollments included, marked), or NotFoundError. */
export async function getClassForAdmin(actor: Actor, classId: string) {
  requireAdmin(actor);
  const c = await db.class.findFirst({
    where: { AND: [classesAdministered(actor), { id: classId }] },
    select: {
      id: true,
      name: true,
      gradeLevel: true,
      source: true,
      school: { select: { id: true, name: true } },
      course: { select: { id: true, title: true, code: true, subject: true } },
      term: { select: { id: true, name: true, startsOn: true, endsOn: true } },
      enrollments: {
        orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
        select: {
          id: true,
          role: true,
          beginsOn: true,
          endsOn: true,
          source: true,
          user: { select: { id: true, name: true, email: true } },
        },
      },
    },
  });
  if (!c) throw new NotFoundError("That class");
  const enrollments = c.enrollments.map((e) => ({
    id: e.id,
    role: e.role,
    beginsOn: e.beginsOn,
    endsOn: e.endsOn,
    state: enrollmentState(e),
    fromRoster: e.source !== null,
    person: e.user,
  }));
  return {
    id: c.id,
    name: c.name,
    gradeLevel: c.gradeLevel,
    fromRoster: c.source !== null,
    school: c.school,
    course: c.course,
    term: c.term,
    staff: enrollments.filter((e) => e.role !== "STUDENT"),
    students: enrollments.filter((e) => e.role === "STUDENT"),
  };
}
export type ClassForAdmin = Awaited<ReturnType<typeof getClassForAdmin>>;

/** Classes a student of this class could move to: the school's other classes of this term. */
export async function moveTargets(actor: Actor, classId: string) {
  requireAdmin(actor);
  const from = await db.class.findFirst({ where: { AND: [classesAdministered(actor), { id: classId }] }, select: { schoolId: true } });
  if (!from) throw new NotFoundError("That class");
  return db.class.findMany({
    where: { AND: [classesAdministered(actor), currentClass(), { schoolId: from.schoolId, id: { not: classId } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** The courses and terms of one school the admin runs, for a class's form. */
export async function classFormOptions(actor: Actor, schoolId: string) {
  requireAdmin(actor);
  const school = await db.organization.findFirst({
    where: { AND: [schoolsAdministered(actor), { id: schoolId }] },
    select: { id: true, name: true },
  });
  if (!school) throw new NotFoundError("That school");
  const [courses, terms] = await Promise.all([
    db.course.findMany({ where: { schoolId }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true, code: true } }),
    db.term.findMany({ where: { schoolId }, orderBy: [{ startsOn: "desc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  return { school, courses, terms };
}

export type CourseFilters = PageRequest & { q?: string; organizationId?: string };

/** Courses of the schools the admin acts for, by title, with how many classes each has. */
export async function listCourses(actor: Actor, filters: CourseFilters, size?: number) {
  requireActingAdmin(actor);
  const page = keyset("title", filters, { size });
  const title = nameContains(filters.q);
  const rows = await db.course.findMany({
    where: {
      AND: [
        coursesAdministered(actor, "acting"),
        filters.organizationId ? { schoolId: filters.organizationId } : {},
        title ? { OR: [{ title }, { code: title }] } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      title: true,
      code: true,
      subject: true,
      gradeLevel: true,
      school: { select: { name: true } },
    },
  });
  const classes = await classCountsByCourse(rows.map((c) => c.id));
  return page.page(
    rows.map((c) => ({ ...c, schoolName: c.school.name, classCount: classes.get(c.id) ?? 0 })),
    (c) => c.title,
  );
}

export async function getCourse(actor: Actor, courseId: string) {
  requireAdmin(actor);
  const c = await db.course.findFirst({
    where: { AND: [coursesAdministered(actor), { id: courseId }] },
    select: { id: true, title: true, code: true, subject: true, gradeLevel: true, school: { select: { id: true, name: true } } },
  });
  if (!c) throw new NotFoundError("That course");
  return c;
}

export type TermFilters = PageRequest & { organizationId?: string };

/** Terms of the schools the admin acts for, newest first. */
export async function listTerms(actor: Actor, filters: TermFilters, size?: number) {
  requireActingAdmin(actor);
  const page = keyset("startsOn", filters, { size, descending: true, date: true });
  const where: Prisma.TermWhereInput = {
    AND: [termsAdministered(actor, "acting"), filters.organizationId ? { schoolId: filters.organizationId } : {}, page.where],
  };
  const rows = await db.term.findMany({
    where,
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      school: { select: { name: true } },
    },
  });
  const classes = await classCountsByTerm(rows.map((t) => t.id));
  return page.page(
    rows.map((t) => ({ ...t, schoolName: t.school.name, classCount: classes.get(t.id) ?? 0 })),
    (t) => t.startsOn,
  );
}

export async function getTerm(actor: Actor, termId: string) {
  requireAdmin(actor);
  const t = await db.term.findFirst({
    where: { AND: [termsAdministered(actor), { id: termId }] },
    select: { id: true, name: true, startsOn: true, endsOn: true, school: { select: { id: true, name: true } } },
  });
  if (!t) throw new NotFoundError("That term");
  return t;
}
