// Creates made once per idempotency key: a retry returns what the first attempt made, two
// attempts at once make one thing, keys are per person, a key names one action, old keys are
// swept; and each create people make from a form is wired to it.
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { addComment, replyToComment } from "@/lib/conversation/comments";
import { addReflection, replyToReflection } from "@/lib/conversation/reflections";
import { db } from "@/lib/db";
import { uploadDir } from "@/lib/env";
import { InputError } from "@/lib/errors";
import { addEvidence } from "@/lib/evidence/commands";
import { createPlan, createPlanForStudent } from "@/lib/plans/commands";
import { createRecord } from "@/lib/records/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { PNG } from "@/test/files";
import { activePlan } from "@/test/plans";
import { KEY_REUSED_MESSAGE, once, sweepIdempotencyKeys } from "./once";

let s: Awaited<ReturnType<typeof makeSchool>>;
let active: { id: string; goalIds: string[] };

beforeAll(async () => {
  s = await makeSchool();
  active = await activePlan(s.student, s.teacher, [[]], "Worked on");
});

const plansTitled = (title: string) => db.plan.count({ where: { title } });
const png = () => new File([PNG], "photo.png", { type: "image/png" });
const stored = async () => (await readdir(uploadDir()).catch(() => [])).length;

describe("a create with an idempotency key", () => {
  it("made twice gives one plan and the same id", async () => {
    const idempotencyKey = randomUUID();
    const first = await createPlan(s.student, planInput({ title: "Sent twice", idempotencyKey }));
    const again = await createPlan(s.student, planInput({ title: "Sent twice", idempotencyKey }));
    expect(again).toEqual(first);
    expect(await plansTitled("Sent twice")).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: first.id, action: "plan.create" } })).toBe(1);
  });

  it("made twice at once gives one plan, and both answers name it", async () => {
    const idempotencyKey = randomUUID();
    const input = planInput({ title: "Double click", idempotencyKey });
    const results = await Promise.all([createPlan(s.student, input), createPlan(s.student, input), createPlan(s.student, input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await plansTitled("Double click")).toBe(1);
    expect(await db.idempotencyKey.count({ where: { userId: s.student.id, key: idempotencyKey } })).toBe(1);
  });

  it("is per person: another person's same key makes their own", async () => {
    const idempotencyKey = randomUUID();
    const mine = await createPlan(s.student, planInput({ title: "Same key", idempotencyKey }));
    const theirs = await createPlan(s.classmate, planInput({ title: "Same key", idempotencyKey }));
    expect(theirs.id).not.toBe(mine.id);
    expect(await plansTitled("Same key")).toBe(2);
    expect((await db.plan.findUniqueOrThrow({ where: { id: theirs.id } })).studentId).toBe(s.classmate.id);
  });

  it("is refused for another action, and makes nothing", async () => {
    const idempotencyKey = randomUUID();
    await createPlan(s.student, planInput({ title: "Key kept", idempotencyKey }));
    const error = await addComment(s.student, { planId: active.id, body: "Reused key", idempotencyKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(KEY_REUSED_MESSAGE);
    expect(await db.comment.count({ where: { body: "Reused key" } })).toBe(0);
  });

  it("that failed can be sent again: nothing was kept of the first attempt, the key included", async () => {
    const idempotencyKey = randomUUID();
    await expect(
      createPlan(s.student, planInput({ goals: [{ ...planInput().goals[0]!, standardIds: [s.foreignStandard.id] }], idempotencyKey })),
    ).rejects.toBeInstanceOf(InputError);
    expect(await db.idempotencyKey.count({ where: { key: idempotencyKey } })).toBe(0);
    await expect(createPlan(s.student, planInput({ title: "Second try", idempotencyKey }))).resolves.toHaveProperty("id");
    expect(await plansTitled("Second try")).toBe(1);
  });

  it("is not needed: without one, each create makes a new one", async () => {
    await createPlan(s.student, planInput({ title: "No key" }));
    await createPlan(s.student, planInput({ title: "No key" }));
    expect(await plansTitled("No key")).toBe(2);
  });

  it("must be a UUID", async () => {
    await expect(createPlan(s.student, planInput({ title: "Bad key", idempotencyKey: "1" }))).rejects.toThrow();
    expect(await plansTitled("Bad key")).toBe(0);
  });
});

describe("each create made from a form", () => {
  it("createPlanForStudent", async () => {
    const idempotencyKey = randomUUID();
    const input = { studentId: s.student.id, plan: planInput({ title: "From Tess", idempotencyKey }) };
    const [a, b] = [await createPlanForStudent(s.teacher, input), await createPlanForStudent(s.teacher, input)];
    expect(b).toEqual(a);
    expect(await plansTitled("From Tess")).toBe(1);
    expect(await db.notification.count({ where: { userId: s.student.id, planId: a.id } })).toBe(1);
  });

  it("addComment and replyToComment", async () => {
    const key = randomUUID();
    const thread = await addComment(s.teacher, { planId: active.id, body: "Once only", idempotencyKey: key });
    expect(await addComment(s.teacher, { planId: active.id, body: "Once only", idempotencyKey: key })).toEqual(thread);
    expect(await db.comment.count({ where: { body: "Once only" } })).toBe(1);
    const replyKey = randomUUID();
    const reply = await replyToComment(s.student, { planId: active.id, parentId: thread.id, body: "Reply once", idempotencyKey: replyKey });
    expect(
      await replyToComment(s.student, { planId: active.id, parentId: thread.id, body: "Reply once", idempotencyKey: replyKey }),
    ).toEqual(reply);
    expect(await db.comment.count({ where: { body: "Reply once" } })).toBe(1);
    // A retry counts nothing toward the comment limit.
    expect(
      (await db.writeRateCounter.aggregate({ where: { writerId: s.student.id, bucket: "comment" }, _sum: { count: true } }))._sum.count,
    ).toBe(1);
  });

  it("addReflection and replyToReflection", async () => {
    const key = randomUUID();
    const input = { planId: active.id, goalId: "", learned: "Reflect once", hard: "", next: "", idempotencyKey: key };
    const reflection = await addReflection(s.student, input);
    expect(await addReflection(s.student, input)).toEqual(reflection);
    expect(await db.reflection.count({ where: { learned: "Reflect once" } })).toBe(1);
    const answer = { planId: active.id, reflectionId: reflection.id, body: "Answer once", idempotencyKey: randomUUID() };
    const first = await replyToReflection(s.teacher, answer);
    expect(await replyToReflection(s.teacher, answer)).toEqual(first);
    expect(await db.reflectionReply.count({ where: { body: "Answer once" } })).toBe(1);
  });

  it("addEvidence, a file kept once even when sent twice at once", async () => {
    const goalId = active.goalIds[0] as string;
    const evidence = (idempotencyKey: string) => ({
      planId: active.id,
      goalId,
      kind: "FILE",
      title: "Photo once",
      text: "",
      url: "",
      reflection: "",
      file: png(),
      idempotencyKey,
    });
    const files = await stored();
    const key = randomUUID();
    const first = await addEvidence(s.student, evidence(key));
    expect(await addEvidence(s.student, evidence(key))).toEqual(first);
    const together = randomUUID();
    const both = await Promise.all([addEvidence(s.student, evidence(together)), addEvidence(s.student, evidence(together))]);
    expect(both[1]).toEqual(both[0]);
    expect(await db.evidence.count({ where: { title: "Photo once" } })).toBe(2);
    expect(await stored()).toBe(files + 2);
  });

  it("createRecord, its files kept once even when sent twice at once", async () => {
    const record = (idempotencyKey: string) => ({
      title: "Recorded once",
      description: "What I saw.",
      setting: "HOME",
      place: "",
      happenedOn: "2026-10-03",
      hours: "",
      minutes: "",
      withWhom: "",
      links: "",
      files: [png(), png()],
      idempotencyKey,
    });
    const files = await stored();
    const key = randomUUID();
    const first = await createRecord(s.student, record(key));
    expect(await createRecord(s.student, record(key))).toEqual(first);
    const together = randomUUID();
    const both = await Promise.all([createRecord(s.student, record(together)), createRecord(s.student, record(together))]);
    expect(both[1]).toEqual(both[0]);
    expect(await db.learningRecord.count({ where: { title: "Recorded once" } })).toBe(2);
    expect(await stored()).toBe(files + 4);
  });
});

describe("old keys", () => {
  it("are swept after a day", async () => {
    const old = randomUUID();
    const fresh = randomUUID();
    await db.idempotencyKey.createMany({
      data: [
        { userId: s.student.id, key: old, action: "plan.create", resultId: "x", createdAt: new Date(Date.now() - 25 * 3600_000) },
        { userId: s.student.id, key: fresh, action: "plan.create", resultId: "y" },
      ],
    });
    await sweepIdempotencyKeys();
    const left = await db.idempotencyKey.findMany({ where: { key: { in: [old, fresh] } }, select: { key: true } });
    expect(left.map((k) => k.key)).toEqual([fresh]);
  });

  it("are claimed only inside the create's transaction", async () => {
    const key = randomUUID();
    await expect(
      db.$transaction((tx) =>
        once(tx, s.student, key, "plan.create", async () => {
          throw new Error("the create failed");
        }),
      ),
    ).rejects.toThrow("the create failed");
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(0);
  });
});
