// A draft is the student's own: the family follows a plan from its first submission on (issue 11).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { makeSchool, planInput } from "@/test/fixtures";
import { createPlan, transitionPlan } from "./commands";
import { getPlan, listPlans } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const version = async (planId: string) => (await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
const move = async (actor: typeof s.student, planId: string, transition: string, note = "") =>
  transitionPlan(actor, { planId, version: await version(planId), transition, note });
const listed = async (planId: string) => (await listPlans(s.guardian, { page: 1 })).items.some((p) => p.id === planId);

describe("what a guardian sees of their child's plans", () => {
  it("nothing of a draft never submitted, in the list or by its id", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Secret first ideas" }));
    await expect(getPlan(s.guardian, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listed(id)).toBe(false);
    // The student and their teacher still do.
    await expect(getPlan(s.student, id)).resolves.toMatchObject({ id });
    await expect(getPlan(s.teacher, id)).resolves.toMatchObject({ id });
  });

  it("the plan from its first submission on, also while it is back with the student for changes", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Shared from submission" }));
    await move(s.student, id, "submit");
    await expect(getPlan(s.guardian, id)).resolves.toMatchObject({ id, status: "SUBMITTED" });
    await move(s.teacher, id, "startReview");
    await move(s.teacher, id, "requestChanges", "Add a goal");
    await expect(getPlan(s.guardian, id)).resolves.toMatchObject({ id, status: "CHANGES_REQUESTED" });
    expect(await listed(id)).toBe(true);
  });

  it("never another family's child's plan, submitted or not", async () => {
    const { id } = await createPlan(s.student, planInput({ title: "Not theirs" }));
    await move(s.student, id, "submit");
    await expect(getPlan(s.otherGuardian, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
