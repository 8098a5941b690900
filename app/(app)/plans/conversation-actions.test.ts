// The conversation's server actions replayed as a browser could post them, with tampered
// ids: nothing leaks, nothing changes, and the answer is a stable code.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./conversation-actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let mine: string, theirs: string, myGoal: string, theirGoal: string;

async function activePlan(student: Actor, title: string) {
  const { id } = await createPlan(student, planInput({ title }));
  for (const [actor, transition] of [
    [student, "submit"],
    [s.teacher, "approve"],
  ] as const) {
    const { version } = await db.plan.findUniqueOrThrow({ where: { id } });
    await transitionPlan(actor, { planId: id, version, transition, note: "" });
  }
  return { id, goalId: (await db.goal.findFirstOrThrow({ where: { planId: id } })).id };
}

beforeAll(async () => {
  s = await makeSchool();
  ({ id: mine, goalId: myGoal } = await activePlan(s.student, "Sam's"));
  ({ id: theirs, goalId: theirGoal } = await activePlan(s.classmate, "Cal's"));
});
beforeEach(() => {
  signedIn = null;
});

const counts = async () => ({
  comments: await db.comment.count({ where: { planId: { in: [mine, theirs] } } }),
  resolved: await db.comment.count({ where: { planId: { in: [mine, theirs] }, resolvedAt: { not: null } } }),
  reflections: await db.reflection.count({ where: { planId: { in: [mine, theirs] } } }),
  replies: await db.reflectionReply.count({ where: { reflection: { planId: { in: [mine, theirs] } } } }),
});

describe("conversation actions", () => {
  it("refuse a signed-out caller and answer bad input with field errors", async () => {
    expect(await actions.addCommentAction({ planId: mine, body: "hi" })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.student;
    const empty = await actions.addReflectionAction({ planId: mine, goalId: "", learned: "", hard: "", next: "" });
    expect(empty).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { learned: ["Answer at least one of the questions."] } });
  });

  it("answer tampered ids with 'not found' and change nothing", async () => {
    signedIn = s.classmate;
    const theirThread = await actions.addCommentAction({ planId: theirs, body: "Cal's question" });
    const theirReflection = await actions.addReflectionAction({ planId: theirs, goalId: "", learned: "Fractions", hard: "", next: "" });
    if (!theirThread.ok || !theirReflection.ok) throw new Error("Cal could not write on his own plan");
    signedIn = s.student;
    const myThread = await actions.addCommentAction({ planId: mine, body: "Sam's question" });
    if (!myThread.ok) throw new Error("Sam could not comment on his own plan");
    const before = await counts();

    const attempts = [
      // Someone else's plan.
      await actions.addCommentAction({ planId: theirs, body: "peek" }),
      await actions.replyToCommentAction({ planId: theirs, parentId: theirThread.data.id, body: "peek" }),
      await actions.addReflectionAction({ planId: theirs, goalId: "", learned: "peek", hard: "", next: "" }),
      // My plan, with an id from theirs.
      await actions.addCommentAction({ planId: mine, goalId: theirGoal, body: "wrong goal" }),
      await actions.replyToCommentAction({ planId: mine, parentId: theirThread.data.id, body: "wrong thread" }),
      await actions.addReflectionAction({ planId: mine, goalId: theirGoal, learned: "wrong goal", hard: "", next: "" }),
    ];
    signedIn = s.teacher;
    attempts.push(
      await actions.setThreadResolvedAction({ planId: mine, threadId: theirThread.data.id, resolved: true }),
      await actions.replyToReflectionAction({ planId: mine, reflectionId: theirReflection.data.id, body: "wrong reflection" }),
    );
    signedIn = s.otherTeacher;
    attempts.push(
      await actions.setThreadResolvedAction({ planId: mine, threadId: myThread.data.id, resolved: true }),
      await actions.replyToReflectionAction({ planId: theirs, reflectionId: theirReflection.data.id, body: "not my student" }),
    );
    for (const r of attempts) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    expect(await counts()).toEqual(before);
  });

  it("answer a reader's attempt with 'forbidden', and let the right people through", async () => {
    signedIn = s.guardian;
    expect(await actions.addCommentAction({ planId: mine, goalId: myGoal, body: "Proud of you" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    signedIn = s.teacher;
    const thread = await actions.addCommentAction({ planId: mine, goalId: myGoal, body: "Which sources?" });
    if (!thread.ok) throw new Error("the teacher could not comment");
    signedIn = s.student;
    expect(await actions.setThreadResolvedAction({ planId: mine, threadId: thread.data.id, resolved: true })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await actions.replyToCommentAction({ planId: mine, parentId: thread.data.id, body: "Two books" })).ok).toBe(true);
    signedIn = s.teacher;
    expect(await actions.setThreadResolvedAction({ planId: mine, threadId: thread.data.id, resolved: true })).toEqual({
      ok: true,
      data: { id: thread.data.id, resolved: true },
    });
    signedIn = s.student;
    expect(await actions.replyToCommentAction({ planId: mine, parentId: thread.data.id, body: "Late" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});
