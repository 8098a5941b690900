// The work actions are public endpoints: these replay them as a browser would, with tampered plan
// and assignment ids, and check that nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { activeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, person } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./work-actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let otherPlanId: string;
let assignmentId: string;
let foreignAssignmentId: string;

const assignment = (id = planId) => ({
  planId: id,
  subject: "MATH",
  title: "Ratio tables",
  description: "",
  assignedOn: "2026-09-07",
  dueOn: "2026-09-18",
});
const evaluation = { outcome: "CONTINUE_WITH_CHANGES", notes: "Shorter assignments.", returnOn: "" };
/** Everything the actions could change, to compare before and after. */
const snapshot = async () => ({
  assignments: await db.studyAssignment.findMany({ orderBy: { id: "asc" } }),
  evaluations: await db.studyEvaluation.count(),
  agreements: await db.studyAgreement.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, evaluationDueAt: true } }),
});

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student, s.strangerStudent]);
  planId = await activeAgreement(s.student, s.guardian, s.teacher);
  // Stan is in Otto's class; Gus is his guardian.
  otherPlanId = await activeAgreement(s.strangerStudent, s.otherGuardian, s.otherTeacher);
  signedIn = s.teacher;
  const made = await actions.addAssignmentAction(assignment());
  if (!made.ok) throw new Error(made.message);
  assignmentId = made.data.id;
  signedIn = s.otherTeacher;
  const foreign = await actions.addAssignmentAction(assignment(otherPlanId));
  if (!foreign.ok) throw new Error(foreign.message);
  foreignAssignmentId = foreign.data.id;
});
beforeEach(() => {
  signedIn = null;
});

describe("work actions", () => {
  it("refuse a signed-out caller", async () => {
    const before = await snapshot();
    expect(await actions.addAssignmentAction(assignment())).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect(await actions.recordAssignmentAction({ planId, assignmentId, outcome: "MISSED", timeValueMinutes: null })).toMatchObject({
      ok: false,
      code: "SESSION_ENDED",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("answer a tampered plan id with 'not found' and change nothing", async () => {
    const before = await snapshot();
    for (const outsider of [s.otherTeacher, s.otherGuardian, s.otherAdmin, s.classmate]) {
      signedIn = outsider;
      expect(await actions.addAssignmentAction(assignment())).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await actions.recordAssignmentAction({ planId, assignmentId, outcome: "MISSED", timeValueMinutes: null })).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
      expect(await actions.submitAssignmentAction({ planId, assignmentId, evidenceId: "" })).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
      expect(await actions.recordEvaluationAction({ planId, evaluation })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answer an assignment of another agreement with 'not found', under the caller's own plan", async () => {
    const before = await snapshot();
    signedIn = s.teacher;
    expect(
      await actions.recordAssignmentAction({ planId, assignmentId: foreignAssignmentId, outcome: "MISSED", timeValueMinutes: null }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.student;
    expect(await actions.submitAssignmentAction({ planId, assignmentId: foreignAssignmentId, evidenceId: "" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("answer what the role may not do with 'forbidden', and change nothing", async () => {
    const before = await snapshot();
    for (const who of [s.student, s.guardian]) {
      signedIn = who;
      expect(await actions.addAssignmentAction(assignment())).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await actions.recordAssignmentAction({ planId, assignmentId, outcome: "COMPLETED", timeValueMinutes: 600 })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect(await actions.recordEvaluationAction({ planId, evaluation })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    for (const who of [s.guardian, s.teacher]) {
      signedIn = who;
      expect(await actions.submitAssignmentAction({ planId, assignmentId, evidenceId: "" })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    // Evidence from another student's plan is refused beside the field.
    const foreign = await db.evidence.create({
      data: { planId: otherPlanId, studentId: s.strangerStudent.id, kind: "TEXT", title: "x", text: "" },
    });
    signedIn = s.student;
    expect(await actions.submitAssignmentAction({ planId, assignmentId, evidenceId: foreign.id })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { evidenceId: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("answer bad input with the field's message, and the board's maximum beside the due date", async () => {
    signedIn = s.teacher;
    const before = await snapshot();
    expect(await actions.addAssignmentAction({ ...assignment(), title: "" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { title: ["Give the assignment a title."] },
    });
    expect(await actions.addAssignmentAction({ ...assignment(), dueOn: "2026-09-22" })).toMatchObject({
      ok: false,
      fieldErrors: { dueOn: [expect.stringContaining("at most 10 school days")] },
    });
    expect(await actions.recordAssignmentAction({ planId, assignmentId, outcome: "COMPLETED", timeValueMinutes: null })).toMatchObject({
      ok: false,
      fieldErrors: { timeValueMinutes: [expect.any(String)] },
    });
    expect(await snapshot()).toEqual(before);
    expect(await actions.recordAssignmentAction({ planId, assignmentId, outcome: "COMPLETED", timeValueMinutes: 45 })).toEqual({
      ok: true,
      data: { evaluationDue: false },
    });
  });

  it("let the supervising teacher record work without teaching the student", async () => {
    const supervisor = await person(s.school, "TEACHER", "Sam Supervisor");
    signedIn = supervisor;
    expect(await actions.addAssignmentAction(assignment())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await db.studyAgreement.update({ where: { planId }, data: { supervisingTeacherId: supervisor.id } });
    expect(await actions.addAssignmentAction(assignment())).toMatchObject({ ok: true });
  });
});
