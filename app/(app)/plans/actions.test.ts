// Server actions are public endpoints: anyone can post any ids to them. These tests call
// them as the browser would, with tampered ids, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let activeId: string;
let goalId: string;

beforeAll(async () => {
  s = await makeSchool();
  activeId = (await createPlan(s.student, planInput({ title: "Protected plan" }))).id;
  for (const [actor, transition] of [
    [s.student, "submit"],
    [s.teacher, "approve"],
  ] as const) {
    const { version } = await db.plan.findUniqueOrThrow({ where: { id: activeId } });
    await transitionPlan(actor, { planId: activeId, version, transition, note: "" });
  }
  goalId = (await db.goal.findFirstOrThrow({ where: { planId: activeId } })).id;
});
beforeEach(() => {
  signedIn = null;
});

function evidenceForm(fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ kind: "TEXT", title: "Work", text: "Done", url: "", reflection: "", ...fields })) form.set(k, v);
  return form;
}

describe("server actions", () => {
  it("refuse a signed-out caller without touching anything", async () => {
    const result = await actions.createPlanAction(planInput());
    expect(result).toMatchObject({ ok: false, code: "SESSION_ENDED", message: expect.stringContaining("session has ended") });
  });

  it("return field errors for bad input", async () => {
    signedIn = s.student;
    const result = await actions.createPlanAction(planInput({ title: "", startsOn: "2027-01-02", endsOn: "2027-01-01" }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors).toMatchObject({
        title: ["Give the plan a title."],
        endsOn: ["The end date must be on or after the start date."],
      });
  });

  it("answer a tampered plan or goal id with 'not found' and change nothing", async () => {
    signedIn = s.classmate;
    const before = await db.plan.findUniqueOrThrow({ where: { id: activeId } });
    const results = [
      await actions.updatePlanAction({ planId: activeId, version: before.version, plan: planInput({ title: "Hijacked" }) }),
      await actions.transitionPlanAction({ planId: activeId, version: before.version, transition: "complete", note: "" }),
      await actions.addEvidenceAction(evidenceForm({ planId: activeId, goalId })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    const after = await db.plan.findUniqueOrThrow({ where: { id: activeId } });
    expect([after.title, after.version, after.status]).toEqual([before.title, before.version, before.status]);
    expect(await db.evidence.count({ where: { planId: activeId } })).toBe(0);
    expect(await db.comment.count({ where: { planId: activeId } })).toBe(0);
  });

  it("let the owner add evidence through the same action, and refuse an oversized file", async () => {
    signedIn = s.student;
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "scan.pdf", { type: "application/pdf" });
    const refused = await actions.addEvidenceAction(evidenceForm({ planId: activeId, goalId, kind: "FILE", file: big }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining("the limit is 10 MB")] } });
    const added = await actions.addEvidenceAction(evidenceForm({ planId: activeId, goalId }));
    expect(added.ok).toBe(true);
    signedIn = s.otherTeacher;
    if (!added.ok) throw new Error("evidence was not added");
    const evidenceId = added.data.id;
    const rating = await actions.rateEvidenceAction({ evidenceId, goalId, levelId: s.levels.ADVANCED, feedback: "?", planId: activeId });
    expect(rating).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.rating.count({ where: { evidenceId } })).toBe(0);
  });
});
