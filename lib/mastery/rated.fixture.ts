// Test data for the working and progress tests: a student's active plan whose goal is linked to
// the district standard and rated three times, in an order different from the evidence's.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import type { makeSchool } from "@/test/fixtures";
import { planInput } from "@/test/fixtures";

type School = Awaited<ReturnType<typeof makeSchool>>;
type LevelKey = keyof School["levels"];

async function step(actor: Actor, id: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionPlan(actor, { planId: id, version, transition, note: "" });
}

/** An active plan of `student` approved by `teacher`, its one goal linked to `standardIds`. */
export async function activePlan(student: Actor, teacher: Actor, standardIds: string[]) {
  const goal = planInput().goals[0]!;
  const { id } = await createPlan(student, planInput({ goals: [{ ...goal, standardIds }] }));
  await step(student, id, "submit");
  await step(teacher, id, "approve");
  const { id: goalId } = await db.goal.findFirstOrThrow({ where: { planId: id }, select: { id: true } });
  return { planId: id, goalId };
}

/** Evidence created at `at`, rated at `level` by `teacher` (mastery recomputed by the rating). */
export async function rated(
  student: Actor,
  teacher: Actor,
  plan: { planId: string; goalId: string },
  title: string,
  at: Date,
  level: string,
) {
  const { id } = await addEvidence(student, { ...plan, kind: "TEXT", title, text: "What I did.", url: "", reflection: "" });
  await db.evidence.update({ where: { id }, data: { createdAt: at } });
  await rateEvidence(teacher, { evidenceId: id, goalId: plan.goalId, levelId: level, feedback: "Noted." });
  return id;
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
  const { recomputeStudents } = await import("./recompute");
  await db.masteryPolicy.update({ where: { id: `policy_${s.district.id}` }, data: { method, parameter } });
  await db.$transaction((tx) => recomputeStudents(tx, studentIds));
}
