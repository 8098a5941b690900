// The teacher's queue of evaluations due: only agreements whose plan they teach (or supervise),
// oldest first; nobody else's.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { activeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, person } from "@/test/fixtures";
import { listEvaluationsDue } from "./due";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planA: string;
let planB: string;

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student, s.classmate]);
  const classmateGuardian = await person(s.school, "GUARDIAN", "Cora Guardian");
  await db.guardianLink.create({ data: { districtId: s.district.id, guardianId: classmateGuardian.id, studentId: s.classmate.id } });
  planA = await activeAgreement(s.student, s.guardian, s.teacher);
  planB = await activeAgreement(s.classmate, classmateGuardian, s.teacher);
});

describe("listEvaluationsDue", () => {
  it("is empty while no evaluation is due", async () => {
    expect(await listEvaluationsDue(s.teacher)).toEqual([]);
  });

  it("lists the teacher's agreements with an evaluation due, oldest first", async () => {
    await db.studyAgreement.update({ where: { planId: planA }, data: { evaluationDueAt: new Date("2026-10-02T10:00:00Z") } });
    await db.studyAgreement.update({ where: { planId: planB }, data: { evaluationDueAt: new Date("2026-10-01T10:00:00Z") } });
    const due = await listEvaluationsDue(s.teacher);
    expect(due.map((d) => [d.planId, d.student.name])).toEqual([
      [planB, s.classmate.name],
      [planA, s.student.name],
    ]);
    expect(due[0]!.href).toBe(`/plans/${planB}/agreement#evaluation`);
    // The home page lists what the membership the teacher acts in grants.
    expect((await listEvaluationsDue(s.teacher, { scope: "acting" })).map((d) => d.planId)).toEqual([planB, planA]);
  });

  it("leaves out everyone who does not teach the student, and agreements no longer active", async () => {
    for (const other of [s.otherTeacher, s.teacherB, s.student, s.guardian, s.admin, s.districtAdmin, s.otherAdmin]) {
      expect(await listEvaluationsDue(other)).toEqual([]);
    }
    // A teacher assisting with the agreement sees it, but evaluating is for the student's teachers.
    const assistant = await person(s.school, "TEACHER", "Asa Assistant");
    const { id: agreementId } = await db.studyAgreement.findUniqueOrThrow({ where: { planId: planA } });
    await db.agreementAssistant.create({ data: { agreementId, userId: assistant.id, role: "Tutor" } });
    expect(await listEvaluationsDue(assistant)).toEqual([]);
    await db.studyAgreement.update({ where: { planId: planB }, data: { status: "ENDED" } });
    expect((await listEvaluationsDue(s.teacher)).map((d) => d.planId)).toEqual([planA]);
    await db.studyAgreement.update({ where: { planId: planB }, data: { status: "ACTIVE" } });
  });

  it("includes the supervising teacher, who may teach the student no class", async () => {
    const supervisor = await person(s.school, "TEACHER", "Sam Supervisor");
    expect(await listEvaluationsDue(supervisor)).toEqual([]);
    await db.studyAgreement.update({ where: { planId: planA }, data: { supervisingTeacherId: supervisor.id } });
    expect((await listEvaluationsDue(supervisor)).map((d) => d.planId)).toEqual([planA]);
  });
});
