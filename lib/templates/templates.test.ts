// Templates: who sees and changes which, applying to a class, sync idempotency (also when
// run twice at once), following template changes, and unlinking.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createPlan, transitionPlan, updatePlan } from "@/lib/plans/commands";
import { getPlan } from "@/lib/plans/queries";
import { planContent } from "@/lib/plans/revisions";
import { actorOf, makeSchool, person, planInput } from "@/test/fixtures";
import {
  applyTemplate,
  archiveTemplate,
  createTemplate,
  startPlanFromTemplate,
  syncTemplateApplication,
  unlinkTemplate,
  updateTemplate,
} from "./commands";
import { getTemplate, listTemplates, planTemplateLink, templateValuesFromPlan } from "./queries";
import type { TemplateFormInput } from "./schemas";

let s: Awaited<ReturnType<typeof makeSchool>>;
let schoolTemplate: string;
let districtTemplate: string;

function templateInput(overrides: Partial<TemplateFormInput> = {}): TemplateFormInput {
  return {
    name: "Local history project",
    type: "PERSONALIZED",
    description: "Research a place in town.",
    goals: [
      {
        subject: "ELA",
        title: "Write a local history",
        successCriteria: "Three sources, one interview",
        masteryDemonstration: "A short article",
        standardIds: [],
        activities: [
          {
            description: "Interview a neighbour",
            setting: "COMMUNITY",
            timing: "Once",
            withWhom: "A neighbour",
            resourceKind: "PERSON",
            resource: "A long-time resident",
            resourceUrl: "",
          },
        ],
      },
    ],
    ...overrides,
  };
}

const names = async (actor: Actor) => (await listTemplates(actor, {})).items.map((t) => t.id);
const version = async (id: string) => (await db.planTemplate.findUniqueOrThrow({ where: { id } })).version;
const apply = (actor: Actor, templateId: string, classId: string) =>
  applyTemplate(actor, { templateId, classId, startsOn: "2026-09-01", endsOn: "2026-12-15" });

beforeAll(async () => {
  s = await makeSchool();
  schoolTemplate = (await createTemplate(s.teacher, templateInput())).id;
  districtTemplate = (await createTemplate(s.districtAdmin, templateInput({ name: "District study", type: "INDEPENDENT_STUDY" }))).id;
});

describe("template visibility and rights", () => {
  it("shows school templates to that school's staff and students, district ones to the whole district, nothing to guardians or other districts", async () => {
    const both = [districtTemplate, schoolTemplate].sort();
    for (const actor of [s.teacher, s.otherTeacher, s.student, s.admin, s.districtAdmin]) {
      expect((await names(actor)).filter((id) => both.includes(id)).sort()).toEqual(both);
    }
    for (const actor of [s.teacherB, s.childB]) expect(await names(actor)).toEqual([districtTemplate]);
    for (const actor of [s.guardian, s.otherAdmin, s.otherStudent]) {
      expect(await names(actor)).toEqual([]);
      await expect(getTemplate(actor, districtTemplate)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(getTemplate(s.teacherB, schoolTemplate)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores goals without ids, and suggested activities with them", async () => {
    const t = await db.planTemplate.findUniqueOrThrow({ where: { id: schoolTemplate } });
    expect(t.organizationId).toBe(s.school.id);
    expect(JSON.stringify(t.goals)).not.toContain('"id"');
    expect((await getTemplate(s.student, schoolTemplate)).goals[0]?.activities[0]?.description).toBe("Interview a neighbour");
    expect((await db.planTemplate.findUniqueOrThrow({ where: { id: districtTemplate } })).organizationId).toBe(s.district.id);
  });

  it("lets the author and admins of the owning school or district change it, nobody else", async () => {
    for (const actor of [s.otherTeacher, s.student, s.guardian]) {
      await expect(
        updateTemplate(actor, {
          templateId: schoolTemplate,
          version: await version(schoolTemplate),
          template: templateInput({ name: "Hijacked" }),
        }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
    }
    await expect(
      updateTemplate(s.admin, { templateId: districtTemplate, version: await version(districtTemplate), template: templateInput() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const actor of [s.teacher, s.admin, s.districtAdmin]) {
      await updateTemplate(actor, { templateId: schoolTemplate, version: await version(schoolTemplate), template: templateInput() });
    }
    expect((await getTemplate(s.teacher, schoolTemplate)).allowed.manage).toBe(true);
    expect((await getTemplate(s.otherTeacher, schoolTemplate)).allowed).toMatchObject({ manage: false, apply: true, start: false });
    expect((await getTemplate(s.student, schoolTemplate)).allowed).toMatchObject({ manage: false, apply: false, start: true });
    expect((await getTemplate(s.childB, districtTemplate)).allowed.start).toBe(true);
  });

  it("refuses a stale version and templates from students or guardians", async () => {
    await expect(updateTemplate(s.teacher, { templateId: schoolTemplate, version: 1, template: templateInput() })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    for (const actor of [s.student, s.guardian])
      await expect(createTemplate(actor, templateInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createTemplate(s.teacher, templateInput({ goals: [{ ...templateInput().goals[0]!, standardIds: [s.foreignStandard.id] }] })),
    ).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("applying a template to a class", () => {
  let applicationId: string;
  let leaver: Actor;

  it("creates one linked draft per student enrolled now, none for ended enrollments", async () => {
    leaver = await person(s.school, "STUDENT", "Lee Leaver");
    await db.enrollment.create({ data: { classId: s.classA.id, userId: leaver.id, role: "STUDENT", endsOn: new Date("2020-01-01") } });
    const result = await apply(s.teacher, schoolTemplate, s.classA.id);
    applicationId = result.applicationId;
    expect(result.created).toBe(2);
    const plans = await db.plan.findMany({
      where: { applicationId },
      include: { goals: { include: { activities: true } }, events: true, revisions: true },
    });
    expect(plans.map((p) => p.studentId).sort()).toEqual([s.student.id, s.classmate.id].sort());
    for (const p of plans) {
      expect(p).toMatchObject({
        status: "DRAFT",
        templateLinked: true,
        templateId: schoolTemplate,
        createdById: s.teacher.id,
        schoolId: s.school.id,
      });
      expect(p.templateVersion).toBe(await version(schoolTemplate));
      expect(p.goals[0]?.activities[0]).toMatchObject({
        description: "Interview a neighbour",
        setting: "COMMUNITY",
        resourceKind: "PERSON",
      });
      expect(p.events[0]?.note).toBe("Plan started from template “Local history project”");
      expect(p.revisions.map((r) => r.kind)).toEqual(["CREATED"]);
      // The first revision holds the plan's content exactly as any later revision would.
      expect(p.revisions[0]?.content).toEqual(await planContent(db, p.id));
    }
    expect(await db.auditEvent.count({ where: { action: "plan.create_from_template", entityId: { in: plans.map((p) => p.id) } } })).toBe(2);
  });

  it("refuses classes the actor does not teach or run, templates they cannot see, and a second application", async () => {
    await expect(apply(s.otherTeacher, schoolTemplate, s.classA.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(s.teacher, schoolTemplate, s.classB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A school template reaches its own school's classes only.
    await expect(apply(s.districtAdmin, schoolTemplate, s.classSchoolB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(s.teacherB, schoolTemplate, s.classSchoolB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(s.otherAdmin, districtTemplate, s.classB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(s.student, schoolTemplate, s.classA.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(apply(s.guardian, schoolTemplate, s.classA.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(apply(s.teacher, schoolTemplate, s.classA.id)).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.templateApplication.count({ where: { templateId: schoolTemplate } })).toBe(1);
  });

  it("lets a school admin apply a district template to any class of the school, and a district admin to another school's", async () => {
    expect((await apply(s.admin, districtTemplate, s.classB.id)).created).toBe(1);
    expect((await apply(s.districtAdmin, districtTemplate, s.classSchoolB.id)).created).toBe(1);
    await expect(apply(s.admin, districtTemplate, s.classSchoolB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives a student enrolled later theirs on the next sync, and never creates one twice, even run concurrently", async () => {
    const late = await Promise.all([1, 2, 3].map((n) => person(s.school, "STUDENT", `Late ${n}`)));
    await db.enrollment.createMany({ data: late.map((p) => ({ classId: s.classA.id, userId: p.id, role: "STUDENT" as const })) });
    const runs = await Promise.all([
      syncTemplateApplication(s.teacher, { applicationId }),
      syncTemplateApplication(s.admin, { applicationId }),
    ]);
    expect(runs[0].created + runs[1].created).toBe(3);
    expect(await syncTemplateApplication(s.teacher, { applicationId })).toEqual({ created: 0 });
    const plans = await db.plan.findMany({ where: { applicationId }, select: { studentId: true, goals: { select: { id: true } } } });
    expect(plans).toHaveLength(5);
    expect(new Set(plans.map((p) => p.studentId)).size).toBe(5);
    expect(plans.every((p) => p.goals.length === 1)).toBe(true);
    expect(await db.planRevision.count({ where: { plan: { applicationId } } })).toBe(5);
    expect(plans.some((p) => p.studentId === leaver.id)).toBe(false);
  });

  it("refuses a sync by someone who neither teaches nor runs the class", async () => {
    for (const actor of [s.otherTeacher, s.teacherB, s.student, s.guardian, s.otherAdmin]) {
      await expect(syncTemplateApplication(actor, { applicationId })).rejects.toMatchObject({
        code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
      });
    }
  });

  it("updates the linked plans still in draft, leaves the ones further along as they are", async () => {
    const mine = await db.plan.findUniqueOrThrow({ where: { applicationId_studentId: { applicationId, studentId: s.student.id } } });
    const theirs = await db.plan.findUniqueOrThrow({ where: { applicationId_studentId: { applicationId, studentId: s.classmate.id } } });
    await transitionPlan(s.classmate, { planId: theirs.id, version: theirs.version, transition: "submit", note: "" });
    const goalId = (await db.goal.findFirstOrThrow({ where: { planId: mine.id } })).id;
    const changed = templateInput({
      goals: [
        { ...templateInput().goals[0]!, title: "Write a river history" },
        { ...templateInput().goals[0]!, title: "Map the river" },
      ],
    });
    const result = await updateTemplate(s.teacher, {
      templateId: schoolTemplate,
      version: await version(schoolTemplate),
      template: changed,
    });
    expect(result).toMatchObject({ updated: 4, leftAsTheyAre: 1 });
    const after = await db.plan.findUniqueOrThrow({
      where: { id: mine.id },
      include: { goals: { orderBy: { position: "asc" } }, revisions: true },
    });
    expect(after.goals.map((g) => g.title)).toEqual(["Write a river history", "Map the river"]);
    // Matched by position: the first goal keeps its identity (and its comments).
    expect(after.goals[0]?.id).toBe(goalId);
    expect(after.version).toBe(mine.version + 1);
    expect(after.templateVersion).toBe(result.version);
    expect(after.revisions.map((r) => r.kind)).toEqual(["CREATED", "TEMPLATE_UPDATED"]);
    const submitted = await db.plan.findUniqueOrThrow({ where: { id: theirs.id }, include: { goals: true } });
    expect(submitted.goals.map((g) => g.title)).toEqual(["Write a local history"]);
    expect(submitted.templateLinked).toBe(true);
  });

  it("unlinks for the student or their teacher only; the content stays and stops following", async () => {
    const mine = await db.plan.findUniqueOrThrow({ where: { applicationId_studentId: { applicationId, studentId: s.student.id } } });
    await expect(unlinkTemplate(s.otherTeacher, { planId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A draft never submitted is the student's own: the family does not find it.
    await expect(unlinkTemplate(s.guardian, { planId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(planTemplateLink(s.guardian, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Submitted once and taken back, it is a draft the family follows, and still may not unlink.
    for (const transition of ["submit", "withdraw"] as const) {
      const v = (await db.plan.findUniqueOrThrow({ where: { id: mine.id } })).version;
      await transitionPlan(s.student, { planId: mine.id, version: v, transition, note: "" });
    }
    for (const actor of [s.guardian, s.admin])
      await expect(unlinkTemplate(actor, { planId: mine.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await planTemplateLink(s.guardian, mine.id)).mayUnlink).toBe(false);
    expect((await planTemplateLink(s.student, mine.id)).mayUnlink).toBe(true);
    const before = await planContent(db, mine.id);
    await unlinkTemplate(s.student, { planId: mine.id });
    expect(await planContent(db, mine.id)).toEqual(before);
    const plan = await db.plan.findUniqueOrThrow({ where: { id: mine.id }, include: { events: true } });
    expect(plan.templateLinked).toBe(false);
    expect(plan.templateId).toBe(schoolTemplate);
    expect(plan.events.map((e) => e.kind)).toContain("TEMPLATE_UNLINKED");
    await expect(unlinkTemplate(s.teacher, { planId: mine.id })).rejects.toMatchObject({ code: "INVALID" });

    await updateTemplate(s.teacher, {
      templateId: schoolTemplate,
      version: await version(schoolTemplate),
      template: templateInput({ name: "v3" }),
    });
    expect(await planContent(db, mine.id)).toEqual(before);
    // Hand edits keep working on an unlinked plan.
    const v = (await db.plan.findUniqueOrThrow({ where: { id: mine.id } })).version;
    await updatePlan(s.student, { planId: mine.id, version: v, plan: { ...before, title: "Mine now", goals: before.goals } });
  });

  it("stops following the template when someone edits the plan by hand, so a template change never overwrites it", async () => {
    const theirs = await db.plan.findUniqueOrThrow({ where: { applicationId_studentId: { applicationId, studentId: s.classmate.id } } });
    // The classmate's plan was submitted above; their teacher asks for changes, then they edit it.
    await transitionPlan(s.teacher, { planId: theirs.id, version: theirs.version, transition: "requestChanges", note: "Add a date" });
    const v = (await db.plan.findUniqueOrThrow({ where: { id: theirs.id } })).version;
    const content = await planContent(db, theirs.id);
    await updatePlan(s.classmate, { planId: theirs.id, version: v, plan: { ...content, title: "Written by me" } });
    const edited = await db.plan.findUniqueOrThrow({ where: { id: theirs.id }, include: { events: true } });
    expect(edited.templateLinked).toBe(false);
    expect(edited.events.filter((e) => e.kind === "TEMPLATE_UNLINKED").map((e) => e.note)).toEqual(["Edited by hand"]);
    const kept = await planContent(db, theirs.id);
    await updateTemplate(s.teacher, {
      templateId: schoolTemplate,
      version: await version(schoolTemplate),
      template: templateInput({ goals: [{ ...templateInput().goals[0]!, title: "Something else entirely" }] }),
    });
    expect(await planContent(db, theirs.id)).toEqual(kept);
  });

  it("never rewrites a linked plan that was approved once, even when it is back in draft", async () => {
    const draft = await db.plan.findFirstOrThrow({ where: { applicationId, templateLinked: true, status: "DRAFT", approvedAt: null } });
    const owner = await actorOf(draft.studentId);
    const step = async (actor: Actor, transition: "submit" | "approve" | "sendBack", note = "") => {
      const v = (await db.plan.findUniqueOrThrow({ where: { id: draft.id } })).version;
      await transitionPlan(actor, { planId: draft.id, version: v, transition, note });
    };
    await step(owner, "submit");
    await step(s.teacher, "approve");
    await step(s.teacher, "sendBack", "One more goal, please");
    const before = await planContent(db, draft.id);
    const result = await updateTemplate(s.teacher, {
      templateId: schoolTemplate,
      version: await version(schoolTemplate),
      template: templateInput({ goals: [{ ...templateInput().goals[0]!, title: "Not for approved plans" }] }),
    });
    expect(await planContent(db, draft.id)).toEqual(before);
    expect(result.leftAsTheyAre).toBeGreaterThan(0);
  });

  it("makes a template from a plan only for the student's teacher, not for a teacher who is its student's parent", async () => {
    const plan = await createPlan(s.student, planInput({ title: "Family copy" }));
    // Submitted, so that the family follows it (a draft is the student's own).
    await transitionPlan(s.student, { planId: plan.id, version: 1, transition: "submit", note: "" });
    await expect(templateValuesFromPlan(s.teacher, plan.id)).resolves.toMatchObject({ name: "Family copy" });
    // A teacher at school B who is also the student's guardian sees the plan, as a parent.
    await db.membership.create({
      data: { userId: s.teacherB.id, organizationId: s.school.id, districtId: s.school.districtId, role: "GUARDIAN" },
    });
    await db.guardianLink.create({ data: { districtId: s.school.districtId, guardianId: s.teacherB.id, studentId: s.student.id } });
    const parentTeacher = await actorOf(s.teacherB.id);
    await expect(getPlan(parentTeacher, plan.id)).resolves.toMatchObject({ title: "Family copy" });
    await expect(templateValuesFromPlan(parentTeacher, plan.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await planTemplateLink(parentTeacher, plan.id)).maySaveAsTemplate).toBe(false);
    for (const actor of [s.guardian, s.student]) {
      await expect(templateValuesFromPlan(actor, plan.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("is archived, never deleted, and an archived template is neither applied, synced nor edited", async () => {
    await expect(
      archiveTemplate(s.otherTeacher, { templateId: schoolTemplate, version: await version(schoolTemplate) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await archiveTemplate(s.teacher, { templateId: schoolTemplate, version: await version(schoolTemplate) });
    expect(await names(s.student)).not.toContain(schoolTemplate);
    await expect(syncTemplateApplication(s.teacher, { applicationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateTemplate(s.teacher, { templateId: schoolTemplate, version: await version(schoolTemplate), template: templateInput() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.plan.count({ where: { templateId: schoolTemplate } })).toBeGreaterThan(0);
  });
});

describe("a student starting a plan from a template", () => {
  it("creates a linked draft of their own at their school", async () => {
    const { id } = await startPlanFromTemplate(s.childB, { templateId: districtTemplate });
    const plan = await db.plan.findUniqueOrThrow({ where: { id }, include: { goals: { include: { activities: true } }, revisions: true } });
    expect(plan).toMatchObject({
      studentId: s.childB.id,
      schoolId: s.schoolB.id,
      templateLinked: true,
      applicationId: null,
      status: "DRAFT",
    });
    expect(plan.goals[0]?.activities).toHaveLength(1);
    expect(plan.revisions).toHaveLength(1);
  });

  it("refuses templates of another school or district, and people who are not students", async () => {
    const other = (await createTemplate(s.teacher, templateInput({ name: "School A only" }))).id;
    await expect(startPlanFromTemplate(s.childB, { templateId: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startPlanFromTemplate(s.otherStudent, { templateId: districtTemplate })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startPlanFromTemplate(s.teacher, { templateId: districtTemplate })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startPlanFromTemplate(s.guardian, { templateId: districtTemplate })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
