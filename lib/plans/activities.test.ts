// Activities are written with their goals through updatePlan (lib/plans/content.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { InputError, NotFoundError } from "@/lib/errors";
import { makeSchool, planInput } from "@/test/fixtures";
import { createPlan, updatePlan } from "./commands";
import { getPlan, planFormValues } from "./queries";
import { EMPTY_ACTIVITY, planFormSchema, type ActivityInput, type PlanFormInput } from "./schemas";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const atHome: ActivityInput = {
  ...EMPTY_ACTIVITY,
  description: "Read about rivers",
  setting: "HOME",
  resourceKind: "BOOK",
  resource: "River Science",
};
const outside: ActivityInput = {
  ...EMPTY_ACTIVITY,
  description: "Measure the creek",
  setting: "COMMUNITY",
  timing: "Saturdays",
  withWhom: "My uncle",
  resourceKind: "PERSON",
  resource: "Uncle Joe, a surveyor",
};

function withActivities(activities: ActivityInput[], base: PlanFormInput = planInput()): PlanFormInput {
  return { ...base, goals: base.goals.map((g, i) => (i === 0 ? { ...g, activities } : g)) };
}

async function edit(planId: string, plan: PlanFormInput, actor = s.student) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id: planId } });
  return updatePlan(actor, { planId, version, plan });
}

describe("activities in a plan", () => {
  it("are saved in order, shown on the plan, and keep their ids across edits", async () => {
    const { id } = await createPlan(s.student, withActivities([atHome]));
    const first = await getPlan(s.student, id);
    const values = planFormValues(first);
    const kept = values.goals[0]?.activities[0];
    expect(kept).toMatchObject({ description: "Read about rivers", setting: "HOME", resourceKind: "BOOK", resource: "River Science" });

    await edit(id, withActivities([outside, { ...(kept as ActivityInput), timing: "Every evening" }], values));
    const plan = await getPlan(s.teacher, id);
    const acts = plan.goals[0]?.activities ?? [];
    expect(acts.map((a) => [a.setting, a.timing, a.withWhom])).toEqual([
      ["COMMUNITY", "Saturdays", "My uncle"],
      ["HOME", "Every evening", ""],
    ]);
    expect(acts[1]?.id).toBe(kept?.id);
  });

  it("refuses an activity id from another plan and changes nothing", async () => {
    const other = await createPlan(s.classmate, withActivities([atHome]));
    const foreignId = (await db.activity.findFirstOrThrow({ where: { goal: { planId: other.id } } })).id;
    const { id } = await createPlan(s.student, withActivities([outside]));
    await expect(edit(id, withActivities([{ ...atHome, id: foreignId, description: "Stolen" }]))).rejects.toBeInstanceOf(InputError);
    expect((await db.activity.findUniqueOrThrow({ where: { id: foreignId } })).description).toBe("Read about rivers");
    expect(await db.activity.count({ where: { goal: { planId: id } } })).toBe(1);
  });

  it("refuses a link that is not a web address (javascript:, no scheme) and stores only web links", async () => {
    const { id } = await createPlan(s.student, planInput());
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "example.com"]) {
      await expect(edit(id, withActivities([{ ...atHome, resourceKind: "LINK", resourceUrl: url }])), url).rejects.toBeInstanceOf(
        z.ZodError,
      );
    }
    await edit(id, withActivities([{ ...atHome, resourceKind: "LINK", resource: "Video", resourceUrl: "https://example.org/rivers" }]));
    const [a] = (await getPlan(s.student, id)).goals[0]?.activities ?? [];
    expect(a).toMatchObject({ resourceKind: "LINK", resource: "Video", resourceUrl: "https://example.org/rivers" });
  });

  it("are written only by people who may edit the plan", async () => {
    const { id } = await createPlan(s.student, withActivities([atHome]));
    await expect(edit(id, withActivities([outside]), s.classmate)).rejects.toBeInstanceOf(NotFoundError);
    await expect(edit(id, withActivities([outside]), s.otherTeacher)).rejects.toBeInstanceOf(NotFoundError);
    // The family does not even find a draft (it is the student's own until submitted).
    await expect(edit(id, withActivities([outside]), s.guardian)).rejects.toBeInstanceOf(NotFoundError);
    const acts = await db.activity.findMany({ where: { goal: { planId: id } } });
    expect(acts.map((a) => a.description)).toEqual(["Read about rivers"]);
  });
});

describe("a tampered plan form", () => {
  it("repeating a goal or activity id is a field message, not a failure", () => {
    const goal = { ...planInput().goals[0]!, id: "g1", activities: [{ ...EMPTY_ACTIVITY, id: "a1", description: "Read" }] };
    const twice = planFormSchema.safeParse(planInput({ goals: [goal, { ...goal, activities: [] }] }));
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((i) => i.message)).toContain("plans.validation.goalRepeated");
    const activityTwice = planFormSchema.safeParse(planInput({ goals: [goal, { ...goal, id: "g2" }] }));
    expect(activityTwice.error?.issues.map((i) => i.message)).toContain("plans.validation.activityRepeated");
    expect(planFormSchema.safeParse(planInput({ goals: [goal] })).success).toBe(true);
  });
});
