import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addComment } from "@/lib/conversation/comments";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import type { Actor } from "@/lib/auth/actor";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { NotFoundError } from "@/lib/errors";
import { groupByDay, listNotifications, markRead, notificationsVisibleTo, unreadCount } from "./queries";
import { UNREAD_COUNTED_UP_TO, unreadText } from "./unread";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

describe("notifications", () => {
  it("are rendered from what happened when they are read", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Rendered" }));
    await transitionPlan(s.student, { planId: id, version: 1, transition: "submit", note: "Ready for you" });
    await addComment(s.teacher, { planId: id, body: "Looks promising" });
    const teacher = await listNotifications(s.teacher);
    expect(teacher.items[0]).toMatchObject({
      title: "Sam Student submitted “Rendered” for review",
      body: "Ready for you",
      href: `/plans/${id}`,
    });
    const student = await listNotifications(s.student);
    expect(student.items[0]).toMatchObject({ title: "Tess Teacher commented on “Rendered”", body: "Looks promising" });
    // A renamed plan is shown by its name now: nothing is frozen into the notification.
    await db.plan.update({ where: { id }, data: { title: "Renamed" } });
    expect((await listNotifications(s.student)).items[0]?.title).toBe("Tess Teacher commented on “Renamed”");
  });

  it("read in the reader's language, with names and what people wrote as they were written", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Río" }));
    await transitionPlan(s.student, { planId: id, version: 1, transition: "submit", note: "Listo" });
    const spanish = await listNotifications(s.teacher, {}, undefined, "es");
    expect(spanish.items[0]).toMatchObject({ title: "Sam Student envió “Río” para revisión", body: "Listo", href: `/plans/${id}` });
    // The same row in English: the language is chosen when it is read, never stored.
    expect((await listNotifications(s.teacher, {}, undefined, "en")).items[0]?.title).toBe("Sam Student submitted “Río” for review");
  });

  it("about a record the reader cannot open are never shown or counted", async () => {
    // A stray row (a bad import, a link since removed) addressed to a guardian about
    // another family's plan, with the teacher's feedback text behind it.
    const { id } = await createPlan(s.strangerStudent, planInput({ title: "Not yours" }));
    const comment = await addComment(s.otherTeacher, { planId: id, body: "Private feedback for Stan" });
    const before = await unreadCount(s.guardian);
    await db.notification.create({
      data: { userId: s.guardian.id, type: "COMMENT_ADDED", actorId: s.otherTeacher.id, planId: id, commentId: comment.id },
    });
    expect(await unreadCount(s.guardian)).toBe(before);
    const list = await listNotifications(s.guardian);
    expect(list.items.some((n) => n.body.includes("Private feedback") || n.title.includes("Not yours"))).toBe(false);
    expect(list.items.filter((n) => !n.readAt)).toHaveLength(before);
  });

  it("stop showing once the reader loses access", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Family plan" }));
    await transitionPlan(s.student, { planId: id, version: 1, transition: "submit", note: "" });
    await db.notification.create({ data: { userId: s.guardian.id, type: "PLAN_STATUS_CHANGED", planId: id } });
    expect((await listNotifications(s.guardian)).items.some((n) => n.title.includes("Family plan"))).toBe(true);
    await db.guardianLink.deleteMany({ where: { guardianId: s.guardian.id, studentId: s.student.id } });
    expect((await listNotifications(s.guardian)).items.some((n) => n.title.includes("Family plan"))).toBe(false);
  });

  it("page newest first by keyset, with nothing lost or repeated between pages, grouped by day", async () => {
    const reader = s.classmate;
    const start = new Date("2026-11-01T09:00:00Z");
    await db.notification.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        userId: reader.id,
        type: "WELCOME" as const,
        createdAt: new Date(start.getTime() + i * 8 * 3600_000),
      })),
    });
    const first = await listNotifications(reader, {}, 3);
    expect(first.previous).toBeNull();
    const second = await listNotifications(reader, { after: first.next }, 3);
    const all = [...first.items, ...second.items];
    for (let page = second, i = 0; page.next && i < 50; i++) {
      page = await listNotifications(reader, { after: page.next }, 3);
      all.push(...page.items);
    }
    expect(all.map((n) => n.createdAt.getTime())).toEqual([...all.map((n) => n.createdAt.getTime())].sort((a, b) => b - a));
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(all.length).toBe(await db.notification.count({ where: { userId: reader.id } }));
    // Back from the second page gives the first again.
    expect((await listNotifications(reader, { before: second.previous }, 3)).items.map((n) => n.id)).toEqual(first.items.map((n) => n.id));
    const days = groupByDay(all.filter((n) => n.createdAt < new Date("2026-11-04")));
    expect(days.map((d) => [d.day, d.items.length])).toEqual([
      ["2026-11-03", 2],
      ["2026-11-02", 3],
      ["2026-11-01", 2],
    ]);
  });

  it("are marked read one at a time, only by their reader", async () => {
    const n = await db.notification.create({ data: { userId: s.student.id, type: "WELCOME" } });
    await expect(markRead(s.teacher, { notificationId: n.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBeNull();
    await markRead(s.student, { notificationId: n.id });
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).not.toBeNull();
  });
});

describe("counts and pages that cost a window of the reader's rows", () => {
  const at = (i: number) => new Date(Date.UTC(2026, 9, 1) + i * 3_600_000);

  /** Every page following "older" from the first, then "newer" back from the last. */
  async function walk(reader: Actor, size: number) {
    const forwards: string[][] = [];
    let page = await listNotifications(reader, {}, size);
    expect(page.previous).toBeNull();
    forwards.push(page.items.map((n) => n.id));
    while (page.next) {
      page = await listNotifications(reader, { after: page.next }, size);
      forwards.push(page.items.map((n) => n.id));
      expect(forwards.length).toBeLessThan(200);
    }
    const backwards: string[][] = [forwards.at(-1)!];
    while (page.previous) {
      page = await listNotifications(reader, { before: page.previous }, size);
      backwards.unshift(page.items.map((n) => n.id));
    }
    expect(backwards).toEqual(forwards);
    expect(forwards.slice(0, -1).every((p) => p.length === size)).toBe(true);
    return forwards.flat();
  }

  const expected = async (reader: Actor, unread = false) =>
    (
      await db.notification.findMany({
        where: { AND: [notificationsVisibleTo(reader), unread ? { readAt: null } : {}] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((n) => n.id);

  it("list and count exactly what the rule lets the reader see: plans, records and agreements, each kind both ways", async () => {
    const reader = s.teacher;
    const [own, stranger, elsewhere] = await Promise.all([
      createPlan(s.student, planInput({ title: "Taught" })),
      createPlan(s.strangerStudent, planInput({ title: "Not taught", type: "INDEPENDENT_STUDY" })),
      createPlan(s.childB, planInput({ title: "Other school", type: "INDEPENDENT_STUDY" })),
    ]);
    await transitionPlan(s.student, { planId: own.id, version: 1, transition: "submit", note: "" });
    // Tess supervises Stan's agreement (so sees it though not the plan); Bea's is someone else's.
    const [supervised, foreign] = await Promise.all([
      db.studyAgreement.create({
        data: { planId: stranger.id, content: {}, status: "AWAITING_SIGNATURES", supervisingTeacherId: reader.id },
      }),
      db.studyAgreement.create({
        data: { planId: elsewhere.id, content: {}, status: "AWAITING_SIGNATURES", supervisingTeacherId: s.teacherB.id },
      }),
    ]);
    const record = (studentId: string, status: "RECORDED" | "SUGGESTED") =>
      db.learningRecord.create({
        data: { studentId, schoolId: s.school.id, status, title: "Walk", description: "Saw birds", setting: "HOME", happenedOn: at(0) },
      });
    const [taughtRecord, suggestion, strangerRecord] = await Promise.all([
      record(s.student.id, "RECORDED"),
      record(s.student.id, "SUGGESTED"),
      record(s.strangerStudent.id, "RECORDED"),
    ]);
    const kinds = [
      { type: "WELCOME" as const },
      { type: "PLAN_STATUS_CHANGED" as const, planId: own.id },
      { type: "PLAN_STATUS_CHANGED" as const, planId: stranger.id },
      { type: "PLAN_STATUS_CHANGED" as const, planId: elsewhere.id },
      { type: "AGREEMENT_TO_SIGN" as const, planId: stranger.id, agreementId: supervised.id },
      { type: "AGREEMENT_TO_SIGN" as const, planId: elsewhere.id, agreementId: foreign.id },
      { type: "RECORD_REVIEW_REQUESTED" as const, recordId: taughtRecord.id },
      { type: "RECORD_REVIEW_REQUESTED" as const, recordId: suggestion.id },
      { type: "RECORD_REVIEW_REQUESTED" as const, recordId: strangerRecord.id },
    ];
    // Each kind several times, interleaved in time, with ties on the time; some read.
    await db.notification.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        userId: reader.id,
        ...kinds[i % kinds.length]!,
        createdAt: at(Math.floor(i / 2)),
        readAt: i % 4 === 0 ? at(100) : null,
      })),
    });
    const visible = await expected(reader);
    const hidden = await db.notification.count({ where: { userId: reader.id, id: { notIn: visible } } });
    expect(hidden).toBeGreaterThanOrEqual(20);
    for (const size of [1, 2, 3, 7, 50]) expect(await walk(reader, size)).toEqual(visible);
    const unread = (await expected(reader, true)).length;
    expect(unread).toBeLessThanOrEqual(UNREAD_COUNTED_UP_TO);
    expect(await unreadCount(reader)).toBe(unread);
  });

  it("count unread up to the cap, then '99+'; rows the reader may not see never count, however many come first", async () => {
    const reader = await person(s.school, "GUARDIAN", "Una Unread");
    const welcome = (n: number, from: number) =>
      db.notification.createMany({
        data: Array.from({ length: n }, (_, i) => ({ userId: reader.id, type: "WELCOME" as const, createdAt: at(from + i) })),
      });
    await welcome(5, 0);
    expect(await unreadCount(reader)).toBe(5);
    // Newer than those, more than a window of rows about a plan Una may not see.
    const { id } = await createPlan(s.strangerStudent, planInput({ title: "Not Una's" }));
    await db.notification.createMany({
      data: Array.from({ length: UNREAD_COUNTED_UP_TO + 60 }, (_, i) => ({
        userId: reader.id,
        type: "PLAN_STATUS_CHANGED" as const,
        planId: id,
        createdAt: at(1000 + i),
      })),
    });
    expect(await unreadCount(reader)).toBe(5);
    expect(await walk(reader, 2)).toEqual(await expected(reader));
    expect(await walk(reader, 2)).toHaveLength(5);
    await welcome(UNREAD_COUNTED_UP_TO - 5, 2000);
    expect(await unreadCount(reader)).toBe(UNREAD_COUNTED_UP_TO);
    expect(unreadText(await unreadCount(reader))).toBe(String(UNREAD_COUNTED_UP_TO));
    await welcome(1, 3000);
    expect(await unreadCount(reader)).toBe(UNREAD_COUNTED_UP_TO + 1);
    expect(unreadText(await unreadCount(reader))).toBe(`${UNREAD_COUNTED_UP_TO}+`);
    await welcome(300, 4000);
    expect(await unreadCount(reader)).toBe(UNREAD_COUNTED_UP_TO + 1);
  });

  it("go on past thousands of rows the reader may not see: a page stops reading and links on from where it stopped", async () => {
    const reader = await person(s.school, "GUARDIAN", "Hal Hidden");
    const older = await db.notification.createManyAndReturn({
      data: [0, 1, 2].map((i) => ({ userId: reader.id, type: "WELCOME" as const, createdAt: at(i) })),
      select: { id: true },
    });
    const { id } = await createPlan(s.strangerStudent, planInput({ title: "Not Hal's" }));
    await db.notification.createMany({
      data: Array.from({ length: 2500 }, (_, i) => ({
        userId: reader.id,
        type: "PLAN_STATUS_CHANGED" as const,
        planId: id,
        createdAt: at(100 + i),
      })),
    });
    const shown: string[] = [];
    let page = await listNotifications(reader, {}, 5);
    for (let i = 0; i < 10; i++) {
      shown.push(...page.items.map((n) => n.id));
      if (!page.next) break;
      page = await listNotifications(reader, { after: page.next }, 5);
    }
    expect(shown).toEqual(older.map((n) => n.id).reverse());
  });
});
