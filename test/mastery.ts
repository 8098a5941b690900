// Rated plans for the mastery tests, built through the real commands (test/plans.ts): a plan rated
// at given points a week apart, and Sam's goal growing on the district standard.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recomputeStudents } from "@/lib/mastery/recompute";
import type { makeSchool } from "./fixtures";
import { activePlan as activeGoals, ratedEvidence } from "./plans";

type School = Awaited<ReturnType<typeof makeSchool>>;
type LevelKey = keyof School["levels"];
const DAY = 24 * 60 * 60 * 1000;

/** An active plan of the fixture's student with one goal, rated at these points (1 Beginning … 4 Advanced) a week apart, oldest first. */
export async function ratedPlan(s: School, points: readonly (1 | 2 | 3 | 4)[], standardIds: string[] = []) {
  const { id: planId, goalIds } = await activeGoals(s.student, s.teacher, [standardIds], "Rated plan");
  const goalId = goalIds[0]!;
  const byPoints = [s.levels.BEGINNING, s.levels.DEVELOPING, s.levels.PROFICIENT, s.levels.ADVANCED];
  for (const [i, p] of points.entries()) {
    const at = new Date(Date.now() - (points.length - i) * 7 * DAY);
    await ratedEvidence(s.student, s.teacher, { planId, goalId }, byPoints[p - 1]!, { title: `Work ${i + 1}`, at });
  }
  return { planId, goalId };
}

/** An active plan of `student` approved by `teacher`, its one goal linked to `standardIds`. */
export async function activePlan(student: Actor, teacher: Actor, standardIds: string[]) {
  const { id, goalIds } = await activeGoals(student, teacher, [standardIds]);
  return { planId: id, goalId: goalIds[0]! };
}

/** Evidence created at `at`, rated at `level` by `teacher` (mastery recomputed by the rating). */
export function rated(student: Actor, teacher: Actor, plan: { planId: string; goalId: string }, title: string, at: Date, level: string) {
  return ratedEvidence(student, teacher, plan, level, { title, at });
}

export const DATES = {
  first: new Date("2026-10-03T15:00:00Z"),
  second: new Date("2026-10-17T15:00:00Z"),
  third: new Date("2026-10-31T15:00:00Z"),
};

/**
 * Sam's goal on the district standard: Beginning (Oct 3), Developing (Oct 17), Proficient (Oct 31)
 * by evidence date, rated newest first, so rating order and evidence order differ.
 */
export async function samGrows(s: School) {
  const plan = await activePlan(s.student, s.teacher, [s.standard.id]);
  const level = (k: LevelKey) => s.levels[k];
  await rated(s.student, s.teacher, plan, "Final essay", DATES.third, level("PROFICIENT"));
  await rated(s.student, s.teacher, plan, "First draft", DATES.first, level("BEGINNING"));
  await rated(s.student, s.teacher, plan, "Second draft", DATES.second, level("DEVELOPING"));
  return plan;
}

/** Switches the district's policy and recomputes the student's stored mastery under it. */
export async function applyPolicy(
  s: School,
  method: "MOST_RECENT" | "AVERAGE" | "DECAYING_AVERAGE" | "N_TIMES" | "HIGHEST" | "WEIGHTED_AVERAGE",
  parameter: number | null,
  studentIds: string[],
) {
  await db.masteryPolicy.update({ where: { id: `policy_${s.district.id}` }, data: { method, parameter } });
  await db.$transaction((tx) => recomputeStudents(tx, studentIds));
}
