// The family's home: only the guardian's linked children, each part read through its access
// rule — a draft never submitted never shows — and the lists say what needs the guardian, what
// is coming up, the latest feedback, growth and records.
import { beforeAll, describe, expect, it } from "vitest";
import { saveAgreement, sendForSignatures, startAgreement } from "@/lib/agreements/commands";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { acknowledgePlan } from "@/lib/plans/acknowledgment";
import { createPlan } from "@/lib/plans/commands";
import { completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, planInput } from "@/test/fixtures";
import { ratedEvidence, step } from "@/test/plans";
import { familyHome } from "./summary";

let s: Awaited<ReturnType<typeof makeSchool>>;
let activeId: string;
let draftId: string;
let studyId: string;
const now = new Date("2026-11-20T12:00:00.000Z");

function goal(title: string, targetDate: string, standardIds: string[] = []) {
  return { ...planInput().goals[0]!, title, targetDate, standardIds };
}

beforeAll(async () => {
  s = await makeSchool();
  // Gina has two children: Sam and Cal.
  await db.guardianLink.create({ data: { districtId: s.district.id, guardianId: s.guardian.id, studentId: s.classmate.id } });

  ({ id: activeId } = await createPlan(
    s.student,
    planInput({ title: "Approved plan", endsOn: "2026-12-15", goals: [goal("Argue a case", "2026-12-01", [s.standard.id])] }),
  ));
  await step(s.student, activeId, "submit");
  await step(s.teacher, activeId, "approve");
  const goalId = (await db.goal.findFirstOrThrow({ where: { planId: activeId }, select: { id: true } })).id;
  await ratedEvidence(s.student, s.teacher, { planId: activeId, goalId }, s.levels.PROFICIENT, { title: "My essay" });

  ({ id: draftId } = await createPlan(
    s.student,
    planInput({ title: "Secret draft", endsOn: "2026-12-10", goals: [goal("Private goal", "2026-11-25")] }),
  ));

  // An independent study plan still in draft whose agreement was sent: the family signs it.
  await prepareIndependentStudy(s, [s.student]);
  ({ id: studyId } = await createPlan(s.student, planInput({ type: "INDEPENDENT_STUDY", title: "Study away" })));
  await startAgreement(s.teacher, { planId: studyId });
  const version = async () => (await db.studyAgreement.findUniqueOrThrow({ where: { planId: studyId } })).version;
  await saveAgreement(s.teacher, {
    planId: studyId,
    version: await version(),
    elements: completeAgreement(),
    supervisingTeacherId: s.teacher.id,
    assistants: [],
  });
  await sendForSignatures(s.teacher, { planId: studyId, version: await version() });

  const record = { studentId: s.student.id, schoolId: s.school.id, description: "What I did", setting: "COMMUNITY" as const };
  await db.learningRecord.create({ data: { ...record, title: "Museum visit", happenedOn: new Date("2026-11-10") } });
  await db.learningRecord.create({
    data: { ...record, title: "Tool suggestion", status: "SUGGESTED", happenedOn: new Date("2026-11-12") },
  });
});

describe("the family home", () => {
  it("lists only the guardian's linked children and shows the first by name", async () => {
    const home = await familyHome(s.guardian, { now });
    expect(home.children.map((c) => c.name)).toEqual(["Cal Classmate", "Sam Student"]);
    expect(home.child?.name).toBe("Cal Classmate");
    expect(home.summary).toMatchObject({ needs: [], upcoming: [], feedback: [], records: [], plans: { items: [] } });
  });

  it("answers NotFound for a child who is not theirs, and shows no one to a guardian without children", async () => {
    await expect(familyHome(s.otherGuardian, { childId: s.student.id, now })).rejects.toBeInstanceOf(NotFoundError);
    for (const childId of [s.strangerStudent.id, s.otherStudent.id, s.childB.id, "no-such-id"]) {
      await expect(familyHome(s.guardian, { childId, now })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(familyHome(s.teacher, { childId: s.student.id, now })).rejects.toBeInstanceOf(NotFoundError);
    const nobody = await familyHome(s.admin, { now });
    expect(nobody).toMatchObject({ children: [], child: null, summary: null });
  });

  it("shows the child's plans, dates, feedback, growth and records — never a draft that was not submitted", async () => {
    const { summary } = await familyHome(s.guardian, { childId: s.student.id, now });
    if (!summary) throw new Error("no summary");
    expect(summary.plans.items.map((p) => p.title)).toEqual(["Approved plan"]);
    expect(summary.upcoming).toEqual([
      { kind: "goal-target", on: "2026-12-01", title: "Argue a case", planId: activeId, planTitle: "Approved plan" },
      { kind: "plan-end", on: "2026-12-15", title: "Approved plan", planId: activeId, planTitle: "Approved plan" },
    ]);
    expect(summary.feedback).toEqual([
      {
        id: expect.any(String),
        at: expect.any(Date),
        level: { name: "Proficient", colour: expect.stringMatching(/^#[0-9a-f]{6}$/i) },
        feedback: "Noted.",
        rater: "Tess Teacher",
        on: "My essay",
        about: "Argue a case",
        href: expect.stringMatching(new RegExp(`^/plans/${activeId}#goal-.+`)),
      },
    ]);
    expect(summary.records.map((r) => r.title)).toEqual(["Museum visit"]);
    expect(summary.growth.rated).toBe(1);
    expect(summary.growth.overTime).toEqual([expect.objectContaining({ proficient: 1, rated: 1, percent: 100 })]);
    const everything = JSON.stringify(summary);
    expect(everything).not.toContain("Secret draft");
    expect(everything).not.toContain("Private goal");
    expect(everything).not.toContain(draftId);
  });

  it("shows teachers' ratings of the child's recorded learning among the feedback, never of a suggestion", async () => {
    const record = (title: string) => db.learningRecord.findFirstOrThrow({ where: { studentId: s.student.id, title } });
    const [museum, suggestion] = [await record("Museum visit"), await record("Tool suggestion")];
    const rating = (recordId: string, feedback: string, createdAt: Date) => ({
      recordId,
      standardId: s.standard.id,
      raterId: s.teacher.id,
      levelId: s.levels.ADVANCED,
      feedback,
      createdAt,
    });
    await db.recordRating.createMany({
      data: [rating(museum.id, "Great questions at the museum", new Date()), rating(suggestion.id, "Not yet shared", new Date())],
    });
    const { summary } = await familyHome(s.guardian, { childId: s.student.id, now });
    expect(summary?.feedback[0]).toEqual({
      id: expect.any(String),
      at: expect.any(Date),
      level: { name: "Advanced", colour: expect.stringMatching(/^#[0-9a-f]{6}$/i) },
      feedback: "Great questions at the museum",
      rater: "Tess Teacher",
      on: "Museum visit",
      about: s.standard.code,
      href: `/records/${museum.id}`,
    });
    expect(JSON.stringify(summary?.feedback)).not.toContain("Not yet shared");
    await db.recordRating.deleteMany({ where: { recordId: { in: [museum.id, suggestion.id] } } });
  });

  it("lists assignments due within the window and not yet handed in among the dates coming up", async () => {
    const { id: agreementId } = await db.studyAgreement.findUniqueOrThrow({ where: { planId: studyId }, select: { id: true } });
    const assignment = (title: string, dueOn: string, status: "ASSIGNED" | "SUBMITTED") => ({
      agreementId,
      subject: "ELA" as const,
      title,
      assignedOn: new Date("2026-11-01"),
      dueOn: new Date(dueOn),
      status,
    });
    await db.studyAssignment.createMany({
      data: [
        assignment("Read chapter 3", "2026-11-25", "ASSIGNED"),
        assignment("Handed in already", "2026-11-24", "SUBMITTED"),
        assignment("Far away", "2027-03-01", "ASSIGNED"),
      ],
    });
    const { summary } = await familyHome(s.guardian, { childId: s.student.id, now });
    expect(summary?.upcoming).toEqual([
      { kind: "assignment-due", on: "2026-11-25", title: "Read chapter 3", planId: studyId, planTitle: "Study away" },
      { kind: "goal-target", on: "2026-12-01", title: "Argue a case", planId: activeId, planTitle: "Approved plan" },
      { kind: "plan-end", on: "2026-12-15", title: "Approved plan", planId: activeId, planTitle: "Approved plan" },
    ]);
    // Another family sees none of it.
    const other = await familyHome(s.otherGuardian, { now });
    expect(JSON.stringify(other.summary?.upcoming ?? [])).not.toContain("Read chapter 3");
    await db.studyAssignment.deleteMany({ where: { agreementId } });
  });

  it("says what needs the guardian: the agreement to sign and the approved plan to acknowledge, until they do", async () => {
    const needs = async () => (await familyHome(s.guardian, { childId: s.student.id, now })).summary?.needs;
    const version = (await db.planRevision.findFirstOrThrow({ where: { planId: activeId }, orderBy: { number: "desc" } })).number;
    expect(await needs()).toEqual([
      expect.objectContaining({ kind: "sign", planId: studyId }),
      { kind: "acknowledge", planId: activeId, planTitle: "Approved plan", version, acknowledgedVersion: null },
    ]);
    await acknowledgePlan(s.guardian, { planId: activeId, version });
    expect(await needs()).toEqual([expect.objectContaining({ kind: "sign", planId: studyId })]);
  });
});
