// A small school per test file: two teachers with a class each, three students,
// a guardian, an admin, and a second school to prove nothing crosses schools.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { PlanFormInput } from "@/lib/plans/schemas";

export const PASSWORD = "correct horse battery";

async function person(schoolId: string, role: Role, name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@test.example`;
  const u = await db.user.create({
    data: { schoolId, role, name, email, passwordHash: await hashPassword(PASSWORD, 4) },
    select: { id: true, schoolId: true, role: true, name: true, email: true },
  });
  return u;
}

export async function makeSchool() {
  const school = await db.school.create({ data: { name: `School ${randomUUID().slice(0, 6)}` } });
  const other = await db.school.create({ data: { name: `Other ${randomUUID().slice(0, 6)}` } });
  const [teacher, otherTeacher, student, classmate, strangerStudent, guardian, otherGuardian, admin] = await Promise.all([
    person(school.id, "TEACHER", "Tess Teacher"),
    person(school.id, "TEACHER", "Otto Teacher"),
    person(school.id, "STUDENT", "Sam Student"),
    person(school.id, "STUDENT", "Cal Classmate"),
    person(school.id, "STUDENT", "Stan Stranger"),
    person(school.id, "GUARDIAN", "Gina Guardian"),
    person(school.id, "GUARDIAN", "Gus Guardian"),
    person(school.id, "ADMIN", "Ada Admin"),
  ]);
  const [otherAdmin, otherStudent] = await Promise.all([
    person(other.id, "ADMIN", "Olga Admin"),
    person(other.id, "STUDENT", "Oscar Student"),
  ]);
  const classA = await db.class.create({
    data: { schoolId: school.id, name: "7 ELA", subject: "ELA", teachers: { create: { teacherId: teacher.id } } },
  });
  const classB = await db.class.create({
    data: { schoolId: school.id, name: "8 Math", subject: "MATH", teachers: { create: { teacherId: otherTeacher.id } } },
  });
  await db.enrollment.createMany({
    data: [
      { classId: classA.id, studentId: student.id },
      { classId: classA.id, studentId: classmate.id },
      { classId: classB.id, studentId: strangerStudent.id },
    ],
  });
  await db.guardianLink.createMany({
    data: [
      { guardianId: guardian.id, studentId: student.id },
      { guardianId: otherGuardian.id, studentId: strangerStudent.id },
    ],
  });
  const standard = await db.standard.create({
    data: { schoolId: school.id, code: `ELA.${randomUUID().slice(0, 4)}`, subject: "ELA", description: "Cite evidence" },
  });
  const foreignStandard = await db.standard.create({ data: { schoolId: other.id, code: "X.1", subject: "ELA", description: "Elsewhere" } });
  return {
    school,
    other,
    teacher,
    otherTeacher,
    student,
    classmate,
    strangerStudent,
    guardian,
    otherGuardian,
    admin,
    otherAdmin,
    otherStudent,
    standard,
    foreignStandard,
  };
}

export function planInput(overrides: Partial<PlanFormInput> = {}): PlanFormInput {
  return {
    title: "River study",
    type: "PERSONALIZED",
    summary: "",
    startsOn: "2026-09-01",
    endsOn: "2026-12-15",
    goals: [
      {
        subject: "ELA",
        title: "Write an argument",
        successCriteria: "A claim with three reasons",
        masteryDemonstration: "An essay",
        targetDate: "",
        standardIds: [],
      },
    ],
    ...overrides,
  };
}
