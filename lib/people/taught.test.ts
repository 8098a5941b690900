// A teacher's classes read once as ids (lib/people/taught.ts) stand in for the rule in their
// lists: the ids are classesTaughtBy's, the enrollments and students filtered by them are
// taughtEnrollment's and studentsVisibleTo's — for a class whose term is over, an enrollment that
// ended, a teacher who is also a parent acting in either role, and people who teach no one.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/test/fixtures";
import { classesTaughtBy, studentsVisibleTo, taughtEnrollment } from "./access";
import { studentsTaughtIn, taughtClassIds, taughtEnrollmentIn, taughtStudentEnrollmentsIn } from "./taught";

let s: Awaited<ReturnType<typeof makeSchool>>;
let people: Record<string, Actor>;
const DAY = 86_400_000;

beforeAll(async () => {
  s = await makeSchool();
  // Tess also taught a class whose term ended last month, and one she left last week.
  const term = await db.term.create({
    data: { schoolId: s.school.id, name: "Last year", startsOn: new Date(Date.now() - 300 * DAY), endsOn: new Date(Date.now() - 30 * DAY) },
  });
  const course = await db.course.create({ data: { schoolId: s.school.id, title: "Old course", subject: "ELA" } });
  await db.class.create({
    data: {
      schoolId: s.school.id,
      courseId: course.id,
      termId: term.id,
      name: "Over",
      enrollments: {
        create: [
          { userId: s.teacher.id, role: "TEACHER" },
          { userId: s.classmate.id, role: "STUDENT" },
        ],
      },
    },
  });
  await db.class.create({
    data: {
      schoolId: s.school.id,
      courseId: course.id,
      name: "Left",
      enrollments: {
        create: [
          { userId: s.teacher.id, role: "TEACHER", endsOn: new Date(Date.now() - 7 * DAY) },
          { userId: s.strangerStudent.id, role: "STUDENT" },
        ],
      },
    },
  });
  const memberships = await db.membership.findMany({ where: { userId: s.otherTeacher.id }, select: { id: true, role: true } });
  const as = (role: string) => memberships.find((m) => m.role === role)!.id;
  people = {
    teacher: s.teacher,
    otherTeacher: await actorOf(s.otherTeacher.id, as("TEACHER")),
    teacherActingAsParent: await actorOf(s.otherTeacher.id, as("GUARDIAN")),
    teacherB: s.teacherB,
    guardian: s.guardian,
    admin: s.admin,
  };
});

const sorted = (xs: string[]) => [...xs].sort();

describe("a teacher's classes, read once as ids", () => {
  it("are the rule's classes, in either scope, for everyone", async () => {
    for (const [who, actor] of Object.entries(people)) {
      for (const scope of ["all", "acting"] as const) {
        const ruled = await db.class.findMany({ where: classesTaughtBy(actor, scope), select: { id: true } });
        expect(sorted(await taughtClassIds(actor, scope)), `${who} (${scope})`).toEqual(sorted(ruled.map((c) => c.id)));
      }
    }
    // Only the class she teaches now: not the one whose term is over, nor the one she left.
    const names = await db.class.findMany({ where: { id: { in: await taughtClassIds(s.teacher, "all") } }, select: { name: true } });
    expect(names.map((c) => c.name)).toEqual(["7 ELA"]);
  });

  it("filter enrollments and students exactly as the rules do", async () => {
    for (const [who, actor] of Object.entries(people)) {
      for (const scope of ["all", "acting"] as const) {
        const ids = await taughtClassIds(actor, scope);
        const enrollments = async (where: object) =>
          sorted((await db.enrollment.findMany({ where, select: { id: true } })).map((e) => e.id));
        expect(await enrollments(taughtEnrollmentIn(ids)), `${who} (${scope})`).toEqual(await enrollments(taughtEnrollment(actor, scope)));
      }
      if (actor.acting.role !== "TEACHER") continue;
      const users = async (where: object) => sorted((await db.user.findMany({ where, select: { id: true } })).map((u) => u.id));
      const ids = await taughtClassIds(actor, "acting");
      expect(await users(studentsTaughtIn(actor, ids)), who).toEqual(await users(studentsVisibleTo(actor, "acting")));
      // The same students through their enrollments, each in the actor's classes only.
      const pairs = await db.enrollment.findMany({
        where: taughtStudentEnrollmentsIn(actor, ids),
        select: { userId: true, classId: true },
      });
      expect(sorted([...new Set(pairs.map((p) => p.userId))]), who).toEqual(await users(studentsVisibleTo(actor, "acting")));
      expect(
        pairs.every((p) => ids.includes(p.classId)),
        who,
      ).toBe(true);
    }
    const tess = await db.user.findMany({
      where: studentsTaughtIn(s.teacher, await taughtClassIds(s.teacher, "acting")),
      select: { id: true },
    });
    expect(sorted(tess.map((u) => u.id))).toEqual(sorted([s.student.id, s.classmate.id]));
  });
});
