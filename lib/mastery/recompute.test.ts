// Stored mastery follows the ratings: per goal and per student × standard, under the policy that
// applies (framework, then school, then district), in evidence order, in the rating's transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { computeMastery } from "./methods";
import { recomputeStudents } from "./recompute";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let goalIds: string[];
let framework: { id: string };
let caseStandard: { id: string };

async function step(actor: typeof s.student, id: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionPlan(actor, { planId: id, version, transition, note: "" });
}

const DAY = 86_400_000;
/** Evidence `daysAgo` old on a goal, rated at a level: the evidence date orders the scores. */
async function rated(goal: number, daysAgo: number, level: keyof typeof s.levels) {
  const { id } = await addEvidence(s.student, {
    planId,
    goalId: goalIds[goal],
    kind: "TEXT",
    title: `Work from ${daysAgo} days ago`,
    text: "What I did.",
    url: "",
    reflection: "",
  });
  await db.evidence.update({ where: { id }, data: { createdAt: new Date(Date.now() - daysAgo * DAY) } });
  await rateEvidence(s.teacher, { evidenceId: id, goalId: goalIds[goal], levelId: s.levels[level], feedback: "Rated." });
}

const standardMastery = (standardId: string) =>
  db.standardMastery.findUnique({
    where: { studentId_standardId: { studentId: s.student.id, standardId } },
    include: { level: true, baselineLevel: true },
  });

beforeAll(async () => {
  s = await makeSchool();
  framework = await db.standardFramework.create({
    data: { organizationId: s.district.id, caseId: crypto.randomUUID(), title: "Test framework" },
  });
  caseStandard = await db.standard.create({
    data: {
      organizationId: s.district.id,
      frameworkId: framework.id,
      caseId: crypto.randomUUID(),
      code: "T.1",
      subject: "MATH",
      description: "Ratios",
    },
  });
  const goal = planInput().goals[0]!;
  // Both goals link the local standard; the second also links the framework's.
  const { id } = await createPlan(
    s.student,
    planInput({
      goals: [
        { ...goal, standardIds: [s.standard.id] },
        { ...goal, subject: "MATH", title: "Ratios", standardIds: [s.standard.id, caseStandard.id] },
      ],
    }),
  );
  await step(s.student, id, "submit");
  await step(s.teacher, id, "approve");
  planId = id;
  goalIds = (await db.goal.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((g) => g.id);
});

describe("stored mastery", () => {
  it("is written in the rating's transaction, in evidence order, per goal and per standard", async () => {
    await rated(0, 30, "BEGINNING");
    await rated(0, 10, "PROFICIENT");
    // Rated last but the oldest work: most recent by evidence date is still Proficient.
    await rated(0, 40, "DEVELOPING");
    const goal = await db.goalMastery.findUniqueOrThrow({ where: { goalId: goalIds[0]! }, include: { level: true, baselineLevel: true } });
    expect(goal).toMatchObject({
      score: 3,
      proficient: true,
      ratingCount: 3,
      level: { name: "Proficient" },
      baselineLevel: { name: "Developing" },
    });
    expect(await standardMastery(s.standard.id)).toMatchObject({ score: 3, ratingCount: 3, level: { name: "Proficient" } });
    // Nothing yet on the framework's standard, whose only goal has no ratings.
    expect(await standardMastery(caseStandard.id)).toBeNull();
  });

  it("counts each rating once per standard, across every goal that links it", async () => {
    await rated(1, 5, "ADVANCED");
    expect(await standardMastery(s.standard.id)).toMatchObject({ ratingCount: 4, score: 4, level: { name: "Advanced" } });
    expect(await standardMastery(caseStandard.id)).toMatchObject({ ratingCount: 1, score: 4, baselineLevel: { name: "Advanced" } });
    expect(await db.goalMastery.findUniqueOrThrow({ where: { goalId: goalIds[1]! } })).toMatchObject({ ratingCount: 1, score: 4 });
  });

  it("uses the school's policy over the district's and a framework's policy for its own standards", async () => {
    const scaleId = `scale_${s.district.id}`;
    await db.masteryPolicy.create({ data: { organizationId: s.school.id, scaleId, method: "AVERAGE" } });
    await db.masteryPolicy.create({
      data: { organizationId: s.district.id, frameworkId: framework.id, scaleId, method: "N_TIMES", parameter: 2 },
    });
    await db.$transaction((tx) => recomputeStudents(tx, [s.student.id]));

    // Average of 2, 1, 3 (evidence order) for the first goal; of 2, 1, 3, 4 for the local standard.
    const goal = await db.goalMastery.findUniqueOrThrow({ where: { goalId: goalIds[0]! }, include: { level: true } });
    expect(goal).toMatchObject({ score: 2, level: { name: "Developing" }, proficient: false });
    const expected = computeMastery(
      [2, 1, 3, 4].map((points, i) => ({ points, at: new Date(i) })),
      { kind: "AVERAGE" },
      3,
    );
    expect(await standardMastery(s.standard.id)).toMatchObject({ score: expected.score, level: { name: "Developing" } });
    // n times (2) with one proficient score: not yet — rated, but no level.
    expect(await standardMastery(caseStandard.id)).toMatchObject({ ratingCount: 1, score: null, levelId: null, proficient: false });
  });

  it("leaves other students' mastery alone and drops a standard no rated goal links any more", async () => {
    const other = await db.standardMastery.count({ where: { studentId: { not: s.student.id } } });
    await db.goalStandard.delete({ where: { goalId_standardId: { goalId: goalIds[1]!, standardId: caseStandard.id } } });
    await db.$transaction((tx) => recomputeStudents(tx, [s.student.id]));
    expect(await standardMastery(caseStandard.id)).toBeNull();
    expect(await db.standardMastery.count({ where: { studentId: { not: s.student.id } } })).toBe(other);
  });
});
