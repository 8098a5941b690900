// A plan's content (title, dates, goals with their standards and activities) written in
// one place, so that editing, restoring a revision, approving a proposed change and
// following a template all keep the same rules: a goal with evidence is never dropped,
// standards come from the plan's school or district, ids from elsewhere are refused.
import "server-only";
import { fromIsoDay } from "@/lib/dates";
import type { Tx } from "@/lib/db";
import { InputError } from "@/lib/errors";
import { storedActivity, type ActivityInput, type GoalInput, type PlanFormInput } from "./schemas";
import { recomputeStudents } from "@/lib/mastery/recompute";

type School = { id: string; parentId: string | null; districtId: string };

export function goalData(g: Omit<GoalInput, "id" | "activities" | "standardIds">, position: number) {
  return {
    position,
    subject: g.subject,
    title: g.title,
    successCriteria: g.successCriteria,
    masteryDemonstration: g.masteryDemonstration,
    targetDate: g.targetDate ? fromIsoDay(g.targetDate) : null,
  };
}

function activityData(a: ActivityInput, position: number) {
  return { position, ...storedActivity(a) };
}

/** The plan row's own fields from a plan form. */
export function planFields(plan: PlanFormInput) {
  return {
    title: plan.title,
    type: plan.type,
    summary: plan.summary,
    startsOn: fromIsoDay(plan.startsOn),
    endsOn: fromIsoDay(plan.endsOn),
    guardianAckRequired: plan.type === "INDEPENDENT_STUDY",
  };
}

/**
 * Standards must belong to the plan's school or an organization above it (the district
 * shares its frameworks); a tampered id is refused, not ignored.
 */
export async function checkStandards(tx: Tx, school: School, goals: readonly GoalInput[]) {
  const ids = [...new Set(goals.flatMap((g) => g.standardIds))];
  if (ids.length === 0) return;
  const owners = [school.id, school.parentId, school.districtId].filter((o): o is string => o !== null);
  const found = await tx.standard.count({ where: { id: { in: ids }, organizationId: { in: owners } } });
  if (found !== ids.length) throw new InputError("One of the linked standards does not exist. Reload the page and try again.");
}

/**
 * Writes the plan's goals in their new order: updates the kept ones, creates the new
 * ones, and replaces every standard link and activity list in one statement each.
 * `keptGoalIds` are the ids already checked to belong to this plan.
 */
async function writeGoals(tx: Tx, planId: string, goals: readonly GoalInput[], keptGoalIds: ReadonlySet<string>) {
  const indexed = goals.map((g, position) => ({ g, position, keep: g.id !== undefined && keptGoalIds.has(g.id) }));
  const kept = indexed.filter((x) => x.keep);
  const fresh = indexed.filter((x) => !x.keep);
  // One update per kept goal: each row gets different values (a plan has at most 30 goals).
  await Promise.all(kept.map(({ g, position }) => tx.goal.update({ where: { id: g.id, planId }, data: goalData(g, position) })));
  const created = await tx.goal.createManyAndReturn({
    data: fresh.map(({ g, position }) => ({ ...goalData(g, position), planId })),
    select: { id: true, position: true },
  });
  const idAt = new Map<number, string>([
    ...kept.map(({ g, position }) => [position, g.id as string] as const),
    ...created.map((c) => [c.position, c.id] as const),
  ]);
  const goalAt = (position: number) => {
    const id = idAt.get(position);
    if (!id) throw new Error(`No goal was written at position ${position}`);
    return id;
  };
  await tx.goalStandard.deleteMany({ where: { goal: { planId } } });
  await tx.goalStandard.createMany({
    data: indexed.flatMap(({ g, position }) => [...new Set(g.standardIds)].map((standardId) => ({ goalId: goalAt(position), standardId }))),
  });
  // Activities are rewritten whole: nothing refers to them yet but their goal, and their
  // ids are kept so that links to one stay good across edits.
  await tx.activity.deleteMany({ where: { goal: { planId } } });
  await tx.activity.createMany({
    data: indexed.flatMap(({ g, position }) =>
      g.activities.map((a, i) => ({ ...(a.id ? { id: a.id } : {}), ...activityData(a, i), goalId: goalAt(position) })),
    ),
  });
}

/** The first goal of the plan, not among `keptIds`, that has evidence or ratings: it may not be dropped. */
export async function droppedGoalWithEvidence(tx: Tx, planId: string, keptIds: readonly (string | undefined)[]) {
  const keep = keptIds.filter((id): id is string => !!id);
  return tx.goal.findFirst({
    where: { planId, id: { notIn: keep }, OR: [{ evidence: { some: {} } }, { ratings: { some: {} } }] },
    select: { title: true },
  });
}

/**
 * Replaces a plan's goals with `goals`, after checking them against the database. Goal
 * ids not in this plan are refused when `strictIds` (a form the user edited); a restored
 * revision or a template passes false, and its unknown goals are written as new ones.
 * Call after the plan row's version check-and-bump, inside the same transaction.
 */
export async function writePlanGoals(
  tx: Tx,
  plan: { id: string; school: School },
  goals: readonly GoalInput[],
  { strictIds }: { strictIds: boolean },
) {
  const existing = await tx.goal.findMany({
    where: { planId: plan.id },
    select: { id: true, title: true, _count: { select: { evidence: true, ratings: true } }, activities: { select: { id: true } } },
  });
  const existingIds = new Set(existing.map((g) => g.id));
  if (strictIds && goals.some((g) => g.id && !existingIds.has(g.id))) {
    throw new InputError("One of the goals is not part of this plan. Reload the page and try again.");
  }
  // Activity ids are kept only when they belong to this plan already.
  const ownActivities = new Set(existing.flatMap((g) => g.activities.map((a) => a.id)));
  if (strictIds && goals.some((g) => g.activities.some((a) => a.id && !ownActivities.has(a.id)))) {
    throw new InputError("One of the activities is not part of this plan. Reload the page and try again.");
  }
  const cleaned = goals.map((g) => ({
    ...g,
    activities: g.activities.map((a) => (a.id && ownActivities.has(a.id) ? a : { ...a, id: undefined })),
  }));
  const kept = new Set(cleaned.map((g) => g.id).filter((id): id is string => !!id && existingIds.has(id)));
  const removed = existing.filter((g) => !kept.has(g.id));
  const withEvidence = removed.find((g) => g._count.evidence > 0 || g._count.ratings > 0);
  if (withEvidence) throw new InputError(`The goal “${withEvidence.title}” already has evidence, so it cannot be removed.`);
  await checkStandards(tx, plan.school, cleaned);
  if (removed.length) await tx.goal.deleteMany({ where: { id: { in: removed.map((g) => g.id) }, planId: plan.id } });
  await writeGoals(tx, plan.id, cleaned, kept);
  // A rated goal's standards may have changed: the student's mastery per standard follows. Always,
  // not only when a goal looked rated above: a rating may have committed since that read, and
  // recomputeStudents reads the ratings again under the student's lock.
  const { studentId } = await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { studentId: true } });
  await recomputeStudents(tx, [studentId]);
}
