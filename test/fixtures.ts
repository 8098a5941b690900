// A small district per test file: school A with two teachers (a class each), three
// students, two guardians and an admin; school B with a student whose parent teaches at
// school A (two memberships); and a second district to prove nothing crosses districts.
import { randomUUID } from "node:crypto";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { PlanFormInput } from "@/lib/plans/schemas";

export const PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function makeDistrict(name = `District ${randomUUID().slice(0, 6)}`) {
  const id = randomUUID();
  const district = await db.organization.create({ data: { id, districtId: id, type: "DISTRICT", name } });
  const school = (label: string) =>
    db.organization.create({ data: { districtId: id, parentId: id, type: "SCHOOL", name: `${label} ${randomUUID().slice(0, 6)}` } });
  return { district, school };
}

/** A person with a membership in `organizationId`, as the actor the app would load for them. */
export async function person(org: { id: string; districtId: string }, role: Role, name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.user.create({
    data: {
      districtId: org.districtId,
      name,
      email,
      passwordHash: await (passwordHash ??= hashPassword(PASSWORD, 4)),
      memberships: { create: { organizationId: org.id, role } },
    },
    select: { id: true },
  });
  return actorOf(user.id);
}

/** The actor as loaded for a request, optionally acting in a given membership. */
export async function actorOf(userId: string, membershipId?: string): Promise<Actor> {
  const actor = await loadActor(userId, 1, membershipId);
  if (!actor) throw new Error(`No actor for ${userId}`);
  return actor;
}

async function classOf(school: { id: string }, name: string, subject: "ELA" | "MATH" | "SCIENCE", teacherId: string, studentIds: string[]) {
  const course = await db.course.create({ data: { schoolId: school.id, title: name, subject } });
  return db.class.create({
    data: {
      schoolId: school.id,
      courseId: course.id,
      name,
      enrollments: {
        create: [{ userId: teacherId, role: "TEACHER" }, ...studentIds.map((userId) => ({ userId, role: "STUDENT" as const }))],
      },
    },
  });
}

/** The ids of the four levels every district's default scale starts with (a trigger creates them). */
export function defaultLevels(districtId: string) {
  const id = (key: string) => `level_${key}_${districtId}`;
  return { BEGINNING: id("BEGINNING"), DEVELOPING: id("DEVELOPING"), PROFICIENT: id("PROFICIENT"), ADVANCED: id("ADVANCED") };
}

export async function makeSchool() {
  const { district, school: newSchool } = await makeDistrict();
  const other = await makeDistrict();
  const [school, schoolB, otherSchool] = await Promise.all([newSchool("School"), newSchool("School B"), other.school("Other")]);
  const [teacher, otherTeacher, student, classmate, strangerStudent, guardian, otherGuardian, admin, childB, teacherB] = await Promise.all([
    person(school, "TEACHER", "Tess Teacher"),
    person(school, "TEACHER", "Otto Teacher"),
    person(school, "STUDENT", "Sam Student"),
    person(school, "STUDENT", "Cal Classmate"),
    person(school, "STUDENT", "Stan Stranger"),
    person(school, "GUARDIAN", "Gina Guardian"),
    person(school, "GUARDIAN", "Gus Guardian"),
    person(school, "ADMIN", "Ada Admin"),
    person(schoolB, "STUDENT", "Bea Child"),
    person(schoolB, "TEACHER", "Ben Teacher"),
  ]);
  const [districtAdmin, otherAdmin, otherStudent] = await Promise.all([
    person(district, "ADMIN", "Dee District"),
    person(otherSchool, "ADMIN", "Olga Admin"),
    person(otherSchool, "STUDENT", "Oscar Student"),
  ]);
  const classA = await classOf(school, "7 ELA", "ELA", teacher.id, [student.id, classmate.id]);
  const classB = await classOf(school, "8 Math", "MATH", otherTeacher.id, [strangerStudent.id]);
  const classSchoolB = await classOf(schoolB, "4 Science", "SCIENCE", teacherB.id, [childB.id]);
  await db.guardianLink.createMany({
    data: [
      { districtId: district.id, guardianId: guardian.id, studentId: student.id },
      { districtId: district.id, guardianId: otherGuardian.id, studentId: strangerStudent.id },
      // Otto teaches at school A and is Bea's parent at school B.
      { districtId: district.id, guardianId: otherTeacher.id, studentId: childB.id },
    ],
  });
  await db.membership.create({ data: { userId: otherTeacher.id, organizationId: schoolB.id, districtId: district.id, role: "GUARDIAN" } });
  const teacherParent = await actorOf(otherTeacher.id);
  const standard = await db.standard.create({
    data: { organizationId: district.id, code: `ELA.${randomUUID().slice(0, 4)}`, subject: "ELA", description: "Cite evidence" },
  });
  const foreignStandard = await db.standard.create({
    data: { organizationId: other.district.id, code: "X.1", subject: "ELA", description: "Elsewhere" },
  });
  return {
    district,
    levels: defaultLevels(district.id),
    school,
    schoolB,
    other: other.district,
    otherSchool,
    teacher,
    otherTeacher: teacherParent,
    teacherParent,
    student,
    classmate,
    strangerStudent,
    guardian,
    otherGuardian,
    admin,
    districtAdmin,
    otherAdmin,
    otherStudent,
    childB,
    teacherB,
    classA,
    classB,
    classSchoolB,
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
        activities: [],
      },
    ],
    ...overrides,
  };
}
