// Building plans for tests through the real commands: an active plan (submitted by the student,
// approved by the teacher) and evidence rated on it.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { planInput } from "./fixtures";

export async function step(actor: Actor, planId: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } });
  await transitionPlan(actor, { planId, version, transition, note: "" });
}

/** An active plan with one goal per list of standards; returns its id and the goals' ids in order. */
export async function activePlan(student: Actor, teacher: Actor, goalStandards: string[][] = [[]], title = "Active plan") {
  const base = planInput().goals[0]!;
  const { id } = await createPlan(
    student,
    planInput({ title, goals: goalStandards.map((standardIds, i) => ({ ...base, title: `Goal ${i + 1}`, standardIds })) }),
  );
  await step(student, id, "submit");
  await step(teacher, id, "approve");
  const goals = await db.goal.findMany({ where: { planId: id }, orderBy: { position: "asc" }, select: { id: true } });
  return { id, goalIds: goals.map((g) => g.id) };
}

/** Evidence on a goal, dated `at` when given (the evidence date orders ratings), rated at `levelId`. */
export async function ratedEvidence(
  student: Actor,
  teacher: Actor,
  { planId, goalId }: { planId: string; goalId: string },
  levelId: string,
  { title = "Work", at }: { title?: string; at?: Date } = {},
) {
  const { id } = await addEvidence(student, { planId, goalId, kind: "TEXT", title, text: "What I did.", url: "", reflection: "" });
  if (at) await db.evidence.update({ where: { id }, data: { createdAt: at } });
  await rateEvidence(teacher, { evidenceId: id, goalId, levelId, feedback: "Noted." });
  return id;
}
