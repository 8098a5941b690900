import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addComment } from "@/lib/conversation/comments";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { listNotifications, unreadCount } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

describe("notifications", () => {
  it("are rendered from what happened when they are read", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Rendered" }));
    await transitionPlan(s.student, { planId: id, version: 1, transition: "submit", note: "Ready for you" });
    await addComment(s.teacher, { planId: id, body: "Looks promising" });
    const teacher = await listNotifications(s.teacher, 1);
    expect(teacher.items[0]).toMatchObject({
      title: "Sam Student submitted “Rendered” for review",
      body: "Ready for you",
      href: `/plans/${id}`,
    });
    const student = await listNotifications(s.student, 1);
    expect(student.items[0]).toMatchObject({ title: "Tess Teacher commented on “Rendered”", body: "Looks promising" });
    // A renamed plan is shown by its name now: nothing is frozen into the notification.
    await db.plan.update({ where: { id }, data: { title: "Renamed" } });
    expect((await listNotifications(s.student, 1)).items[0]?.title).toBe("Tess Teacher commented on “Renamed”");
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
    const list = await listNotifications(s.guardian, 1);
    expect(list.items.some((n) => n.body.includes("Private feedback") || n.title.includes("Not yours"))).toBe(false);
    expect(list.total).toBe(before);
  });

  it("stop showing once the reader loses access", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Family plan" }));
    await db.notification.create({ data: { userId: s.guardian.id, type: "PLAN_STATUS_CHANGED", planId: id } });
    expect((await listNotifications(s.guardian, 1)).items.some((n) => n.title.includes("Family plan"))).toBe(true);
    await db.guardianLink.deleteMany({ where: { guardianId: s.guardian.id, studentId: s.student.id } });
    expect((await listNotifications(s.guardian, 1)).items.some((n) => n.title.includes("Family plan"))).toBe(false);
  });
});
