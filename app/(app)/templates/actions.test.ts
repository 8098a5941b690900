// Template actions are public endpoints: anyone can post any ids to them. These tests call
// them as the browser would, with tampered ids (a foreign class, a foreign template, a
// foreign plan), and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { transitionPlan } from "@/lib/plans/commands";
import { applyTemplate, createTemplate } from "@/lib/templates/commands";
import type { TemplateFormInput } from "@/lib/templates/schemas";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let templateId: string;
let foreignTemplateId: string;
let applicationId: string;

const input = (name = "Local history"): TemplateFormInput => ({
  name,
  type: "PERSONALIZED",
  description: "",
  goals: [
    {
      subject: "ELA",
      title: "Write",
      successCriteria: "Done",
      masteryDemonstration: "Essay",
      standardIds: [],
      activities: [],
    },
  ],
});
const dates = { startsOn: "2026-09-01", endsOn: "2026-12-15" };

beforeAll(async () => {
  s = await makeSchool();
  templateId = (await createTemplate(s.teacher, input())).id;
  foreignTemplateId = (await createTemplate(s.otherAdmin, input("Elsewhere"))).id;
  applicationId = (await applyTemplate(s.teacher, { templateId, classId: s.classA.id, ...dates })).applicationId;
});
beforeEach(() => {
  signedIn = null;
});

describe("template actions", () => {
  it("refuse a signed-out caller", async () => {
    expect(await actions.createTemplateAction(input())).toMatchObject({ ok: false, code: "SESSION_ENDED" });
  });

  it("return field errors for bad input, and drop ids a browser slips into goals", async () => {
    signedIn = s.teacher;
    const bad = await actions.createTemplateAction({ ...input(""), goals: [] });
    expect(bad).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { name: ["Give the template a name."], goals: ["Add at least one goal."] },
    });
    const withIds = input();
    const created = await actions.createTemplateAction({ ...withIds, goals: [{ ...withIds.goals[0], id: "goal-from-elsewhere" }] });
    if (!created.ok) throw new Error(created.message);
    expect(JSON.stringify((await db.planTemplate.findUniqueOrThrow({ where: { id: created.data.id } })).goals)).not.toContain(
      "goal-from-elsewhere",
    );
    const dates = await actions.applyTemplateAction({ templateId, classId: s.classA.id, startsOn: "2027-01-02", endsOn: "2027-01-01" });
    expect(dates).toMatchObject({ ok: false, fieldErrors: { endsOn: ["The end date must be on or after the start date."] } });
  });

  it("answer a foreign class, template, application or plan with 'not found' and change nothing", async () => {
    signedIn = s.teacher;
    const plan = await db.plan.findFirstOrThrow({ where: { applicationId } });
    const results: ActionResult<unknown>[] = [
      await actions.applyTemplateAction({ templateId, classId: s.classB.id, ...dates }),
      await actions.applyTemplateAction({ templateId, classId: s.classSchoolB.id, ...dates }),
      await actions.applyTemplateAction({ templateId: foreignTemplateId, classId: s.classA.id, ...dates }),
      await actions.updateTemplateAction({ templateId: foreignTemplateId, version: 1, template: input("Hijacked") }),
      await actions.archiveTemplateAction({ templateId: foreignTemplateId, version: 1 }),
    ];
    signedIn = s.otherTeacher;
    results.push(await actions.syncPlansAction({ applicationId }));
    results.push(await actions.unlinkTemplateAction({ planId: plan.id }));
    signedIn = s.otherStudent;
    results.push(await actions.startPlanFromTemplateAction({ templateId }));
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    expect(
      await db.templateApplication.count({
        where: { OR: [{ templateId: foreignTemplateId }, { classId: { in: [s.classB.id, s.classSchoolB.id] } }] },
      }),
    ).toBe(0);
    const foreign = await db.planTemplate.findUniqueOrThrow({ where: { id: foreignTemplateId } });
    expect([foreign.name, foreign.version, foreign.archivedAt]).toEqual(["Elsewhere", 1, null]);
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).templateLinked).toBe(true);
    expect(await db.plan.count({ where: { studentId: s.otherStudent.id } })).toBe(0);
  });

  it("refuse what a relationship does not allow: a guardian unlinking, a colleague editing", async () => {
    const plan = await db.plan.findFirstOrThrow({ where: { applicationId, studentId: s.student.id } });
    signedIn = s.guardian;
    // A draft never submitted is the student's own: the family does not find it; once submitted, it may not unlink.
    expect(await actions.unlinkTemplateAction({ planId: plan.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await transitionPlan(s.student, { planId: plan.id, version: plan.version, transition: "submit", note: "" });
    expect(await actions.unlinkTemplateAction({ planId: plan.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signedIn = s.otherTeacher;
    expect(await actions.updateTemplateAction({ templateId, version: 1, template: input("Mine") })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    signedIn = s.teacher;
    expect(await actions.syncPlansAction({ applicationId })).toEqual({ ok: true, data: { created: 0 } });
    signedIn = s.student;
    expect(await actions.unlinkTemplateAction({ planId: plan.id })).toEqual({ ok: true, data: null });
  });
});
