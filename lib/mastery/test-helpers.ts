// For the mastery tests: an active plan of the fixture's student with one goal, rated by their
// teacher on the district's four levels, the evidence dated a week apart (oldest first).
import "server-only";
import { db } from "@/lib/db";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import type { makeSchool } from "@/test/fixtures";
import { planInput } from "@/test/fixtures";

type School = Awaited<ReturnType<typeof makeSchool>>;
const DAY = 24 * 60 * 60 * 1000;

/** Ratings in evidence order with these points (1 Beginning … 4 Advanced). */
export async function ratedPlan(s: School, points: readonly (1 | 2 | 3 | 4)[], standardIds: string[] = []) {
  const goal = { ...planInput().goals[0]!, standardIds };
  const { id: planId } = await createPlan(s.student, planInput({ title: "Rated plan", goals: [goal] }));
  for (const [actor, transition] of [
    [s.student, "submit"],
    [s.teacher, "approve"],
  ] as const) {
    const { version } = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } });
    await transitionPlan(actor, { planId, version, transition, note: "" });
  }
  const { id: goalId } = await db.goal.findFirstOrThrow({ where: { planId }, select: { id: true } });
  const byPoints = [s.levels.BEGINNING, s.levels.DEVELOPING, s.levels.PROFICIENT, s.levels.ADVANCED];
  for (const [i, p] of points.entries()) {
    const { id: evidenceId } = await addEvidence(s.student, {
      planId,
      goalId,
      kind: "TEXT",
      title: `Work ${i + 1}`,
      text: "What I did.",
      url: "",
      reflection: "",
    });
    await db.evidence.update({ where: { id: evidenceId }, data: { createdAt: new Date(Date.now() - (points.length - i) * 7 * DAY) } });
    await rateEvidence(s.teacher, { evidenceId, goalId, levelId: byPoints[p - 1], feedback: "Noted." });
  }
  return { planId, goalId };
}
