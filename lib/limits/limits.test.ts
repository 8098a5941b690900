// Write rate limits: counted in Postgres per writer and bucket, refused with RATE_LIMITED and a
// clear message, a refused write counting and writing nothing; counts shared by every app server
// (two transactions at once); uploads counted per file; xAPI statements per tool, answered 429.
import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addComment, replyToComment } from "@/lib/conversation/comments";
import { addReflection } from "@/lib/conversation/reflections";
import { db } from "@/lib/db";
import { uploadDir } from "@/lib/env";
import { failureOf } from "@/lib/errors";
import { addEvidence } from "@/lib/evidence/commands";
import { createPlan } from "@/lib/plans/commands";
import { addAttachments, createRecord } from "@/lib/records/commands";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { PNG } from "@/test/files";
import { activePlan } from "@/test/plans";
import { makeTool, statement, xapi } from "@/test/xapi";
import { sweepWriteCounters, takeWrite, WRITE_LIMITED_MESSAGE, WRITE_LIMITS, WriteRateLimitedError, type WriteBucket } from "./writes";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;

beforeAll(async () => {
  s = await makeSchool();
  planId = (await activePlan(s.student, s.teacher, [[]], "Talked about")).id;
});

const counted = async (writerId: string, bucket: WriteBucket) =>
  (await db.writeRateCounter.aggregate({ where: { writerId, bucket }, _sum: { count: true } }))._sum.count ?? 0;

/** Fills the writer's current window up to `count`, as earlier writes would have. */
const spend = (writerId: string, bucket: WriteBucket, count: number) => db.$transaction((tx) => takeWrite(tx, writerId, bucket, count));

/** Time moves on: the writer's windows are pushed one window into the past. */
async function nextWindow(writerId: string, bucket: WriteBucket) {
  const seconds = WRITE_LIMITS[bucket].windowSeconds;
  await db.$executeRaw`UPDATE "WriteRateCounter" SET "windowStart" = "windowStart" - make_interval(secs => ${seconds}::int)
    WHERE "writerId" = ${writerId} AND bucket = ${bucket}`;
}

/**
 * Fixed windows follow the database's clock: a test that must stay inside one window first waits
 * out the last `margin` seconds of the current one, should it be there (rarely, and briefly).
 */
async function awayFromWindowEdge(bucket: WriteBucket, margin: number) {
  const seconds = WRITE_LIMITS[bucket].windowSeconds;
  const [row] = await db.$queryRaw<
    { left: number }[]
  >`SELECT (${seconds}::int - mod(extract(epoch FROM now()), ${seconds}::int))::float8 AS left`;
  const left = row?.left ?? seconds;
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 250));
}

const comment = (actor: Actor, body = "One more thought.") => addComment(actor, { planId, body });

// Room for awayFromWindowEdge's wait on top of each test's own time.
describe("comments", { timeout: 45_000 }, () => {
  it("refuse the 31st in the window with RATE_LIMITED and a clear message, and write nothing for it", async () => {
    const writer = await person(s.school, "STUDENT", "Quick Typist");
    const own = (await createPlan(writer, planInput({ title: "Typed fast" }))).id;
    await awayFromWindowEdge("comment", 15);
    for (let i = 0; i < 30; i++) await addComment(writer, { planId: own, body: `Thought ${i + 1}` });
    const audits = await db.auditEvent.count({ where: { actorId: writer.id } });

    const refused = await addComment(writer, { planId: own, body: "Thought 31" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WriteRateLimitedError);
    expect(failureOf(refused)).toEqual({ ok: false, code: "RATE_LIMITED", message: WRITE_LIMITED_MESSAGE });
    expect(WRITE_LIMITED_MESSAGE).toBe("You've added a lot in a short time. Wait a few minutes and try again.");
    expect(await db.comment.count({ where: { authorId: writer.id } })).toBe(30);
    expect(await db.auditEvent.count({ where: { actorId: writer.id } })).toBe(audits);
    expect(await counted(writer.id, "comment")).toBe(30);
  });

  it("count replies and reflections in the same bucket", async () => {
    const active = await activePlan(s.classmate, s.teacher, [[]], "Reflected on");
    await awayFromWindowEdge("comment", 10);
    await spend(s.classmate.id, "comment", 28);
    const thread = await addComment(s.classmate, { planId: active.id, body: "A question" });
    await addReflection(s.classmate, { planId: active.id, goalId: "", learned: "Lots", hard: "", next: "" });
    await expect(replyToComment(s.classmate, { planId: active.id, parentId: thread.id, body: "And another" })).rejects.toBeInstanceOf(
      WriteRateLimitedError,
    );
    await expect(addReflection(s.classmate, { planId: active.id, goalId: "", learned: "More", hard: "", next: "" })).rejects.toBeInstanceOf(
      WriteRateLimitedError,
    );
    expect(await db.comment.count({ where: { authorId: s.classmate.id } })).toBe(1);
    expect(await db.reflection.count({ where: { authorId: s.classmate.id } })).toBe(1);
  });

  it("leave other people unaffected", async () => {
    await awayFromWindowEdge("comment", 10);
    await spend(s.student.id, "comment", WRITE_LIMITS.comment.max);
    await expect(comment(s.student)).rejects.toBeInstanceOf(WriteRateLimitedError);
    const teachers = await comment(s.teacher, "Answered.");
    expect(await db.comment.count({ where: { id: teachers.id } })).toBe(1);
  });

  it("are admitted again in a new window", async () => {
    const writer = await person(s.school, "TEACHER", "Patient Teacher");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: writer.id, role: "TEACHER" } });
    await awayFromWindowEdge("comment", 10);
    await spend(writer.id, "comment", WRITE_LIMITS.comment.max);
    await expect(comment(writer)).rejects.toBeInstanceOf(WriteRateLimitedError);
    await nextWindow(writer.id, "comment");
    await expect(comment(writer)).resolves.toHaveProperty("id");
    const rows = await db.writeRateCounter.findMany({ where: { writerId: writer.id }, orderBy: { windowStart: "asc" } });
    expect(rows.map((r) => r.count)).toEqual([WRITE_LIMITS.comment.max, 1]);
  });

  it("are counted in the database, so two app servers writing at once share one count", async () => {
    const writer = await person(s.school, "STUDENT", "Two Tabs");
    await awayFromWindowEdge("comment", 10);
    await spend(writer.id, "comment", WRITE_LIMITS.comment.max - 1);
    // Two transactions at once, as two servers would run them; the first holds its count a while.
    const results = await Promise.allSettled([
      db.$transaction(async (tx) => {
        await takeWrite(tx, writer.id, "comment");
        await tx.$executeRaw`SELECT pg_sleep(0.3)`;
      }),
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_sleep(0.05)`;
        await takeWrite(tx, writer.id, "comment");
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await counted(writer.id, "comment")).toBe(WRITE_LIMITS.comment.max);
  });

  it("hold under many parallel posts: exactly what is left of the window gets through", async () => {
    const writer = await person(s.school, "STUDENT", "Script Kiddie");
    const own = (await createPlan(writer, planInput({ title: "Flooded" }))).id;
    await awayFromWindowEdge("comment", 15);
    await spend(writer.id, "comment", WRITE_LIMITS.comment.max - 5);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => addComment(writer, { planId: own, body: `Spam ${i}` })));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refused).toHaveLength(3);
    for (const reason of refused) expect(reason).toBeInstanceOf(WriteRateLimitedError);
    expect(await db.comment.count({ where: { authorId: writer.id } })).toBe(5);
  });
});

describe("uploads", { timeout: 45_000 }, () => {
  const png = (name = "photo.png") => new File([PNG], name, { type: "image/png" });
  const record = (files: File[]) => ({
    title: "Photos",
    description: "What I saw.",
    setting: "HOME",
    place: "",
    happenedOn: "2026-10-03",
    hours: "",
    minutes: "",
    withWhom: "",
    links: "",
    files,
  });
  const stored = async () => (await readdir(uploadDir()).catch(() => [])).length;

  it("count files, not saves: a record's files past the hour's limit are refused before any is stored", async () => {
    const writer = await person(s.school, "STUDENT", "Photo Taker");
    await awayFromWindowEdge("upload", 10);
    await spend(writer.id, "upload", WRITE_LIMITS.upload.max - 1);
    const files = await stored();
    await expect(createRecord(writer, record([png("a.png"), png("b.png")]))).rejects.toBeInstanceOf(WriteRateLimitedError);
    expect(await stored()).toBe(files);
    expect(await db.learningRecord.count({ where: { studentId: writer.id } })).toBe(0);
    // A record without files is no upload.
    await expect(createRecord(writer, record([]))).resolves.toHaveProperty("id");
    const { id } = await createRecord(writer, record([png("last.png")]));
    expect(await counted(writer.id, "upload")).toBe(WRITE_LIMITS.upload.max);
    await expect(addAttachments(writer, { recordId: id, links: "", files: [png("more.png")] })).rejects.toBeInstanceOf(
      WriteRateLimitedError,
    );
    // Links are not uploads.
    await expect(addAttachments(writer, { recordId: id, links: "https://example.org/more", files: [] })).resolves.toEqual({ count: 1 });
    expect(await db.learningRecordAttachment.count({ where: { recordId: id } })).toBe(2);
  });

  it("refuse a file that passed the first check when the count is taken in the transaction, and keep no file", async () => {
    const writer = await person(s.school, "STUDENT", "Racing Uploader");
    await awayFromWindowEdge("upload", 10);
    await spend(writer.id, "upload", WRITE_LIMITS.upload.max - 1);
    const files = await stored();
    // Two saves of one file each at once: both pass the check before storing; one is counted.
    const results = await Promise.allSettled([createRecord(writer, record([png("x.png")])), createRecord(writer, record([png("y.png")]))]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await stored()).toBe(files + 1);
    expect(await db.learningRecord.count({ where: { studentId: writer.id } })).toBe(1);
  });

  it("count evidence files, and not written or linked evidence", async () => {
    const active = await activePlan(s.strangerStudent, s.otherTeacher, [[]], "Evidence");
    const goalId = active.goalIds[0] as string;
    const evidence = (kind: "FILE" | "TEXT", file?: File) => ({
      planId: active.id,
      goalId,
      kind,
      title: "Work",
      text: kind === "TEXT" ? "Done." : "",
      url: "",
      reflection: "",
      file,
    });
    await awayFromWindowEdge("upload", 10);
    await spend(s.strangerStudent.id, "upload", WRITE_LIMITS.upload.max - 1);
    await addEvidence(s.strangerStudent, evidence("FILE", png()));
    await expect(addEvidence(s.strangerStudent, evidence("FILE", png()))).rejects.toBeInstanceOf(WriteRateLimitedError);
    await expect(addEvidence(s.strangerStudent, evidence("TEXT"))).resolves.toHaveProperty("id");
    expect(await db.evidence.count({ where: { studentId: s.strangerStudent.id, kind: "FILE" } })).toBe(1);
  });
});

describe("statements", { timeout: 45_000 }, () => {
  it("answer 429 with a JSON error and Retry-After when a tool sends past its limit, and store nothing of that request", async () => {
    const tool = await makeTool(s.school, "Chatty tool");
    await awayFromWindowEdge("statement", 5);
    await spend(tool.id, "statement", WRITE_LIMITS.statement.max - 2);
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const refused = await xapi(tool, { body: ids.map((id) => statement({ id })) });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toBe(true);
    expect(refused.json.message).toContain("so nothing in it was stored");
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= WRITE_LIMITS.statement.windowSeconds).toBe(true);
    expect(refused.headers.get("X-Experience-API-Version")).toBe("1.0.3");
    expect(await db.xapiStatement.count({ where: { id: { in: ids } } })).toBe(0);

    // What fits is stored; a statement sent again (already stored) is not counted again.
    const [first, second] = ids.map((id) => statement({ id }));
    expect((await xapi(tool, { body: first })).status).toBe(200);
    expect((await xapi(tool, { body: first })).status).toBe(200);
    expect(await counted(tool.id, "statement")).toBe(WRITE_LIMITS.statement.max - 1);
    expect((await xapi(tool, { body: second })).status).toBe(200);
    expect((await xapi(tool, { body: statement() })).status).toBe(429);
    expect(await counted(tool.id, "statement")).toBe(WRITE_LIMITS.statement.max);

    // Each tool has its own count.
    const other = await makeTool(s.school, "Quiet tool");
    expect((await xapi(other, { body: statement() })).status).toBe(200);
  });
});

describe("sweeping", () => {
  it("drops windows that ended over a day ago and keeps the current ones", async () => {
    const writer = await person(s.school, "STUDENT", "Long Ago");
    await spend(writer.id, "comment", 3);
    await db.writeRateCounter.create({
      data: { writerId: writer.id, bucket: "comment", windowStart: new Date(Date.now() - 2 * 86_400_000), count: 9 },
    });
    await sweepWriteCounters();
    const left = await db.writeRateCounter.findMany({ where: { writerId: writer.id } });
    expect(left.map((r) => r.count)).toEqual([3]);
  });
});
