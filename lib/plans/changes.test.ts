import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { decideChange, getPlanChanges, proposeChange, withdrawChange } from "./changes";
import { createPlan, transitionPlan } from "./commands";
import { getPlan, planFormValues } from "./queries";
import type { PlanFormInput } from "./schemas";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const planRow = (id: string) => db.plan.findUniqueOrThrow({ where: { id }, select: { version: true, status: true, title: true } });
async function activePlan(title: string) {
  const id = (await createPlan(s.student, planInput({ title }))).id;
  for (const [actor, transition] of [
    [s.student, "submit"],
    [s.teacher, "approve"],
  ] as const) {
    await transitionPlan(actor, { planId: id, version: (await planRow(id)).version, transition, note: "" });
  }
  return id;
}
/** The plan's current content with its first goal renamed and a goal added. */
async function proposal(planId: string): Promise<PlanFormInput> {
  const current = planFormValues(await getPlan(s.student, planId));
  const [first] = current.goals;
  if (!first) throw new Error("no goal");
  return {
    ...current,
    goals: [
      { ...first, title: "Write a persuasive argument" },
      { ...first, id: undefined, title: "Give a talk" },
    ],
  };
}
const propose = async (planId: string, note = "I want to present too") =>
  proposeChange(s.student, { planId, version: (await planRow(planId)).version, plan: await proposal(planId), note });
const pendingOf = (planId: string) => db.planChange.findFirstOrThrow({ where: { planId, status: "PENDING" } });

describe("proposing a change to an active plan", () => {
  it("is for the plan's student only, while it is active", async () => {
    const id = await activePlan("Propose rules");
    const input = { planId: id, version: (await planRow(id)).version, plan: await proposal(id), note: "" };
    for (const actor of [s.classmate, s.otherTeacher, s.otherGuardian, s.otherAdmin]) {
      await expect(proposeChange(actor, input)).rejects.toThrow("not found");
    }
    for (const actor of [s.teacher, s.guardian, s.admin, s.districtAdmin]) {
      await expect(proposeChange(actor, input)).rejects.toThrow("Changes are proposed on active plans by their student");
    }
    const draft = (await createPlan(s.student, planInput({ title: "Still a draft" }))).id;
    await expect(
      proposeChange(s.student, { planId: draft, version: 1, plan: planFormValues(await getPlan(s.student, draft)), note: "" }),
    ).rejects.toThrow("This plan is draft");
    expect(await db.planChange.count({ where: { planId: { in: [id, draft] } } })).toBe(0);
  });

  it("refuses a stale version, goals or activities of another plan and foreign standards", async () => {
    const id = await activePlan("Propose tampering");
    const other = await activePlan("Someone else's goal");
    const foreignGoal = await db.goal.findFirstOrThrow({ where: { planId: other } });
    const plan = await proposal(id);
    const version = (await planRow(id)).version;
    await expect(proposeChange(s.student, { planId: id, version: version - 1, plan, note: "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const withGoal = { ...plan, goals: [{ ...plan.goals[0]!, id: foreignGoal.id }] };
    await expect(proposeChange(s.student, { planId: id, version, plan: withGoal, note: "" })).rejects.toThrow("not part of this plan");
    const withActivity = {
      ...plan,
      goals: [
        {
          ...plan.goals[0]!,
          activities: [
            {
              id: "not-an-activity-here",
              description: "Read",
              setting: "HOME" as const,
              timing: "",
              withWhom: "",
              resourceKind: "NONE" as const,
              resource: "",
              resourceUrl: "",
            },
          ],
        },
      ],
    };
    await expect(proposeChange(s.student, { planId: id, version, plan: withActivity, note: "" })).rejects.toThrow("not part of this plan");
    const withStandard = { ...plan, goals: [{ ...plan.goals[0]!, standardIds: [s.foreignStandard.id] }] };
    await expect(proposeChange(s.student, { planId: id, version, plan: withStandard, note: "" })).rejects.toThrow(
      "standards does not exist",
    );
    expect(await db.planChange.count({ where: { planId: id } })).toBe(0);
  });

  it("waits as one pending change, tells the teachers, and leaves the plan active and as it was", async () => {
    const id = await activePlan("Propose and wait");
    const before = await planRow(id);
    const { id: changeId } = await propose(id);
    expect(await planRow(id)).toEqual(before);
    const change = await db.planChange.findUniqueOrThrow({ where: { id: changeId } });
    expect(change).toMatchObject({
      status: "PENDING",
      basedOnVersion: before.version,
      note: "I want to present too",
      proposedById: s.student.id,
    });
    expect(await db.planEvent.findFirst({ where: { planId: id, kind: "CHANGE_PROPOSED" } })).toMatchObject({ toStatus: "ACTIVE" });
    const notes = await db.notification.findMany({ where: { changeId }, select: { userId: true, type: true } });
    expect(notes).toEqual([{ userId: s.teacher.id, type: "CHANGE_PROPOSED" }]);
    await expect(propose(id)).rejects.toThrow("already waiting for the teacher");
  });

  it("lets only one of two proposals sent at once through (the partial unique index)", async () => {
    const id = await activePlan("Propose twice at once");
    const results = await Promise.allSettled([propose(id, "one"), propose(id, "two")]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected");
    expect(String((rejected as PromiseRejectedResult).reason)).toMatch(/already waiting for the teacher/);
    expect(await db.planChange.count({ where: { planId: id, status: "PENDING" } })).toBe(1);
  });
});

describe("the proposed change panel", () => {
  it("shows the pending change with its diff, and what each person may do", async () => {
    const id = await activePlan("Panel");
    await propose(id);
    const teacher = await getPlanChanges(s.teacher, id);
    expect(teacher.allowed).toEqual({ propose: false, decide: true });
    expect(teacher.pending?.diff.goals.map((g) => [g.kind, g.title])).toEqual([
      ["changed", "Write a persuasive argument"],
      ["added", "Give a talk"],
    ]);
    expect(teacher.pending?.withdraw).toBe(false);
    const student = await getPlanChanges(s.student, id);
    expect([student.allowed, student.pending?.withdraw]).toEqual([{ propose: false, decide: false }, true]);
    for (const actor of [s.guardian, s.admin]) {
      const seen = await getPlanChanges(actor, id);
      expect([seen.allowed, seen.pending?.withdraw, seen.pending?.note]).toEqual([
        { propose: false, decide: false },
        false,
        "I want to present too",
      ]);
    }
    for (const actor of [s.classmate, s.otherTeacher, s.otherAdmin]) await expect(getPlanChanges(actor, id)).rejects.toThrow("not found");
  });
});

describe("deciding on a proposed change", () => {
  it("is for a teacher of the student; ids of another plan are not found", async () => {
    const id = await activePlan("Decide rules");
    await propose(id);
    const change = await pendingOf(id);
    const other = await activePlan("Decide elsewhere");
    const input = { planId: id, changeId: change.id, decision: "approve", note: "" };
    for (const actor of [s.otherTeacher, s.classmate, s.otherAdmin]) await expect(decideChange(actor, input)).rejects.toThrow("not found");
    for (const actor of [s.student, s.guardian, s.admin]) await expect(decideChange(actor, input)).rejects.toThrow("Only a teacher");
    await expect(decideChange(s.teacher, { ...input, planId: other })).rejects.toThrow("That proposed change was not found");
    await expect(decideChange(s.teacher, { ...input, decision: "decline" })).rejects.toThrow("Tell the student why");
    expect((await pendingOf(id)).id).toBe(change.id);
  });

  it("approving applies it as a new revision; the plan stays active; the student is told", async () => {
    const id = await activePlan("Approve it");
    await propose(id);
    const change = await pendingOf(id);
    expect(await decideChange(s.teacher, { planId: id, changeId: change.id, decision: "approve", note: "Great idea" })).toEqual({
      status: "APPROVED",
    });
    const plan = await getPlan(s.student, id);
    expect(plan.status).toBe("ACTIVE");
    expect(plan.goals.map((g) => g.title)).toEqual(["Write a persuasive argument", "Give a talk"]);
    const last = await db.planRevision.findFirstOrThrow({ where: { planId: id }, orderBy: { number: "desc" } });
    expect([last.kind, last.authorId]).toEqual(["CHANGE_APPROVED", s.teacher.id]);
    expect(await db.planChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: s.teacher.id,
      decisionNote: "Great idea",
    });
    expect(await db.planEvent.findFirst({ where: { planId: id, kind: "CHANGE_APPROVED" } })).toMatchObject({ note: "Great idea" });
    expect(await db.notification.findMany({ where: { changeId: change.id, type: "CHANGE_DECIDED" }, select: { userId: true } })).toEqual([
      { userId: s.student.id },
    ]);
    // Decided once: a second decision finds nothing pending.
    await expect(decideChange(s.teacher, { planId: id, changeId: change.id, decision: "approve", note: "" })).rejects.toThrow("not found");
    const view = await getPlanChanges(s.student, id);
    expect(view.allowed.propose).toBe(true);
    expect(view.pending).toBeNull();
    expect(view.decided).toEqual([
      {
        id: change.id,
        status: "APPROVED",
        note: expect.any(String),
        decisionNote: "Great idea",
        createdAt: expect.any(Date),
        decidedAt: expect.any(Date),
        proposedBy: s.student.name,
        decidedBy: s.teacher.name,
      },
    ]);
  });

  it("declining leaves the plan as it was, with the reason for the student", async () => {
    const id = await activePlan("Decline it");
    const before = await getPlan(s.student, id);
    await propose(id);
    const change = await pendingOf(id);
    await decideChange(s.teacher, { planId: id, changeId: change.id, decision: "decline", note: "Keep the essay for now" });
    const after = await getPlan(s.student, id);
    expect([after.version, after.goals.map((g) => g.title)]).toEqual([before.version, before.goals.map((g) => g.title)]);
    expect(await db.planChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({
      status: "DECLINED",
      decisionNote: "Keep the essay for now",
    });
    expect(await db.notification.count({ where: { changeId: change.id, userId: s.student.id, type: "CHANGE_DECIDED" } })).toBe(1);
  });

  it("refuses to approve a proposal made on an older version of the plan", async () => {
    const id = await activePlan("Stale");
    await propose(id);
    const change = await pendingOf(id);
    // Anything that moves the edit lock (a status change, an edit) makes the proposal stale.
    await db.plan.update({ where: { id }, data: { version: { increment: 1 } } });
    await expect(decideChange(s.teacher, { planId: id, changeId: change.id, decision: "approve", note: "" })).rejects.toThrow(
      "The plan has changed since this change was proposed",
    );
    expect((await getPlan(s.student, id)).goals.map((g) => g.title)).toEqual(["Write an argument"]);
    expect((await pendingOf(id)).id).toBe(change.id);
    expect((await getPlanChanges(s.teacher, id)).pending?.stale).toBe(true);
  });
});

describe("withdrawing a proposed change", () => {
  it("is for the student who proposed it, and frees the plan for a new proposal", async () => {
    const id = await activePlan("Withdraw it");
    await propose(id);
    const change = await pendingOf(id);
    await expect(withdrawChange(s.classmate, { planId: id, changeId: change.id })).rejects.toThrow("not found");
    for (const actor of [s.teacher, s.guardian]) {
      await expect(withdrawChange(actor, { planId: id, changeId: change.id })).rejects.toThrow("Only the student who proposed");
    }
    await withdrawChange(s.student, { planId: id, changeId: change.id });
    expect(await db.planChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await db.planEvent.count({ where: { planId: id, kind: "CHANGE_WITHDRAWN" } })).toBe(1);
    await expect(propose(id)).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("a pending proposal when the plan leaves active", () => {
  it("is closed when the teacher sends the plan back to draft, so the student can propose again once it is active", async () => {
    const id = await activePlan("Sent back with a proposal");
    await propose(id);
    const change = await pendingOf(id);
    await transitionPlan(s.teacher, { planId: id, version: (await planRow(id)).version, transition: "sendBack", note: "Let's rethink" });
    expect(await db.planChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({
      status: "WITHDRAWN",
      decisionNote: "Closed because the plan is now draft.",
    });
    await expect(decideChange(s.teacher, { planId: id, changeId: change.id, decision: "approve", note: "" })).rejects.toThrow();
  });
});

describe("a proposal that drops a goal with evidence", () => {
  it("is refused when it is made, with the goal named, so the teacher is never handed one that cannot be approved", async () => {
    const id = await activePlan("Keeps its evidence");
    const goal = await db.goal.findFirstOrThrow({ where: { planId: id } });
    await addEvidence(s.student, { planId: id, goalId: goal.id, kind: "TEXT", title: "Draft", text: "My draft", url: "", reflection: "" });
    const current = planFormValues(await getPlan(s.student, id));
    const withoutIt = { ...current, goals: [{ ...current.goals[0]!, id: undefined, title: "Something new" }] };
    await expect(
      proposeChange(s.student, { planId: id, version: (await planRow(id)).version, plan: withoutIt, note: "Swap it" }),
    ).rejects.toThrow(`The goal “${goal.title}” already has evidence`);
    expect(await db.planChange.count({ where: { planId: id } })).toBe(0);
  });
});
