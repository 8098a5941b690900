import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { makeSchool, planInput } from "@/test/fixtures";
import { addComment } from "@/lib/conversation/comments";
import { createPlan, transitionPlan, updatePlan } from "./commands";
import { getPlan, listPlans, listReviewQueue } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

async function version(planId: string) {
  return (await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
}

async function draftOf(actor = s.student, title = "River study") {
  return (await createPlan(actor, planInput({ title }))).id;
}

async function move(actor: typeof s.student, planId: string, transition: string, note = "") {
  return transitionPlan(actor, { planId, version: await version(planId), transition, note });
}

describe("the plan lifecycle", () => {
  it("runs draft → submitted → in review → changes requested → resubmitted → active, recording every step", async () => {
    const id = await draftOf();
    await move(s.student, id, "submit");
    await move(s.teacher, id, "startReview");
    await expect(move(s.teacher, id, "requestChanges", "")).rejects.toBeInstanceOf(z.ZodError);
    await move(s.teacher, id, "requestChanges", "Add a science goal");
    const plan = await getPlan(s.student, id);
    expect(plan.status).toBe("CHANGES_REQUESTED");
    expect(plan.allowed.edit).toBe(true);
    await updatePlan(s.student, { planId: id, version: plan.version, plan: planInput({ title: "River study, revised" }) });
    await move(s.student, id, "submit");
    await move(s.teacher, id, "approve", "Great");
    const active = await getPlan(s.teacher, id);
    expect(active.status).toBe("ACTIVE");
    expect(active.title).toBe("River study, revised");
    expect(active.events.map((e) => e.toStatus)).toEqual(["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "SUBMITTED", "ACTIVE"]);
    expect(active.events[3]).toMatchObject({ note: "Add a science goal", actor: { id: s.teacher.id } });
    const revisions = await db.planRevision.findMany({ where: { planId: id }, orderBy: { number: "asc" }, select: { kind: true } });
    expect(revisions.map((r) => r.kind)).toEqual(["CREATED", "SUBMITTED", "EDITED", "SUBMITTED", "APPROVED"]);
    const studentNotes = await db.notification.count({ where: { userId: s.student.id, planId: id } });
    expect(studentNotes).toBeGreaterThan(0);
  });

  it("refuses transitions out of order or by the wrong role", async () => {
    const id = await draftOf();
    await expect(move(s.teacher, id, "approve")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(s.student, id, "approve")).rejects.toBeInstanceOf(ForbiddenError);
    await move(s.student, id, "submit");
    await expect(move(s.student, id, "submit")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(s.admin, id, "approve")).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getPlan(s.student, id)).status).toBe("SUBMITTED");
  });
});

describe("who sees which plans", () => {
  let mine: string;
  let classmates: string;
  let strangers: string;
  let foreign: string;
  beforeAll(async () => {
    mine = await draftOf(s.student, "Mine");
    classmates = await draftOf(s.classmate, "Classmate's");
    strangers = await draftOf(s.strangerStudent, "Stranger's");
    foreign = await draftOf(s.otherStudent, "Other school's");
    for (const id of [mine, strangers]) await move(id === mine ? s.student : s.strangerStudent, id, "submit");
  });

  const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

  it("a student sees only their own plans", async () => {
    const visible = ids(await listPlans(s.student, { page: 1 }));
    expect(visible).toContain(mine);
    expect(visible).not.toContain(classmates);
    expect(visible).not.toContain(strangers);
    await expect(getPlan(s.student, classmates)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a teacher sees only plans of students in their classes", async () => {
    const visible = ids(await listPlans(s.teacher, { page: 1 }));
    expect(visible).toEqual(expect.arrayContaining([mine, classmates]));
    expect(visible).not.toContain(strangers);
    expect(visible).not.toContain(foreign);
    await expect(getPlan(s.teacher, strangers)).rejects.toBeInstanceOf(NotFoundError);
    const queue = ids(await listReviewQueue(s.teacher, 1));
    expect(queue).toContain(mine);
    expect(queue).not.toContain(strangers);
    expect(ids(await listReviewQueue(s.otherTeacher, 1))).toEqual([strangers]);
  });

  it("a guardian sees only their linked children's plans", async () => {
    const visible = ids(await listPlans(s.guardian, { page: 1 }));
    expect(visible).toContain(mine);
    expect(visible).not.toContain(classmates);
    await expect(getPlan(s.guardian, strangers)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(s.otherGuardian, mine)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an admin sees every plan in their school and none elsewhere", async () => {
    const all = await listPlans(s.admin, { page: 1 });
    expect(ids(all)).toEqual(expect.arrayContaining([mine, classmates, strangers]));
    expect(ids(all)).not.toContain(foreign);
    await expect(getPlan(s.admin, foreign)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(s.otherAdmin, mine)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("writes by id follow the same rules: a foreign plan is not found", async () => {
    const v = await version(classmates);
    await expect(updatePlan(s.student, { planId: classmates, version: v, plan: planInput({ title: "Hijacked" }) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      transitionPlan(s.otherTeacher, { planId: mine, version: await version(mine), transition: "approve", note: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(s.otherTeacher, { planId: mine, body: "hi" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPlan(s.classmate, classmates)).title).toBe("Classmate's");
  });
});

describe("editing", () => {
  it("a student edits only in Draft or Changes requested", async () => {
    const id = await draftOf();
    await move(s.student, id, "submit");
    await expect(
      updatePlan(s.student, { planId: id, version: await version(id), plan: planInput({ title: "Too late" }) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // The student's teacher may still co-edit while the plan is under review.
    await updatePlan(s.teacher, { planId: id, version: await version(id), plan: planInput({ title: "Teacher tidy-up" }) });
    expect((await getPlan(s.student, id)).title).toBe("Teacher tidy-up");
  });

  it("a guardian never edits, comments or changes status", async () => {
    const id = await draftOf();
    // A draft is the student's own: the family does not find it until it is submitted.
    await expect(getPlan(s.guardian, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(s.guardian, { planId: id, body: "hello" })).rejects.toBeInstanceOf(NotFoundError);
    await move(s.student, id, "submit");
    await move(s.teacher, id, "startReview");
    await move(s.teacher, id, "requestChanges", "One more goal");
    const v = await version(id);
    await expect(updatePlan(s.guardian, { planId: id, version: v, plan: planInput({ title: "Parent edit" }) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(transitionPlan(s.guardian, { planId: id, version: v, transition: "submit", note: "" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(addComment(s.guardian, { planId: id, body: "hello" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPlan(s.guardian, planInput())).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getPlan(s.guardian, id)).allowed).toEqual({
      edit: false,
      delete: false,
      transitions: [],
      addEvidence: false,
      rateEvidence: false,
      comment: false,
    });
  });

  it("two people editing the same version never silently overwrite each other", async () => {
    const id = await draftOf();
    const v = await version(id);
    await updatePlan(s.student, { planId: id, version: v, plan: planInput({ title: "Student's edit" }) });
    await expect(
      updatePlan(s.teacher, { planId: id, version: v, plan: planInput({ title: "Teacher's stale edit" }) }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getPlan(s.student, id)).title).toBe("Student's edit");
  });

  it("keeps, reorders, adds and removes goals and their standards", async () => {
    const id = await draftOf();
    const before = await getPlan(s.student, id);
    const kept = { ...planInput().goals[0]!, id: before.goals[0]!.id, title: "Kept goal", standardIds: [s.standard.id] };
    const added = { ...planInput().goals[0]!, subject: "MATH" as const, title: "New goal" };
    await updatePlan(s.student, { planId: id, version: before.version, plan: planInput({ goals: [added, kept] }) });
    const after = await getPlan(s.student, id);
    expect(after.goals.map((g) => g.title)).toEqual(["New goal", "Kept goal"]);
    expect(after.goals[1]!.id).toBe(before.goals[0]!.id);
    expect(after.goals[1]!.standards.map((x) => x.id)).toEqual([s.standard.id]);
    await updatePlan(s.student, { planId: id, version: after.version, plan: planInput({ goals: [{ ...kept, standardIds: [] }] }) });
    expect((await getPlan(s.student, id)).goals.map((g) => g.title)).toEqual(["Kept goal"]);
  });
});

describe("bad input leaves saved data as it was", () => {
  it("rejects an empty title and an end date before the start date, with messages on the fields", async () => {
    const error = await createPlan(s.student, planInput({ title: "  ", startsOn: "2026-10-01", endsOn: "2026-09-01" })).catch((e) => e);
    expect(error).toBeInstanceOf(z.ZodError);
    const paths = (error as z.ZodError).issues.map((i) => [i.path.join("."), i.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["title", "plans.validation.titleRequired"],
        ["endsOn", "plans.validation.endBeforeStart"],
      ]),
    );
    const id = await draftOf(s.student, "Untouched");
    const v = await version(id);
    await expect(updatePlan(s.student, { planId: id, version: v, plan: planInput({ title: "" }) })).rejects.toBeInstanceOf(z.ZodError);
    await expect(createPlan(s.student, planInput({ goals: [] }))).rejects.toBeInstanceOf(z.ZodError);
    const plan = await getPlan(s.student, id);
    expect([plan.title, plan.version]).toEqual(["Untouched", v]);
  });

  it("refuses a goal id from another plan and a standard from another school, changing nothing", async () => {
    const mine = await draftOf(s.student, "Mine, intact");
    const theirs = await getPlan(s.classmate, await draftOf(s.classmate, "Theirs, intact"));
    const v = await version(mine);
    const tamperedGoal = { ...planInput().goals[0]!, id: theirs.goals[0]!.id, title: "Stolen goal" };
    await expect(updatePlan(s.student, { planId: mine, version: v, plan: planInput({ goals: [tamperedGoal] }) })).rejects.toBeInstanceOf(
      InputError,
    );
    const foreignStandard = { ...planInput().goals[0]!, standardIds: [s.foreignStandard.id] };
    await expect(updatePlan(s.student, { planId: mine, version: v, plan: planInput({ goals: [foreignStandard] }) })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(createPlan(s.student, planInput({ goals: [foreignStandard] }))).rejects.toBeInstanceOf(InputError);
    expect((await getPlan(s.classmate, theirs.id)).goals[0]!.title).toBe("Write an argument");
    const after = await getPlan(s.student, mine);
    expect([after.title, after.version, after.goals[0]!.standards]).toEqual(["Mine, intact", v, []]);
  });
});
