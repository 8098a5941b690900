import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addComment } from "@/lib/conversation/comments";
import { db } from "@/lib/db";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { listClasses, listStudents } from "@/lib/people/queries";
import { listReviewQueue } from "@/lib/plans/queries";
import { listEvidenceToRate, listOpenThreads, listOverdueGoals, listQuietStudents, teacherHome } from "./home";

let s: Awaited<ReturnType<typeof makeSchool>>;
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

async function step(actor: Actor, id: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionPlan(actor, { planId: id, version, transition, note: "" });
}

/** An active plan with two goals (the first past its target date), approved by the teacher. */
async function activePlan(student: Actor, teacher: Actor, title = "River study") {
  const goal = planInput().goals[0]!;
  const { id } = await createPlan(
    student,
    planInput({
      title,
      goals: [
        { ...goal, targetDate: "2020-01-15" },
        { ...goal, subject: "MATH", title: "Ratios", targetDate: "2099-01-01" },
      ],
    }),
  );
  await step(student, id, "submit");
  await step(teacher, id, "approve");
  const goals = await db.goal.findMany({ where: { planId: id }, orderBy: { position: "asc" }, select: { id: true } });
  return { id, goalIds: goals.map((g) => g.id) };
}

async function evidence(student: Actor, plan: { id: string; goalIds: string[] }, title: string, ageDays: number, goal = 0) {
  const { id } = await addEvidence(student, {
    planId: plan.id,
    goalId: plan.goalIds[goal],
    kind: "TEXT",
    title,
    text: "What I did.",
    url: "",
    reflection: "",
  });
  await db.evidence.update({ where: { id }, data: { createdAt: daysAgo(ageDays) } });
  return id;
}

const titles = (list: { items: { title: string }[] }) => list.items.map((i) => i.title);

// Sam (student) and Cal (classmate) are Tess's; Stan is Otto's; Bea is at school B (Ben's).
let sam: { id: string; goalIds: string[] };
let cal: { id: string; goalIds: string[] };
let stan: { id: string; goalIds: string[] };
let bea: { id: string; goalIds: string[] };
let oscar: { id: string; goalIds: string[] };
let otherTeacher: Actor;

beforeAll(async () => {
  s = await makeSchool();
  sam = await activePlan(s.student, s.teacher, "Sam's plan");
  cal = await activePlan(s.classmate, s.teacher, "Cal's plan");
  stan = await activePlan(s.strangerStudent, s.otherTeacher, "Stan's plan");
  bea = await activePlan(s.childB, s.teacherB, "Bea's plan");
  // A teacher in the other district, teaching Oscar there.
  otherTeacher = await person(s.otherSchool, "TEACHER", "Fay Faraway");
  const course = await db.course.create({ data: { schoolId: s.otherSchool.id, title: "Far", subject: "ELA" } });
  await db.class.create({
    data: {
      schoolId: s.otherSchool.id,
      courseId: course.id,
      name: "Far ELA",
      enrollments: {
        create: [
          { userId: otherTeacher.id, role: "TEACHER" },
          { userId: s.otherStudent.id, role: "STUDENT" },
        ],
      },
    },
  });
  oscar = await activePlan(s.otherStudent, otherTeacher, "Oscar's plan");

  await evidence(s.student, sam, "Sam newest", 1);
  await evidence(s.student, sam, "Sam oldest", 30);
  const rated = await evidence(s.student, sam, "Sam rated", 40);
  await rateEvidence(s.teacher, { evidenceId: rated, goalId: sam.goalIds[0], levelId: s.levels.DEVELOPING, feedback: "Keep going." });
  // Attached to both goals, rated for one: still waiting for the other.
  const both = await evidence(s.student, sam, "Sam on both goals", 20);
  await db.evidenceGoal.create({ data: { evidenceId: both, goalId: sam.goalIds[1]! } });
  await rateEvidence(s.teacher, { evidenceId: both, goalId: sam.goalIds[0], levelId: s.levels.PROFICIENT, feedback: "Good." });
  await evidence(s.classmate, cal, "Cal middle", 10);
  await evidence(s.strangerStudent, stan, "Stan's", 50);
  await evidence(s.childB, bea, "Bea's", 50);
  await evidence(s.otherStudent, oscar, "Oscar's", 50);
});

describe("evidence waiting for a rating", () => {
  it("lists the teacher's own students' unrated evidence per goal, oldest first, with the count", async () => {
    const list = await listEvidenceToRate(s.teacher);
    expect(titles(list)).toEqual(["Sam oldest", "Sam on both goals", "Cal middle", "Sam newest"]);
    expect(list.items[1]?.goal.id).toBe(sam.goalIds[1]);
    expect(list.total).toBe(4);
    expect(list.next).toBeNull();
  });

  it("shows nothing of them to another teacher, another school or another district", async () => {
    expect(titles(await listEvidenceToRate(s.otherTeacher))).toEqual(["Stan's"]);
    expect(titles(await listEvidenceToRate(s.teacherB))).toEqual(["Bea's"]);
    expect(titles(await listEvidenceToRate(otherTeacher))).toEqual(["Oscar's"]);
    // A guardian, admin or student acting in their own membership has no teacher's queue.
    expect((await listEvidenceToRate(s.admin)).total).toBe(0);
    expect((await listEvidenceToRate(s.student)).total).toBe(0);
  });

  it("pages by keyset, oldest first, and a rating takes the item off", async () => {
    const first = await listEvidenceToRate(s.teacher, null, 3);
    expect(titles(first)).toEqual(["Sam oldest", "Sam on both goals", "Cal middle"]);
    expect(first.total).toBe(4);
    const second = await listEvidenceToRate(s.teacher, first.next, 3);
    expect(titles(second)).toEqual(["Sam newest"]);
    expect(second.next).toBeNull();
    // A cursor that is not ours starts from the beginning.
    expect(titles(await listEvidenceToRate(s.teacher, "garbage", 1))).toEqual(["Sam oldest"]);

    const item = first.items[0]!;
    await rateEvidence(s.teacher, { evidenceId: item.id, goalId: item.goal.id, levelId: s.levels.BEGINNING, feedback: "Start here." });
    const after = await listEvidenceToRate(s.teacher);
    expect(titles(after)).toEqual(["Sam on both goals", "Cal middle", "Sam newest"]);
    expect(after.total).toBe(3);
  });
});

describe("students with no evidence lately", () => {
  it("lists the teacher's students with an active plan and no evidence in 14 days", async () => {
    // Sam added evidence a day ago; Cal's last was ten days ago.
    expect((await listQuietStudents(s.teacher)).total).toBe(0);
    const later = new Date(Date.now() + 5 * DAY);
    const quiet = await listQuietStudents(s.teacher, null, later);
    expect(quiet.items.map((q) => q.name)).toEqual([s.classmate.name]);
    expect(quiet.items[0]?.lastEvidenceAt?.getTime()).toBeCloseTo(daysAgo(10).getTime(), -5);
    expect(quiet.total).toBe(1);
    const muchLater = await listQuietStudents(s.teacher, null, new Date(Date.now() + 30 * DAY));
    expect(muchLater.items.map((q) => q.name)).toEqual([s.classmate.name, s.student.name].sort());
    expect(muchLater.total).toBe(2);
  });

  it("shows nothing of them to others", async () => {
    const later = new Date(Date.now() + 60 * DAY);
    expect((await listQuietStudents(s.otherTeacher, null, later)).items.map((q) => q.name)).toEqual([s.strangerStudent.name]);
    expect((await listQuietStudents(s.teacherB, null, later)).items.map((q) => q.name)).toEqual([s.childB.name]);
    expect((await listQuietStudents(otherTeacher, null, later)).items.map((q) => q.name)).toEqual([s.otherStudent.name]);
  });
});

describe("goals past their target date", () => {
  it("lists overdue goals not yet proficient on the teacher's active plans, the longest overdue first", async () => {
    // By the dates the evidence was created, Sam's first goal stands at Proficient (its newest
    // rated work, 20 days old); Cal's goal is not rated.
    const list = await listOverdueGoals(s.teacher);
    expect(list.items.map((g) => g.plan.title)).toEqual(["Cal's plan"]);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ level: null, rated: false });
    await db.goal.update({ where: { id: sam.goalIds[0] }, data: { targetDate: new Date("2019-06-01") } });
    const fresh = await evidence(s.student, sam, "Sam fresh", 0);
    await rateEvidence(s.teacher, { evidenceId: fresh, goalId: sam.goalIds[0], levelId: s.levels.DEVELOPING, feedback: "Rated." });
    // Under the most recent rating, Sam's goal is Developing again: overdue, and older.
    const again = await listOverdueGoals(s.teacher);
    expect(again.items.map((g) => g.plan.title)).toEqual(["Sam's plan", "Cal's plan"]);
    expect(again.items[0]).toMatchObject({ level: { name: "Developing" }, rated: true });
    expect(again.total).toBe(2);
    expect(again.next).toBeNull();
    expect((await listOverdueGoals(s.otherTeacher)).items.map((g) => g.plan.title)).toEqual(["Stan's plan"]);
    expect((await listOverdueGoals(s.teacherB)).items.map((g) => g.plan.title)).toEqual(["Bea's plan"]);
    expect((await listOverdueGoals(otherTeacher)).items.map((g) => g.plan.title)).toEqual(["Oscar's plan"]);
  });
});

describe("unresolved comment threads", () => {
  it("lists open threads on the teacher's students' plans, oldest first, with the count", async () => {
    const a = await addComment(s.student, { planId: sam.id, body: "Can I change my dates?" });
    const b = await addComment(s.teacher, { planId: cal.id, goalId: cal.goalIds[0], body: "Which sources?" });
    const c = await addComment(s.student, { planId: sam.id, body: "Sorted already." });
    await db.comment.update({ where: { id: a.id }, data: { createdAt: daysAgo(3) } });
    await db.comment.update({ where: { id: b.id }, data: { createdAt: daysAgo(2) } });
    await db.comment.update({ where: { id: c.id }, data: { createdAt: daysAgo(1), resolvedAt: new Date() } });
    await addComment(s.strangerStudent, { planId: stan.id, body: "Stan asks" });
    await addComment(s.childB, { planId: bea.id, body: "Bea asks" });
    await addComment(s.otherStudent, { planId: oscar.id, body: "Oscar asks" });

    const list = await listOpenThreads(s.teacher);
    expect(list.items.map((t) => t.body)).toEqual(["Can I change my dates?", "Which sources?"]);
    expect(list.items[1]?.goal?.id).toBe(cal.goalIds[0]);
    expect(list.total).toBe(2);
    expect((await listOpenThreads(s.otherTeacher)).items.map((t) => t.body)).toEqual(["Stan asks"]);
    expect((await listOpenThreads(s.teacherB)).items.map((t) => t.body)).toEqual(["Bea asks"]);
    expect((await listOpenThreads(otherTeacher)).items.map((t) => t.body)).toEqual(["Oscar asks"]);
  });
});

describe("the review queue on the home page", () => {
  it("is the access rule's queue, read among the taught plans' ids: the teacher's own students only", async () => {
    const submitted = async (student: Actor, title: string) => {
      const { id } = await createPlan(student, planInput({ title }));
      await step(student, id, "submit");
      return id;
    };
    const [mine, otto, schoolB] = await Promise.all([
      submitted(s.classmate, "Cal waits"),
      submitted(s.strangerStudent, "Stan waits"),
      submitted(s.childB, "Bea waits"),
    ]);
    const home = await teacherHome(s.teacher, { queuePage: 1, studentPage: 1 });
    const ruled = await listReviewQueue(s.teacher, 1);
    expect(home.queue).toEqual(ruled);
    const ids = home.queue.items.map((p) => p.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(otto);
    expect(ids).not.toContain(schoolB);
    expect(home.queue.total).toBe(ids.length);
  });
});

describe("the students and classes on the home page", () => {
  it("are the rules' lists, read by the ids and plan counts the page has already read", async () => {
    const home = await teacherHome(s.teacher, { queuePage: 1, studentPage: 1 });
    expect(home.students).toEqual(await listStudents(s.teacher, 1));
    expect(home.students.items.map((x) => [x.name, x.classes])).toEqual([
      [s.classmate.name, [{ id: s.classA.id, name: "7 ELA" }]],
      [s.student.name, [{ id: s.classA.id, name: "7 ELA" }]],
    ]);
    const samsPlans = await db.plan.count({ where: { studentId: s.student.id, deletedAt: null } });
    expect(home.students.items.find((x) => x.id === s.student.id)?.planCount).toBe(samsPlans);
    expect(samsPlans).toBeGreaterThan(0);
    expect(home.classes).toEqual(await listClasses(s.teacher));
    expect(home.classes).toEqual([{ id: s.classA.id, name: "7 ELA", subject: "ELA", teachers: ["Tess Teacher"], studentCount: 2 }]);
  });
});

describe("what falls out of every list", () => {
  it("a deleted plan and an ended enrollment leave nothing behind", async () => {
    const before = await listEvidenceToRate(s.teacher);
    expect(before.items.some((i) => i.plan.id === cal.id)).toBe(true);
    // Cal's enrollment in Tess's class ends: Tess no longer teaches Cal.
    await db.enrollment.updateMany({ where: { classId: s.classA.id, userId: s.classmate.id }, data: { endsOn: daysAgo(2) } });
    const later = new Date(Date.now() + 60 * DAY);
    const gone = (items: { plan: { id: string } }[]) => items.every((i) => i.plan.id !== cal.id);
    expect(gone((await listEvidenceToRate(s.teacher)).items)).toBe(true);
    expect(gone((await listOverdueGoals(s.teacher)).items)).toBe(true);
    expect(gone((await listOpenThreads(s.teacher)).items)).toBe(true);
    expect((await listQuietStudents(s.teacher, null, later)).items.map((q) => q.name)).toEqual([s.student.name]);

    // Sam's plan deleted (a deleted plan is gone for everyone): nothing of it shows.
    await db.plan.update({ where: { id: sam.id }, data: { deletedAt: new Date() } });
    const counts = await Promise.all([
      listEvidenceToRate(s.teacher),
      listOverdueGoals(s.teacher),
      listOpenThreads(s.teacher),
      listQuietStudents(s.teacher, null, later),
    ]);
    expect(counts.map((c) => c.total)).toEqual([0, 0, 0, 0]);
  });
});
