import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addComment } from "@/lib/conversation/comments";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { NotFoundError } from "@/lib/errors";
import { groupByDay, listNotifications, markRead, unreadCount } from "./queries";

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
