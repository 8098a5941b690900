// The class pages' server actions, called as the browser would with tampered ids.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { current } from "@/lib/people/access";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

describe("class actions", () => {
  it("answer another school's class, enrollment or course with 'not found' and change nothing", async () => {
    signedIn = s.admin;
    const atB = await db.enrollment.findFirstOrThrow({ where: { classId: s.classSchoolB.id, role: "STUDENT" } });
    const results = [
      await actions.endClassAction({ classId: s.classSchoolB.id }),
      await actions.endEnrollmentAction({ enrollmentId: atB.id }),
      await actions.enrollAction({ classId: s.classSchoolB.id, userId: s.student.id, role: "STUDENT", beginsOn: "" }),
      await actions.saveClassAction({
        classId: s.classSchoolB.id,
        name: "Hijacked",
        courseId: s.classA.courseId,
        termId: "",
        gradeLevel: "",
      }),
      await actions.saveCourseAction({ courseId: s.classSchoolB.courseId, title: "Hijacked", code: "", subject: "ARTS", gradeLevel: "" }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.enrollment.count({ where: { classId: s.classSchoolB.id, ...current() } })).toBe(2);
    expect((await db.class.findUniqueOrThrow({ where: { id: s.classSchoolB.id } })).name).toBe("4 Science");
    expect((await db.course.findUniqueOrThrow({ where: { id: s.classSchoolB.courseId } })).title).toBe("4 Science");
  });

  it("answer bad choices next to their fields", async () => {
    signedIn = s.admin;
    const e = await db.enrollment.findFirstOrThrow({ where: { classId: s.classA.id, userId: s.student.id } });
    expect(await actions.moveStudentAction({ enrollmentId: e.id, toClassId: s.classSchoolB.id })).toMatchObject({
      ok: false,
      fieldErrors: { toClassId: ["There is no such class at your school."] },
    });
    expect(await actions.enrollAction({ classId: s.classA.id, userId: s.childB.id, role: "STUDENT", beginsOn: "" })).toMatchObject({
      ok: false,
      fieldErrors: { userId: ["They are not a student of this school."] },
    });
    expect(
      await actions.saveTermAction({ organizationId: s.school.id, name: "Backwards", startsOn: "2027-01-10", endsOn: "2027-01-09" }),
    ).toMatchObject({ ok: false, fieldErrors: { endsOn: ["The term must end on or after its first day."] } });
    expect(await actions.saveCourseAction({ title: "No school", code: "", subject: "ARTS", gradeLevel: "" })).toMatchObject({
      ok: false,
      fieldErrors: { organizationId: ["Choose a school."] },
    });
    expect(await db.enrollment.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ endsOn: null });
  });

  it("are closed to teachers", async () => {
    signedIn = s.teacher;
    expect(await actions.endClassAction({ classId: s.classA.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.enrollment.count({ where: { classId: s.classA.id, ...current() } })).toBe(3);
  });
});
