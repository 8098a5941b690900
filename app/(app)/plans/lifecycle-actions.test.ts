// The lifecycle actions replayed as a browser could post them, with tampered ids: nothing
// leaks, nothing changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./lifecycle-actions");
const { transitionPlanAction } = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let draftId: string;
let activeId: string;

const row = (id: string) => db.plan.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  s = await makeSchool();
  draftId = (await createPlan(s.student, planInput({ title: "My draft" }))).id;
  activeId = (await createPlan(s.student, planInput({ title: "My active plan" }))).id;
  for (const [actor, transition] of [
    [s.student, "submit"],
    [s.teacher, "approve"],
  ] as const) {
    await transitionPlan(actor, { planId: activeId, version: (await row(activeId)).version, transition, note: "" });
  }
});
beforeEach(() => {
  signedIn = null;
});

describe("lifecycle actions", () => {
  it("refuse a signed-out caller", async () => {
    const result = await actions.deletePlanAction({ planId: draftId, version: 1 });
    expect(result).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect((await row(draftId)).deletedAt).toBeNull();
  });

  it("answer another student's draft with 'not found' and change nothing", async () => {
    signedIn = s.classmate;
    const before = await row(draftId);
    expect(await actions.deletePlanAction({ planId: draftId, version: before.version })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const after = await row(draftId);
    expect([after.deletedAt, after.version]).toEqual([null, before.version]);
  });

  it("refuse the teacher deleting the student's draft, and deleting an approved plan", async () => {
    signedIn = s.teacher;
    expect(await actions.deletePlanAction({ planId: draftId, version: (await row(draftId)).version })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    signedIn = s.student;
    expect(await actions.deletePlanAction({ planId: activeId, version: (await row(activeId)).version })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await row(activeId)).deletedAt).toBeNull();
  });

  it("let the student delete and restore; nobody else restores", async () => {
    signedIn = s.student;
    const deleted = await actions.deletePlanAction({ planId: draftId, version: (await row(draftId)).version });
    expect(deleted).toMatchObject({ ok: true, data: { id: draftId, title: "My draft" } });
    for (const actor of [s.classmate, s.teacher, s.guardian, s.admin, s.districtAdmin]) {
      signedIn = actor;
      expect(await actions.restorePlanAction({ planId: draftId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect((await row(draftId)).deletedAt).not.toBeNull();
    signedIn = s.student;
    expect(await actions.restorePlanAction({ planId: draftId })).toMatchObject({ ok: true, data: { id: draftId } });
    expect((await row(draftId)).deletedAt).toBeNull();
  });

  it("refuse a send-back without a reason, with the message on the note field", async () => {
    signedIn = s.teacher;
    const result = await transitionPlanAction({
      planId: activeId,
      version: (await row(activeId)).version,
      transition: "sendBack",
      note: "",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { note: ["Tell the student why."] } });
    signedIn = s.otherTeacher;
    const tampered = await transitionPlanAction({
      planId: activeId,
      version: (await row(activeId)).version,
      transition: "sendBack",
      note: "Mine now",
    });
    expect(tampered).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await row(activeId)).status).toBe("ACTIVE");
  });

  it("start a plan only for a student the teacher teaches, whatever id is bound", async () => {
    const count = () => db.plan.count({ where: { createdById: { in: [s.teacher.id, s.otherTeacher.id, s.admin.id] } } });
    const before = await count();
    for (const [actor, studentId] of [
      [s.otherTeacher, s.student.id],
      [s.teacher, s.strangerStudent.id],
      [s.teacher, s.otherStudent.id],
      [s.admin, s.student.id],
      [s.teacher, { id: s.student.id }],
    ] as const) {
      signedIn = actor;
      const result = await actions.createPlanForStudentAction(studentId, planInput());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(["NOT_FOUND", "INVALID"]).toContain(result.code);
    }
    expect(await count()).toBe(before);
    signedIn = s.teacher;
    const bad = await actions.createPlanForStudentAction(s.student.id, planInput({ title: "" }));
    expect(bad).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { title: ["Give the plan a title."] } });
    const made = await actions.createPlanForStudentAction(s.student.id, planInput({ title: "From Tess" }));
    expect(made.ok).toBe(true);
    if (made.ok) expect((await row(made.data.id)).studentId).toBe(s.student.id);
  });
});
