// Courses, terms, classes and enrollments as admins manage them: confined to their
// schools, field messages for bad input, ending that deletes nothing and takes access away
// from the right day, and a move that is all or nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { classesForMastery } from "@/lib/mastery/class-grid";
import { current } from "@/lib/people/access";
import { plansVisibleTo } from "@/lib/plans/access";
import { createPlan } from "@/lib/plans/commands";
import { actorOf, makeSchool, person, planInput } from "@/test/fixtures";
import {
  createClass,
  createCourse,
  createTerm,
  endClass,
  endEnrollment,
  enroll,
  moveStudent,
  updateClass,
  updateCourse,
  updateTerm,
} from "./commands";
import { lastDayBeforeToday, todayUtc } from "./enrollment-dates";
import { getClassForAdmin, listClassesForAdmin, listCourses, listTerms, moveTargets, type ClassFilters } from "./queries";
import { termFormSchema } from "./schemas";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).fieldErrors;
}

const audits = (entityId: string, action: string) => db.auditEvent.count({ where: { entityId, action } });
const isCurrent = async (enrollmentId: string) => (await db.enrollment.count({ where: { id: enrollmentId, ...current() } })) === 1;

async function newClass(actor = s.admin, school = s.school, name = "New class") {
  const course = await createCourse(actor, {
    organizationId: school.id,
    title: `${name} course`,
    code: "",
    subject: "MATH",
    gradeLevel: "7",
  });
  return createClass(actor, { name, courseId: course.id, termId: "", gradeLevel: "7" });
}

describe("courses and terms", () => {
  it("creates and edits a course and a term at the admin's school, audited", async () => {
    const course = await createCourse(s.admin, {
      organizationId: s.school.id,
      title: "Algebra",
      code: "MA-1",
      subject: "MATH",
      gradeLevel: "8",
    });
    await updateCourse(s.admin, { courseId: course.id, title: "Algebra I", code: "", subject: "MATH", gradeLevel: "" });
    expect(await db.course.findUniqueOrThrow({ where: { id: course.id } })).toMatchObject({
      title: "Algebra I",
      code: null,
      gradeLevel: null,
    });
    const term = await createTerm(s.admin, { organizationId: s.school.id, name: "Fall", startsOn: "2026-09-01", endsOn: "2026-12-18" });
    await updateTerm(s.admin, { termId: term.id, name: "Fall 2026", startsOn: "2026-09-02", endsOn: "2026-12-18" });
    expect((await db.term.findUniqueOrThrow({ where: { id: term.id } })).name).toBe("Fall 2026");
    expect(
      await Promise.all([
        audits(course.id, "course.create"),
        audits(course.id, "course.update"),
        audits(term.id, "term.create"),
        audits(term.id, "term.update"),
      ]),
    ).toEqual([1, 1, 1, 1]);
    expect((await listCourses(s.admin, { q: "algebra" })).items.map((c) => c.id)).toEqual([course.id]);
    expect((await listTerms(s.admin, {})).items.map((t) => t.id)).toContain(term.id);
  });

  it("answers a term that ends before it starts with a message on the end date", async () => {
    const input = { organizationId: s.school.id, name: "Backwards", startsOn: "2026-09-01", endsOn: "2026-08-31" };
    const parsed = termFormSchema.safeParse(input);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["endsOn", "The term must end on or after its first day."],
    ]);
    await expect(createTerm(s.admin, input)).rejects.toThrow();
    expect(await db.term.count({ where: { name: "Backwards" } })).toBe(0);
    // One day long is fine.
    await createTerm(s.admin, { ...input, endsOn: "2026-09-01" });
  });

  it("refuses another school's or district's courses and terms", async () => {
    expect(
      await fieldErrorsOf(createCourse(s.admin, { organizationId: s.schoolB.id, title: "X", code: "", subject: "ARTS", gradeLevel: "" })),
    ).toHaveProperty("organizationId");
    expect(
      await fieldErrorsOf(
        createTerm(s.otherAdmin, { organizationId: s.school.id, name: "X", startsOn: "2026-01-01", endsOn: "2026-02-01" }),
      ),
    ).toHaveProperty("organizationId");
    await expect(
      updateCourse(s.admin, { courseId: s.classSchoolB.courseId, title: "Hijacked", code: "", subject: "ARTS", gradeLevel: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createCourse(s.teacher, { organizationId: s.school.id, title: "X", code: "", subject: "ARTS", gradeLevel: "" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // A district admin runs every school of the district, and no school is a district.
    await createCourse(s.districtAdmin, { organizationId: s.schoolB.id, title: "B course", code: "", subject: "ARTS", gradeLevel: "" });
    expect(
      await fieldErrorsOf(
        createCourse(s.districtAdmin, { organizationId: s.district.id, title: "X", code: "", subject: "ARTS", gradeLevel: "" }),
      ),
    ).toHaveProperty("organizationId");
  });
});

describe("classes", () => {
  it("creates a class from a course and term of the same school, and refuses an unknown course or another school's term", async () => {
    const course = await createCourse(s.admin, { organizationId: s.school.id, title: "Poetry", code: "", subject: "ELA", gradeLevel: "" });
    const termB = await createTerm(s.districtAdmin, {
      organizationId: s.schoolB.id,
      name: "B term",
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
    });
    expect(
      await fieldErrorsOf(createClass(s.admin, { name: "X", courseId: s.classSchoolB.courseId, termId: "", gradeLevel: "" })),
    ).toHaveProperty("courseId");
    expect(await fieldErrorsOf(createClass(s.admin, { name: "X", courseId: "no-such-course", termId: "", gradeLevel: "" }))).toHaveProperty(
      "courseId",
    );
    expect(await fieldErrorsOf(createClass(s.admin, { name: "X", courseId: course.id, termId: termB.id, gradeLevel: "" }))).toHaveProperty(
      "termId",
    );
    const made = await createClass(s.admin, { name: "Poetry A", courseId: course.id, termId: "", gradeLevel: "6" });
    expect(await db.class.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      schoolId: s.school.id,
      gradeLevel: 6,
      termId: null,
    });
    await updateClass(s.admin, { classId: made.id, name: "Poetry B", courseId: course.id, termId: "", gradeLevel: "" });
    expect([await audits(made.id, "class.create"), await audits(made.id, "class.update")]).toEqual([1, 1]);
    await expect(
      updateClass(s.admin, { classId: s.classSchoolB.id, name: "X", courseId: course.id, termId: "", gradeLevel: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the admin's classes with current teachers and student counts; a school admin never sees school B's", async () => {
    const list = await listClassesForAdmin(s.admin, {}, 100);
    const classA = list.items.find((c) => c.id === s.classA.id);
    expect(classA).toMatchObject({ teachers: [{ id: s.teacher.id, name: "Tess Teacher" }], studentCount: 2 });
    expect(list.items.map((c) => c.id)).not.toContain(s.classSchoolB.id);
    expect((await listClassesForAdmin(s.districtAdmin, { q: "4 sci" })).items.map((c) => c.id)).toEqual([s.classSchoolB.id]);
    await expect(getClassForAdmin(s.admin, s.classSchoolB.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClassForAdmin(s.otherAdmin, s.classA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listClassesForAdmin(s.teacher, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("pages classes by name, each exactly once", async () => {
    for (let i = 0; i < 7; i++) await newClass(s.admin, s.school, `Paged ${i % 3}`);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listClassesForAdmin>> = await listClassesForAdmin(s.admin, { q: "paged", after }, 2);
      seen.push(...page.items.map((c) => c.id));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});

describe("counts beside a page, read for the page's rows only", () => {
  it("counts each class's current students (not teachers, aides, ended or future enrollments), as a fresh count does", async () => {
    const marker = `Counted ${randomUUID().slice(0, 6)}`;
    const term = await createTerm(s.admin, { organizationId: s.school.id, name: marker, startsOn: "2026-01-01", endsOn: "2099-12-31" });
    const course = await createCourse(s.admin, { organizationId: s.school.id, title: marker, code: "", subject: "ARTS", gradeLevel: "" });
    const full = await createClass(s.admin, { name: `${marker} full`, courseId: course.id, termId: term.id, gradeLevel: "" });
    const empty = await createClass(s.admin, { name: `${marker} empty`, courseId: course.id, termId: term.id, gradeLevel: "" });
    const t = await person(s.school, "TEACHER", `Tom ${marker}`);
    const kids = await Promise.all([1, 2, 3, 4, 5].map((i) => person(s.school, "STUDENT", `Kid ${i} ${marker}`)));
    const day = (offset: number) => new Date(todayUtc().getTime() + offset * 86_400_000);
    await db.enrollment.createMany({
      data: [
        { classId: full.id, userId: t.id, role: "TEACHER" },
        { classId: full.id, userId: s.otherTeacher.id, role: "AIDE" },
        { classId: full.id, userId: kids[0]!.id, role: "STUDENT" },
        { classId: full.id, userId: kids[1]!.id, role: "STUDENT", beginsOn: day(-30), endsOn: day(0) },
        { classId: full.id, userId: kids[2]!.id, role: "STUDENT", beginsOn: day(-30) },
        { classId: full.id, userId: kids[3]!.id, role: "STUDENT", endsOn: day(-1) },
        { classId: full.id, userId: kids[4]!.id, role: "STUDENT", beginsOn: day(1) },
        { classId: empty.id, userId: t.id, role: "TEACHER" },
      ],
    });
    const listed = (await listClassesForAdmin(s.admin, { q: marker })).items;
    expect(listed.map((c) => [c.name, c.studentCount, c.teachers.map((x) => x.name)])).toEqual([
      [`${marker} empty`, 0, [t.name]],
      [`${marker} full`, 3, [t.name]],
    ]);
    // Every row of a whole page agrees with a count made afresh.
    for (const c of (await listClassesForAdmin(s.districtAdmin, {}, 50)).items) {
      expect(c.studentCount).toBe(await db.enrollment.count({ where: { classId: c.id, role: "STUDENT", ...current() } }));
    }
    // The teacher's own class list counts the same way.
    const taught = await classesForMastery(await actorOf(t.id));
    expect(taught.map((c) => [c.id, c.studentCount])).toEqual([
      [empty.id, 0],
      [full.id, 3],
    ]);
  });

  it("counts each course's and term's classes, as a fresh count does", async () => {
    const marker = `Catalogue ${randomUUID().slice(0, 6)}`;
    const term = await createTerm(s.admin, { organizationId: s.school.id, name: marker, startsOn: "2090-01-01", endsOn: "2090-06-30" });
    const course = await createCourse(s.admin, { organizationId: s.school.id, title: marker, code: "", subject: "ARTS", gradeLevel: "" });
    const none = await createCourse(s.admin, {
      organizationId: s.school.id,
      title: `${marker} none`,
      code: "",
      subject: "ARTS",
      gradeLevel: "",
    });
    for (const i of [1, 2, 3])
      await createClass(s.admin, { name: `${marker} ${i}`, courseId: course.id, termId: i < 3 ? term.id : "", gradeLevel: "" });
    const courses = (await listCourses(s.admin, { q: marker })).items;
    expect(courses.map((c) => [c.id, c.classCount])).toEqual([
      [course.id, 3],
      [none.id, 0],
    ]);
    const terms = (await listTerms(s.admin, {}, 50)).items;
    expect(terms.find((t) => t.id === term.id)?.classCount).toBe(2);
    for (const t of terms) expect(t.classCount).toBe(await db.class.count({ where: { termId: t.id } }));
    for (const c of (await listCourses(s.districtAdmin, {}, 50)).items) {
      expect(c.classCount).toBe(await db.class.count({ where: { courseId: c.id } }));
    }
  });
});

describe("the class list, a keyset page per school merged", () => {
  let marker: string;
  beforeAll(async () => {
    marker = `Kx${randomUUID().slice(0, 4)}`;
    // Names interleaved across the two schools, repeated within and across them (ties on the
    // name, broken by id), and in different cases.
    const names = Array.from({ length: 23 }, (_, i) =>
      i % 6 === 0 ? `Tied ${marker}` : i % 7 === 0 ? `tied ${marker}` : `${String.fromCharCode(65 + ((i * 5) % 26))} ${marker}`,
    );
    for (const [i, name] of names.entries()) await newClass(s.districtAdmin, i % 3 === 0 ? s.schoolB : s.school, name);
  });

  async function expected(where: { schoolId?: string }) {
    const rows = await db.class.findMany({
      where: { name: { contains: marker, mode: "insensitive" }, school: { districtId: s.district.id }, ...where },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /** Every page following "next" from the first, then "previous" back from the last. */
  async function walk(actor: Actor, filters: ClassFilters, size: number) {
    const forwards: string[][] = [];
    let page = await listClassesForAdmin(actor, filters, size);
    expect(page.previous).toBeNull();
    forwards.push(page.items.map((c) => c.id));
    while (page.next) {
      page = await listClassesForAdmin(actor, { ...filters, after: page.next }, size);
      forwards.push(page.items.map((c) => c.id));
      expect(forwards.length).toBeLessThan(100);
    }
    const backwards: string[][] = [forwards.at(-1)!];
    while (page.previous) {
      page = await listClassesForAdmin(actor, { ...filters, before: page.previous }, size);
      backwards.unshift(page.items.map((c) => c.id));
    }
    expect(backwards).toEqual(forwards);
    expect(forwards.slice(0, -1).every((p) => p.length === size)).toBe(true);
    return forwards.flat();
  }

  it("walks every class of the district once, in (name, id) order, forwards and back, for any page size", async () => {
    const all = await expected({});
    expect(all).toHaveLength(23);
    for (const size of [1, 2, 3, 5, 22, 23, 50]) expect(await walk(s.districtAdmin, { q: marker.toUpperCase() }, size)).toEqual(all);
  });

  it("keeps a school admin to their school, and a district admin to the school they filter by", async () => {
    expect(await walk(s.admin, { q: marker }, 4)).toEqual(await expected({ schoolId: s.school.id }));
    expect(await walk(s.districtAdmin, { q: marker, organizationId: s.schoolB.id }, 2)).toEqual(await expected({ schoolId: s.schoolB.id }));
    expect((await listClassesForAdmin(s.otherAdmin, { q: marker })).items).toEqual([]);
  });

  it("takes % and _ in the search literally, and starts from the first page for a cursor that is not ours", async () => {
    expect((await listClassesForAdmin(s.districtAdmin, { q: `%${marker}` })).items).toEqual([]);
    expect((await listClassesForAdmin(s.districtAdmin, { q: `_ ${marker}` })).items).toEqual([]);
    const first = await listClassesForAdmin(s.districtAdmin, { q: marker }, 3);
    for (const bad of ["nonsense", Buffer.from("[1,2]").toString("base64url")]) {
      expect(await listClassesForAdmin(s.districtAdmin, { q: marker, after: bad }, 3)).toEqual(first);
    }
  });
});

describe("enrollments", () => {
  it("enrolls a student of the school and co-teachers, and answers anyone else with a field message", async () => {
    const c = await newClass(s.admin, s.school, "Co-taught");
    await enroll(s.admin, { classId: c.id, userId: s.teacher.id, role: "TEACHER", beginsOn: "" });
    await enroll(s.admin, { classId: c.id, userId: s.teacherParent.id, role: "TEACHER", beginsOn: "" });
    await enroll(s.admin, { classId: c.id, userId: s.otherTeacher.id, role: "AIDE", beginsOn: "" });
    const { id } = await enroll(s.admin, { classId: c.id, userId: s.student.id, role: "STUDENT", beginsOn: "" });
    expect(await isCurrent(id)).toBe(true);
    expect(await audits(id, "enrollment.create")).toBe(1);

    const notHere = [s.childB.id, s.otherStudent.id, s.teacher.id, s.guardian.id];
    for (const userId of notHere) {
      expect(await fieldErrorsOf(enroll(s.admin, { classId: c.id, userId, role: "STUDENT", beginsOn: "" }))).toEqual({
        userId: ["They are not a student of this school."],
      });
    }
    expect(await fieldErrorsOf(enroll(s.admin, { classId: c.id, userId: s.student.id, role: "TEACHER", beginsOn: "" }))).toHaveProperty(
      "userId",
    );
    expect(await fieldErrorsOf(enroll(s.admin, { classId: c.id, userId: s.student.id, role: "STUDENT", beginsOn: "" }))).toEqual({
      userId: ["They are in this class already."],
    });
    await expect(
      enroll(s.admin, { classId: s.classSchoolB.id, userId: s.student.id, role: "STUDENT", beginsOn: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const shown = await getClassForAdmin(s.admin, c.id);
    expect(shown.staff.map((e) => [e.person.name, e.role]).sort()).toEqual([
      ["Otto Teacher", "AIDE"],
      ["Otto Teacher", "TEACHER"],
      ["Tess Teacher", "TEACHER"],
    ]);
    expect(shown.students.map((e) => [e.person.id, e.state])).toEqual([[s.student.id, "current"]]);
  });

  it("ending a teacher's enrollment takes away their access to the student's plans from today, and deletes nothing", async () => {
    const c = await newClass(s.admin, s.school, "Access class");
    const t = await person(s.school, "TEACHER", "Terry Temp");
    const kid = await person(s.school, "STUDENT", "Kim Kid");
    const teaching = await enroll(s.admin, { classId: c.id, userId: t.id, role: "TEACHER", beginsOn: "" });
    await enroll(s.admin, { classId: c.id, userId: kid.id, role: "STUDENT", beginsOn: "" });
    const plan = await createPlan(kid, planInput({ title: "Kim's plan" }));
    const visible = async () => db.plan.count({ where: { AND: [plansVisibleTo(await actorOf(t.id)), { id: plan.id }] } });
    expect(await visible()).toBe(1);

    await endEnrollment(s.admin, { enrollmentId: teaching.id });
    const row = await db.enrollment.findUniqueOrThrow({ where: { id: teaching.id } });
    // The boundary: current() counts an enrollment on its last day, so its last day is yesterday.
    expect(row.endsOn?.toISOString()).toBe(lastDayBeforeToday().toISOString());
    expect(row.endsOn?.getTime()).toBe(todayUtc().getTime() - 86_400_000);
    expect(await visible()).toBe(0);
    expect(await db.plan.count({ where: { id: plan.id } })).toBe(1);
    expect(await db.enrollment.count({ where: { classId: c.id } })).toBe(2);
    expect(await audits(teaching.id, "enrollment.end")).toBe(1);
    expect((await getClassForAdmin(s.admin, c.id)).staff[0]?.state).toBe("ended");
    // Ended is ended: ending again is refused, and enrolling again starts the same row anew.
    await expect(endEnrollment(s.admin, { enrollmentId: teaching.id })).rejects.toBeInstanceOf(InputError);
    const again = await enroll(s.admin, { classId: c.id, userId: t.id, role: "TEACHER", beginsOn: "" });
    expect(again.id).toBe(teaching.id);
    expect(await visible()).toBe(1);
  });

  it("an enrollment whose last day is today still counts today (the roster's dates)", async () => {
    const c = await newClass(s.admin, s.school, "Last day");
    const kid = await person(s.school, "STUDENT", "Lia Lastday");
    const e = await db.enrollment.create({ data: { classId: c.id, userId: kid.id, role: "STUDENT", endsOn: todayUtc() } });
    expect(await isCurrent(e.id)).toBe(true);
    await endEnrollment(s.admin, { enrollmentId: e.id });
    expect(await isCurrent(e.id)).toBe(false);
  });

  it("another school's admin cannot end an enrollment", async () => {
    const e = await db.enrollment.findFirstOrThrow({ where: { classId: s.classA.id, userId: s.student.id } });
    await expect(endEnrollment(s.otherAdmin, { enrollmentId: e.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(endEnrollment(s.teacher, { enrollmentId: e.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await isCurrent(e.id)).toBe(true);
  });

  it("ends a class: every enrollment ends, nothing is deleted", async () => {
    const c = await newClass(s.admin, s.school, "Ending class");
    await enroll(s.admin, { classId: c.id, userId: s.teacher.id, role: "TEACHER", beginsOn: "" });
    await enroll(s.admin, { classId: c.id, userId: s.classmate.id, role: "STUDENT", beginsOn: "" });
    const future = new Date(todayUtc().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await enroll(s.admin, { classId: c.id, userId: s.strangerStudent.id, role: "STUDENT", beginsOn: future });
    await expect(endClass(s.otherAdmin, { classId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await endClass(s.admin, { classId: c.id })).toEqual({ id: c.id, ended: 3 });
    expect(await db.enrollment.count({ where: { classId: c.id } })).toBe(3);
    expect(await db.enrollment.count({ where: { classId: c.id, ...current() } })).toBe(0);
    expect((await listClassesForAdmin(s.admin, { q: "Ending class" })).items[0]).toMatchObject({ teachers: [], studentCount: 0 });
    expect(await audits(c.id, "class.end")).toBe(1);
  });
});

describe("moving a student", () => {
  it("ends here and enrolls there in one step, audited as a move", async () => {
    const from = await newClass(s.admin, s.school, "Move from");
    const to = await newClass(s.admin, s.school, "Move to");
    const kid = await person(s.school, "STUDENT", "Max Mover");
    const here = await enroll(s.admin, { classId: from.id, userId: kid.id, role: "STUDENT", beginsOn: "" });
    expect((await moveTargets(s.admin, from.id)).map((c) => c.id)).toContain(to.id);
    const moved = await moveStudent(s.admin, { enrollmentId: here.id, toClassId: to.id });
    expect(await isCurrent(here.id)).toBe(false);
    expect(await isCurrent(moved.id)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: moved.id, action: "enrollment.move" } });
    expect(audit.detail).toMatchObject({ fromClassId: from.id, toClassId: to.id, fromEnrollmentId: here.id });
  });

  it("is all or nothing: a refused target leaves the student where they were", async () => {
    const from = await newClass(s.admin, s.school, "Stay put");
    const kid = await person(s.school, "STUDENT", "Sid Stays");
    const here = await enroll(s.admin, { classId: from.id, userId: kid.id, role: "STUDENT", beginsOn: "" });
    // Known to the district admin, but Sid is not a student of school B: the end written first is rolled back.
    expect(await fieldErrorsOf(moveStudent(s.districtAdmin, { enrollmentId: here.id, toClassId: s.classSchoolB.id }))).toEqual({
      toClassId: ["They are not a student of this school."],
    });
    expect(await fieldErrorsOf(moveStudent(s.admin, { enrollmentId: here.id, toClassId: s.classSchoolB.id }))).toEqual({
      toClassId: ["There is no such class at your school."],
    });
    expect(await fieldErrorsOf(moveStudent(s.admin, { enrollmentId: here.id, toClassId: "no-such-class" }))).toHaveProperty("toClassId");
    expect(await fieldErrorsOf(moveStudent(s.admin, { enrollmentId: here.id, toClassId: from.id }))).toHaveProperty("toClassId");
    expect(await db.enrollment.findUniqueOrThrow({ where: { id: here.id } })).toMatchObject({ endsOn: null });
    expect(await db.enrollment.count({ where: { userId: kid.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "enrollment.move", detail: { path: ["userId"], equals: kid.id } } })).toBe(0);
  });
});
