// The plan page's read in plain statements (detail.ts) gives what the nested Prisma select it
// replaced gave, for a plan with everything: standards, activities, stored mastery with a
// baseline, evidence counts, events by people and by someone since deleted.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { MASTERY_SELECT } from "@/lib/mastery/levels";
import { makeSchool, planInput } from "@/test/fixtures";
import { activePlan, ratedEvidence, step } from "@/test/plans";
import { planDetailRead } from "./detail";
import { addEvidence } from "@/lib/evidence/commands";
import { createPlan } from "./commands";
import { ACTIVITY_SELECT } from "./revisions";
import { EMPTY_ACTIVITY } from "./schemas";

const person = { select: { id: true, name: true } } as const;
/** The nested select the plan page used to read its plan with. */
const nestedSelect = {
  id: true,
  title: true,
  type: true,
  status: true,
  summary: true,
  startsOn: true,
  endsOn: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
  schoolId: true,
  student: { select: { id: true, name: true, profile: { select: { gradeLevel: true } } } },
  goals: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      subject: true,
      title: true,
      successCriteria: true,
      masteryDemonstration: true,
      targetDate: true,
      standards: { select: { standard: { select: { id: true, code: true, description: true } } } },
      activities: { orderBy: { position: "asc" }, select: ACTIVITY_SELECT },
      mastery: { select: MASTERY_SELECT },
      _count: { select: { evidence: true } },
    },
  },
  events: {
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: person },
  },
} satisfies Prisma.PlanSelect;

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;

beforeAll(async () => {
  s = await makeSchool();
  const second = await db.standard.create({
    data: { organizationId: s.district.id, code: `AAA.${s.district.id.slice(-4)}`, subject: "ELA", description: "Comes first by code" },
  });
  const goal = planInput().goals[0]!;
  const activities = [
    {
      ...EMPTY_ACTIVITY,
      description: "Read about rivers",
      setting: "HOME" as const,
      resourceKind: "BOOK" as const,
      resource: "River Science",
    },
    { ...EMPTY_ACTIVITY, description: "Measure the creek", setting: "COMMUNITY" as const, timing: "Saturdays", withWhom: "My uncle" },
  ];
  const created = await createPlan(
    s.student,
    planInput({
      title: "Everything on it",
      goals: [
        { ...goal, title: "Goal 1", standardIds: [s.standard.id, second.id], activities },
        { ...goal, title: "Goal 2", subject: "MATH", targetDate: "2026-11-30" },
        { ...goal, title: "Goal 3", standardIds: [second.id] },
      ],
    }),
  );
  planId = created.id;
  await step(s.student, planId, "submit");
  await step(s.teacher, planId, "approve");
  const goals = (await db.goal.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((g) => g.id);
  // Two rated pieces on the first goal (a level and a baseline), one unrated on the third.
  await ratedEvidence(s.student, s.teacher, { planId, goalId: goals[0]! }, s.levels.DEVELOPING, { at: new Date(Date.now() - 86_400_000) });
  await ratedEvidence(s.student, s.teacher, { planId, goalId: goals[0]! }, s.levels.ADVANCED);
  await addEvidence(s.student, { planId, goalId: goals[2]!, kind: "TEXT", title: "Unrated", text: "Notes", url: "", reflection: "" });
  // An event whose actor has since been deleted.
  const first = await db.planEvent.findFirstOrThrow({ where: { planId }, orderBy: { createdAt: "asc" } });
  await db.planEvent.update({ where: { id: first.id }, data: { actorId: null } });
});

/** Standards in the order the plain read gives them (by code); the nested select has no order for them. */
function byCode<T extends { goals: { standards: { standard: { code: string; id: string } }[] }[] }>(plan: T): T {
  return {
    ...plan,
    goals: plan.goals.map((g) => ({
      ...g,
      standards: [...g.standards].sort(
        (a, b) => a.standard.code.localeCompare(b.standard.code) || a.standard.id.localeCompare(b.standard.id),
      ),
    })),
  };
}

describe("the plan page's read", () => {
  it("gives what the nested select gave", async () => {
    const nested = await db.plan.findFirstOrThrow({ where: { id: planId }, select: nestedSelect });
    const plain = await planDetailRead(planId);
    expect(plain).toEqual(byCode(nested));
    // The plan has what the comparison should cover.
    expect(nested.goals.map((g) => g.standards.length)).toEqual([2, 0, 1]);
    expect(nested.goals[0]!.activities).toHaveLength(2);
    expect(nested.goals[0]!.mastery?.level?.id).toBe(s.levels.ADVANCED);
    expect(nested.goals[0]!.mastery?.baselineLevel?.id).toBe(s.levels.DEVELOPING);
    expect(nested.goals.map((g) => g._count.evidence)).toEqual([2, 0, 1]);
    expect(nested.goals[2]!.mastery).toBeNull();
    expect(nested.events.some((e) => e.actor === null)).toBe(true);
    expect(nested.events.some((e) => e.actor !== null)).toBe(true);
  });

  it("lists standards by code", async () => {
    const plain = await planDetailRead(planId);
    expect(plain?.goals[0]!.standards.map((x) => x.standard.code)).toEqual([`AAA.${s.district.id.slice(-4)}`, s.standard.code]);
  });

  it("finds no deleted plan and no unknown id", async () => {
    expect(await planDetailRead("no-such-plan")).toBeNull();
    const { id } = await activePlan(s.classmate, s.teacher, [[]], "Gone");
    await db.plan.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await planDetailRead(id)).toBeNull();
  });
});
