// Work under an agreement: assignments within the board's maximum, submitted and recorded, and the
// evaluation three missed assignments make due, with the guardian told the same day.
import { beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { activeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, person } from "@/test/fixtures";
import { addAssignment, recordAssignment, recordEvaluation, submitAssignment, workTotals } from "./work";
import { addSchoolDays } from "./school-days";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;

const assignment = (overrides: Record<string, unknown> = {}) => ({
  planId,
  subject: "MATH",
  title: "Ratio tables",
  description: "Complete the worksheet.",
  assignedOn: "2026-09-07",
  dueOn: "2026-09-18",
  ...overrides,
});

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student]);
  planId = await activeAgreement(s.student, s.guardian, s.teacher);
});

describe("assignments", () => {
  it("are assigned by a teacher under a subject of the agreement, due within the board's maximum", async () => {
    await expect(addAssignment(s.student, assignment())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addAssignment(s.otherTeacher, assignment())).rejects.toBeInstanceOf(NotFoundError);
    await expect(addAssignment(s.teacher, assignment({ subject: "ARTS" }))).rejects.toMatchObject({
      fieldErrors: { subject: [expect.any(String)] },
    });
    // 2026-09-07 to 2026-09-22 is 11 school days after assigning: over the board's 10 for grade 7.
    await expect(addAssignment(s.teacher, assignment({ dueOn: "2026-09-22" }))).rejects.toMatchObject({
      fieldErrors: { dueOn: ["The board allows at most 10 school days from assigning work to its due date for grade 7."] },
    });
    await expect(addAssignment(s.teacher, assignment({ dueOn: "2026-09-01" }))).rejects.toBeInstanceOf(InputError);
    const { id } = await addAssignment(s.teacher, assignment({ dueOn: "2026-09-21" }));
    expect(await db.studyAssignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ASSIGNED", subject: "MATH" });
  });

  it("are submitted by the student, once, with evidence from the plan only", async () => {
    const { id } = await addAssignment(s.teacher, assignment({ title: "Essay" }));
    const foreign = await db.evidence.create({
      data: { planId, studentId: s.classmate.id, kind: "TEXT", title: "Not mine", text: "" },
    });
    await expect(submitAssignment(s.guardian, { planId, assignmentId: id, evidenceId: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitAssignment(s.student, { planId, assignmentId: id, evidenceId: foreign.id })).rejects.toBeInstanceOf(InputError);
    await submitAssignment(s.student, { planId, assignmentId: id, evidenceId: "" });
    await expect(submitAssignment(s.student, { planId, assignmentId: id, evidenceId: "" })).rejects.toBeInstanceOf(ConflictError);
    await recordAssignment(s.teacher, { planId, assignmentId: id, outcome: "COMPLETED", timeValueMinutes: 90 });
    const totals = await workTotals(db, (await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).id, [
      { subject: "MATH", credits: 5, measure: "" },
    ]);
    expect(totals).toEqual([{ subject: "MATH", credits: 5, measure: "", minutes: 90, completed: 1, missed: 0, open: 1 }]);
  });

  it("make an evaluation due at the board's limit of missed work, and tell the guardian the same day", async () => {
    const ids = [];
    for (const title of ["One", "Two", "Three"]) ids.push((await addAssignment(s.teacher, assignment({ title }))).id);
    expect(await recordAssignment(s.teacher, { planId, assignmentId: ids[0]!, outcome: "MISSED", timeValueMinutes: null })).toEqual({
      evaluationDue: false,
    });
    await recordAssignment(s.teacher, { planId, assignmentId: ids[1]!, outcome: "MISSED", timeValueMinutes: null });
    // Recording the same missed work again counts it once.
    expect(await recordAssignment(s.teacher, { planId, assignmentId: ids[1]!, outcome: "MISSED", timeValueMinutes: null })).toEqual({
      evaluationDue: false,
    });
    expect(await db.notification.count({ where: { planId, type: "EVALUATION_DUE" } })).toBe(0);
    expect(await recordAssignment(s.teacher, { planId, assignmentId: ids[2]!, outcome: "MISSED", timeValueMinutes: null })).toEqual({
      evaluationDue: true,
    });
    const agreement = await db.studyAgreement.findUniqueOrThrow({ where: { planId } });
    expect(isoDay(agreement.evaluationDueAt!)).toBe(isoDay(new Date()));
    const notified = await db.notification.findMany({ where: { planId, type: "EVALUATION_DUE" }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([s.guardian.id, s.student.id].sort());
    await expect(
      recordAssignment(s.teacher, { planId, assignmentId: ids[0]!, outcome: "COMPLETED", timeValueMinutes: null }),
    ).rejects.toThrow();
  });
});

describe("the supervising teacher", () => {
  it("records work even without teaching the student in a class", async () => {
    const supervisor = await person(s.school, "TEACHER", "Sam Supervisor");
    await db.studyAgreement.update({ where: { planId }, data: { supervisingTeacherId: supervisor.id } });
    const { id } = await addAssignment(supervisor, assignment({ title: "Supervised" }));
    await recordAssignment(supervisor, { planId, assignmentId: id, outcome: "COMPLETED", timeValueMinutes: 30 });
    await db.studyAgreement.update({ where: { planId }, data: { supervisingTeacherId: s.teacher.id } });
  });
});

describe("the evaluation", () => {
  it("is recorded by a teacher, dated, read by the guardian; a return to the classroom is within five school days", async () => {
    await expect(
      recordEvaluation(s.guardian, { planId, evaluation: { outcome: "CONTINUE_WITH_CHANGES", notes: "x", returnOn: "" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const calendar = { startsOn: "2026-08-17", endsOn: "2027-06-10" };
    const tooLate = addSchoolDays(isoDay(new Date()), 6, calendar);
    if (tooLate) {
      await expect(
        recordEvaluation(s.teacher, { planId, evaluation: { outcome: "RETURN_TO_CLASSROOM", notes: "Back to class.", returnOn: tooLate } }),
      ).rejects.toMatchObject({ fieldErrors: { returnOn: [expect.stringContaining("five school days")] } });
    }
    await recordEvaluation(s.teacher, {
      planId,
      evaluation: { outcome: "CONTINUE_WITH_CHANGES", notes: "Shorter assignments, daily check-ins.", returnOn: "" },
    });
    const agreement = await db.studyAgreement.findUniqueOrThrow({ where: { planId }, include: { evaluations: true } });
    expect(agreement).toMatchObject({ evaluationDueAt: null, status: "ACTIVE" });
    expect(agreement.evaluations[0]).toMatchObject({ outcome: "CONTINUE_WITH_CHANGES", missedCount: 3 });
    expect(await db.notification.count({ where: { planId, userId: s.guardian.id, type: "EVALUATION_RECORDED" } })).toBe(1);
  });
});
