// Who may take part in a plan's conversation: comment threads on the plan or a goal,
// replies, resolving, reflections and answers; and the review queue's open-thread count.
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { listReviewQueue } from "@/lib/plans/queries";
import { makeSchool, planInput } from "@/test/fixtures";
import { addComment, replyToComment, setThreadResolved } from "./comments";
import { getPlanConversation } from "./queries";
import { addReflection, replyToReflection } from "./reflections";

let s: Awaited<ReturnType<typeof makeSchool>>;
/** Sam's active plan, Sam's draft, Sam's archived plan, and Cal's active plan (another plan). */
let active: string, draft: string, archived: string, completed: string, classmates: string;
let goalId: string, otherGoalId: string;

async function move(actor: Actor, planId: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } });
  await transitionPlan(actor, { planId, version, transition, note: "" });
}
async function planIn(owner: Actor, steps: [Actor, string][], title: string) {
  const { id } = await createPlan(owner, planInput({ title }));
  for (const [actor, transition] of steps) await move(actor, id, transition);
  return id;
}
const firstGoal = async (planId: string) => (await db.goal.findFirstOrThrow({ where: { planId }, select: { id: true } })).id;
const notes = (userId: string, type: string, planId: string) => db.notification.count({ where: { userId, planId, type: type as never } });

beforeAll(async () => {
  s = await makeSchool();
  const approved = (student: Actor): [Actor, string][] => [
    [student, "submit"],
    [s.teacher, "approve"],
  ];
  active = await planIn(s.student, approved(s.student), "Active");
  draft = await planIn(s.student, [], "Draft");
  completed = await planIn(s.student, [...approved(s.student), [s.teacher, "complete"]], "Completed");
  archived = await planIn(s.student, [...approved(s.student), [s.teacher, "complete"], [s.admin, "archive"]], "Archived");
  classmates = await planIn(s.classmate, approved(s.classmate), "Classmate's");
  goalId = await firstGoal(active);
  otherGoalId = await firstGoal(classmates);
});

describe("comment threads", () => {
  it("are started by the student owner and their teacher, on the plan or one of its goals", async () => {
    const onPlan = await addComment(s.student, { planId: active, body: "Can I add a field trip?" });
    const onGoal = await addComment(s.teacher, { planId: active, goalId, body: "Try a second source here." });
    const rows = await db.comment.findMany({ where: { id: { in: [onPlan.id, onGoal.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.goalId, r.parentId])).toEqual([
      [null, null],
      [goalId, null],
    ]);
    expect(await db.notification.count({ where: { userId: s.teacher.id, commentId: onPlan.id, type: "COMMENT_ADDED" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: s.student.id, commentId: onGoal.id, type: "COMMENT_ADDED" } })).toBe(1);
  });

  it("are refused to everyone else: not found outside the relationship, forbidden to readers", async () => {
    const before = await db.comment.count({ where: { planId: active } });
    for (const outsider of [s.classmate, s.otherTeacher, s.otherAdmin, s.otherStudent]) {
      await expect(addComment(outsider, { planId: active, body: "peek" })).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const reader of [s.guardian, s.admin, s.districtAdmin]) {
      await expect(addComment(reader, { planId: active, body: "hello" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.comment.count({ where: { planId: active } })).toBe(before);
  });

  it("name only a goal of the same plan, and stop on an archived plan", async () => {
    await expect(addComment(s.teacher, { planId: active, goalId: otherGoalId, body: "wrong goal" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(s.teacher, { planId: archived, body: "too late" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.comment.count({ where: { goalId: otherGoalId } })).toBe(0);
    // A draft is talked about too: comments are how a plan gets better before review.
    await addComment(s.teacher, { planId: draft, body: "Good start" });
  });

  it("take replies under the thread's first comment, which tell the thread's participants", async () => {
    const thread = await addComment(s.teacher, { planId: active, goalId, body: "Which sources?" });
    const reply = await replyToComment(s.student, { planId: active, parentId: thread.id, body: "Two books" });
    // Replying to a reply still lands in the thread (one level), on the thread's goal.
    const again = await replyToComment(s.teacher, { planId: active, parentId: reply.id, body: "Name them" });
    const rows = await db.comment.findMany({ where: { id: { in: [reply.id, again.id] } } });
    expect(rows.map((r) => [r.parentId, r.goalId])).toEqual([
      [thread.id, goalId],
      [thread.id, goalId],
    ]);
    expect(await db.notification.count({ where: { commentId: reply.id, type: "COMMENT_REPLIED" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: s.teacher.id, commentId: reply.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: s.student.id, commentId: again.id, type: "COMMENT_REPLIED" } })).toBe(1);
    // A student following up on their own unanswered thread reaches their teachers.
    const own = await addComment(s.student, { planId: active, body: "Anyone?" });
    const followUp = await replyToComment(s.student, { planId: active, parentId: own.id, body: "Still wondering" });
    expect(await db.notification.count({ where: { userId: s.teacher.id, commentId: followUp.id, type: "COMMENT_REPLIED" } })).toBe(1);
  });

  it("refuse replies from readers and outsiders, and to a comment of another plan", async () => {
    const thread = await addComment(s.teacher, { planId: active, body: "Question" });
    const foreign = await addComment(s.classmate, { planId: classmates, body: "Cal's own" });
    await expect(replyToComment(s.guardian, { planId: active, parentId: thread.id, body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(replyToComment(s.admin, { planId: active, parentId: thread.id, body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(replyToComment(s.classmate, { planId: active, parentId: thread.id, body: "hi" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToComment(s.otherTeacher, { planId: active, parentId: thread.id, body: "hi" })).rejects.toBeInstanceOf(NotFoundError);
    // A tampered parentId: the student's own plan, but Cal's comment.
    await expect(replyToComment(s.student, { planId: active, parentId: foreign.id, body: "hijack" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.comment.count({ where: { parentId: { in: [thread.id, foreign.id] } } })).toBe(0);
  });

  it("are resolved and reopened by the student's teacher only; a resolved thread takes no replies", async () => {
    const thread = await addComment(s.student, { planId: active, goalId, body: "Is this enough?" });
    const reply = await replyToComment(s.teacher, { planId: active, parentId: thread.id, body: "Yes" });
    for (const reader of [s.student, s.guardian, s.admin, s.districtAdmin]) {
      await expect(setThreadResolved(reader, { planId: active, threadId: thread.id, resolved: true })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    for (const outsider of [s.classmate, s.otherTeacher, s.otherAdmin]) {
      await expect(setThreadResolved(outsider, { planId: active, threadId: thread.id, resolved: true })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    // Only a thread's first comment, and only of this plan.
    await expect(setThreadResolved(s.teacher, { planId: active, threadId: reply.id, resolved: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(setThreadResolved(s.teacher, { planId: classmates, threadId: thread.id, resolved: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await db.comment.findUniqueOrThrow({ where: { id: thread.id } })).resolvedAt).toBeNull();

    await setThreadResolved(s.teacher, { planId: active, threadId: thread.id, resolved: true });
    await setThreadResolved(s.teacher, { planId: active, threadId: thread.id, resolved: true });
    const resolved = await db.comment.findUniqueOrThrow({ where: { id: thread.id } });
    expect(resolved).toMatchObject({ resolvedById: s.teacher.id, resolvedAt: expect.any(Date) });
    expect(await db.auditEvent.count({ where: { entityId: thread.id, action: "comment.resolve" } })).toBe(1);
    await expect(replyToComment(s.student, { planId: active, parentId: thread.id, body: "One more thing" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const view = await getPlanConversation(s.guardian, active);
    expect(view.threads.find((t) => t.id === thread.id)?.resolved).toEqual({ at: resolved.resolvedAt, by: "Tess Teacher" });

    await setThreadResolved(s.teacher, { planId: active, threadId: thread.id, resolved: false });
    expect(await db.comment.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({ resolvedAt: null, resolvedById: null });
    await replyToComment(s.student, { planId: active, parentId: thread.id, body: "One more thing" });
  });

  it("read as the plan page shows them: threads in order with their replies, a former member's words kept", async () => {
    const plan = await planIn(s.student, [], "Talked about");
    const first = await addComment(s.student, { planId: plan, body: "First" });
    const second = await addComment(s.teacher, { planId: plan, goalId: await firstGoal(plan), body: "Second" });
    await replyToComment(s.teacher, { planId: plan, parentId: first.id, body: "Reply one" });
    const gone = await replyToComment(s.student, { planId: plan, parentId: first.id, body: "Reply two" });
    // The reply's author has since been deleted (the column is set null).
    await db.comment.update({ where: { id: gone.id }, data: { authorId: null } });
    const view = await getPlanConversation(s.teacher, plan);
    expect(view.goals).toEqual([{ id: await firstGoal(plan), title: planInput().goals[0]!.title, number: 1 }]);
    expect(view.openThreads).toBe(2);
    expect(
      view.threads.map((t) => [t.id, t.goalId, t.body, t.author.name, t.replies.map((r) => [r.body, r.author.id, r.author.name])]),
    ).toEqual([
      [
        first.id,
        null,
        "First",
        "Sam Student",
        [
          ["Reply one", s.teacher.id, "Tess Teacher"],
          ["Reply two", null, "Former member"],
        ],
      ],
      [second.id, view.goals[0]!.id, "Second", "Tess Teacher", []],
    ]);
    expect(view.allowed).toMatchObject({ comment: true, reflect: false });
    expect(view.reflectionsShown).toBe(false);
  });
});

describe("reflections", () => {
  const answers = { learned: "How to cite a source", hard: "", next: "" };

  it("are written by the student owner on an active or completed plan, on the plan or a goal", async () => {
    const onGoal = await addReflection(s.student, { planId: active, goalId, ...answers });
    const onPlan = await addReflection(s.student, { planId: completed, goalId: "", learned: "", hard: "", next: "A longer project" });
    const rows = await db.reflection.findMany({ where: { id: { in: [onGoal.id, onPlan.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.planId, r.goalId, r.authorId])).toEqual([
      [active, goalId, s.student.id],
      [completed, null, s.student.id],
    ]);
    expect(await db.notification.count({ where: { userId: s.teacher.id, reflectionId: onGoal.id, type: "REFLECTION_ADDED" } })).toBe(1);
  });

  it("need one answered prompt, a goal of the same plan, and a plan under way or done", async () => {
    await expect(addReflection(s.student, { planId: active, goalId: "", learned: " ", hard: "", next: "" })).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(addReflection(s.student, { planId: active, goalId: otherGoalId, ...answers })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addReflection(s.student, { planId: draft, goalId: "", ...answers })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addReflection(s.student, { planId: archived, goalId: "", ...answers })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.reflection.count({ where: { planId: { in: [draft, archived] } } })).toBe(0);
  });

  it("are the student's alone to write", async () => {
    for (const other of [s.teacher, s.guardian, s.admin, s.districtAdmin]) {
      await expect(addReflection(other, { planId: active, goalId: "", ...answers })).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const outsider of [s.classmate, s.otherTeacher, s.otherAdmin]) {
      await expect(addReflection(outsider, { planId: active, goalId: "", ...answers })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("are answered by the student's teacher, who tells the student", async () => {
    const { id } = await addReflection(s.student, { planId: active, goalId, ...answers });
    const foreign = await addReflection(s.classmate, { planId: classmates, goalId: "", ...answers });
    const reply = { planId: active, reflectionId: id, body: "Great progress" };
    for (const reader of [s.student, s.guardian, s.admin, s.districtAdmin]) {
      await expect(replyToReflection(reader, reply)).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const outsider of [s.classmate, s.otherTeacher, s.otherAdmin]) {
      await expect(replyToReflection(outsider, reply)).rejects.toBeInstanceOf(NotFoundError);
    }
    // A tampered reflectionId: the teacher's own student's plan, but Cal's reflection.
    await expect(replyToReflection(s.teacher, { ...reply, reflectionId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToReflection(s.teacher, { ...reply, planId: classmates })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.reflectionReply.count({ where: { reflectionId: { in: [id, foreign.id] } } })).toBe(0);

    await replyToReflection(s.teacher, reply);
    expect(await db.notification.count({ where: { userId: s.student.id, reflectionId: id, type: "REFLECTION_REPLIED" } })).toBe(1);
    const view = await getPlanConversation(s.guardian, active);
    expect(view.reflections.find((r) => r.id === id)?.replies).toEqual([
      expect.objectContaining({ body: "Great progress", author: { id: s.teacher.id, name: "Tess Teacher" } }),
    ]);
  });
});

describe("reading a plan's conversation", () => {
  it("is for whoever may read the plan; what each may do follows their relationship", async () => {
    await addComment(s.teacher, { planId: active, body: "Visible to the family" });
    const expected: [Actor, object][] = [
      [s.student, { comment: true, resolve: false, reflect: true, replyToReflection: false }],
      [s.teacher, { comment: true, resolve: true, reflect: false, replyToReflection: true }],
      [s.guardian, { comment: false, resolve: false, reflect: false, replyToReflection: false }],
      [s.admin, { comment: false, resolve: false, reflect: false, replyToReflection: false }],
      [s.districtAdmin, { comment: false, resolve: false, reflect: false, replyToReflection: false }],
    ];
    for (const [actor, allowed] of expected) {
      const view = await getPlanConversation(actor, active);
      expect(view.allowed).toEqual(allowed);
      expect(view.threads.some((t) => t.body === "Visible to the family")).toBe(true);
      expect(view.reflections.length).toBeGreaterThan(0);
    }
    for (const outsider of [s.classmate, s.otherTeacher, s.otherGuardian, s.otherAdmin, s.otherStudent]) {
      await expect(getPlanConversation(outsider, active)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("groups replies under their thread and counts open threads; an archived plan is read only", async () => {
    const view = await getPlanConversation(s.teacher, active);
    const all = await db.comment.findMany({ where: { planId: active } });
    expect(view.threads.length).toBe(all.filter((c) => !c.parentId).length);
    expect(view.threads.reduce((n, t) => n + t.replies.length, 0)).toBe(all.filter((c) => c.parentId).length);
    expect(view.openThreads).toBe(all.filter((c) => !c.parentId && !c.resolvedAt).length);
    expect((await getPlanConversation(s.teacher, archived)).allowed).toEqual({
      comment: false,
      resolve: false,
      reflect: false,
      replyToReflection: false,
    });
    expect((await getPlanConversation(s.student, draft)).reflectionsShown).toBe(false);
  });
});

describe("the review queue", () => {
  it("counts each plan's unresolved threads, replies and resolved threads aside, for the plans on the page", async () => {
    const waiting = await planIn(s.student, [[s.student, "submit"]], "Waiting with questions");
    const quiet = await planIn(s.student, [[s.student, "submit"]], "Waiting quietly");
    const a = await addComment(s.teacher, { planId: waiting, body: "First question" });
    await addComment(s.student, { planId: waiting, body: "Second question" });
    const resolved = await addComment(s.teacher, { planId: waiting, body: "Settled" });
    await replyToComment(s.student, { planId: waiting, parentId: a.id, body: "A reply is not a thread" });
    await setThreadResolved(s.teacher, { planId: waiting, threadId: resolved.id, resolved: true });
    // A thread on a plan that is not waiting for review is not on the queue.
    await addComment(s.teacher, { planId: active, body: "Not in the queue" });

    const queue = await listReviewQueue(s.teacher, 1);
    const count = (id: string) => queue.items.find((p) => p.id === id)?.openThreads;
    expect(count(waiting)).toBe(2);
    expect(count(quiet)).toBe(0);
    expect(queue.items.some((p) => p.id === active)).toBe(false);
    await setThreadResolved(s.teacher, { planId: waiting, threadId: a.id, resolved: true });
    expect((await listReviewQueue(s.teacher, 1)).items.find((p) => p.id === waiting)?.openThreads).toBe(1);
    // Another teacher's queue neither lists nor counts these plans.
    expect((await listReviewQueue(s.otherTeacher, 1)).items.some((p) => p.id === waiting)).toBe(false);
    expect(await notes(s.teacher.id, "COMMENT_ADDED", waiting)).toBe(1);
  });
});
