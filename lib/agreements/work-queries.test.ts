// The work under an agreement as its page reads it: assignments per subject, totals against the
// credits promised, the evaluation due, and what each person may do; nobody else finds it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { activeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool } from "@/test/fixtures";
import { addAssignment, recordAssignment, recordEvaluation, submitAssignment } from "./work";
import { agreementWork } from "./work-queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;

const assignment = (title: string, subject = "MATH") => ({
  planId,
  subject,
  title,
  description: "",
  assignedOn: "2026-09-07",
  dueOn: "2026-09-18",
});

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student]);
  planId = await activeAgreement(s.student, s.guardian, s.teacher);
  const evidence = await db.evidence.create({ data: { planId, studentId: s.student.id, kind: "TEXT", title: "My worksheet", text: "" } });
  const done = await addAssignment(s.teacher, assignment("Ratio tables"));
  await submitAssignment(s.student, { planId, assignmentId: done.id, evidenceId: evidence.id });
  await recordAssignment(s.teacher, { planId, assignmentId: done.id, outcome: "COMPLETED", timeValueMinutes: 90 });
  const missed = await addAssignment(s.teacher, assignment("Fractions"));
  await recordAssignment(s.teacher, { planId, assignmentId: missed.id, outcome: "MISSED", timeValueMinutes: null });
  await addAssignment(s.teacher, assignment("Read a novel", "ELA"));
});

describe("agreementWork", () => {
  it("lists assignments per subject and totals them against the credits promised", async () => {
    const work = await agreementWork(s.teacher, planId);
    expect(work.subjects.map((x) => x.subject)).toEqual(["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"]);
    const math = work.subjects.find((x) => x.subject === "MATH")!.assignments;
    expect(math.map((x) => [x.title, x.status, x.evidenceTitle, x.timeValueMinutes])).toEqual([
      ["Ratio tables", "COMPLETED", "My worksheet", 90],
      ["Fractions", "MISSED", null, null],
    ]);
    expect(work.totals.find((t) => t.subject === "MATH")).toEqual({
      subject: "MATH",
      credits: 5,
      measure: "",
      minutes: 90,
      completed: 1,
      missed: 1,
      open: 0,
    });
    expect(work.totals.find((t) => t.subject === "ELA")).toMatchObject({ minutes: 0, open: 1 });
    expect(work).toMatchObject({ missedSinceEvaluation: 1, evaluationDueAt: null, missedLimit: 3, maxDaysToDue: 10 });
  });

  it("allows the teacher to assign, record and evaluate, the student to submit, the guardian to read", async () => {
    expect((await agreementWork(s.teacher, planId)).allowed).toEqual({ assign: true, record: true, evaluate: true, submit: false });
    const student = await agreementWork(s.student, planId);
    expect(student.allowed).toEqual({ assign: false, record: false, evaluate: false, submit: true });
    expect(student.evidence.map((e) => e.title)).toEqual(["My worksheet"]);
    const guardian = await agreementWork(s.guardian, planId);
    expect(guardian.allowed).toEqual({ assign: false, record: false, evaluate: false, submit: false });
    // Only the student chooses from their evidence.
    expect(guardian.evidence).toEqual([]);
    expect((await agreementWork(s.admin, planId)).allowed).toEqual({ assign: false, record: false, evaluate: false, submit: false });
  });

  it("is not found by another teacher, another family, another district or a classmate", async () => {
    for (const outsider of [s.otherTeacher, s.otherGuardian, s.otherAdmin, s.classmate]) {
      await expect(agreementWork(outsider, planId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("shows the evaluations, who recorded them, to the guardian, and counts missed work from the last one", async () => {
    await recordEvaluation(s.teacher, {
      planId,
      evaluation: { outcome: "CONTINUE_WITH_CHANGES", notes: "Shorter assignments.", returnOn: "" },
    });
    const work = await agreementWork(s.guardian, planId);
    expect(work.evaluations).toEqual([
      expect.objectContaining({
        outcome: "CONTINUE_WITH_CHANGES",
        notes: "Shorter assignments.",
        returnOn: null,
        missedCount: 1,
        by: s.teacher.name,
      }),
    ]);
    expect(work.missedSinceEvaluation).toBe(0);
  });
});
