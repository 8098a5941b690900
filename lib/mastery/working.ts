// "Show the working": how a stored level was reached, laid out for people. It reads the same
// inputs recompute.ts stores mastery from (ratings on the student's non-deleted plans, ordered
// by the evidence's date, the policy loadPolicies picks) and runs the same calculation, so the
// result shown is the stored one. docs/decisions/show-the-working.md says why and what is hidden.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";
import { studentsVisibleTo } from "@/lib/people/access";
import { displayName } from "@/lib/people/names";
import { computeMastery, describeMethod, inEvidenceOrder, levelFor } from "./methods";
import { loadPolicies, methodOf, thresholdOf, type PolicyView } from "./policies";

export type WorkingLevel = { name: string; points: number; colour: string; proficient: boolean };

export type WorkingRating = {
  id: string;
  /** 1, 2, 3… in evidence order: the order the calculation reads them in. */
  position: number;
  /** Null when the evidence is on a plan the viewer may not open (another school's). */
  evidenceTitle: string | null;
  evidenceAt: Date;
  ratedAt: Date;
  rater: string;
  level: WorkingLevel;
  points: number;
  /** Whether the calculation used it (most recent uses one, n times leaves some out). */
  counted: boolean;
};

export type Working = {
  /** The policy's method as a sentence. */
  method: string;
  scale: { name: string; levels: WorkingLevel[] };
  ratings: WorkingRating[];
  /** The arithmetic, one line per step (empty when the result needs none). */
  calculations: string[];
  /** "Mastery: 3, the only rating", "Not yet: …". */
  result: string;
  score: number | null;
  level: WorkingLevel | null;
};

const LEVEL = { name: true, points: true, colour: true, proficient: true } as const;

const RATING_SELECT = {
  id: true,
  createdAt: true,
  level: { select: LEVEL },
  rater: { select: { name: true } },
  evidence: { select: { title: true, createdAt: true, planId: true } },
  goal: { select: { plan: { select: { schoolId: true } } } },
} satisfies Prisma.RatingSelect;

type RatingRow = Prisma.RatingGetPayload<{ select: typeof RATING_SELECT }>;

/** The working of a goal's level on a plan the actor may see; NotFoundError otherwise. */
export async function goalWorking(actor: Actor, goalId: string): Promise<Working> {
  const goal = await db.goal.findFirst({
    where: { id: goalId, plan: plansVisibleTo(actor) },
    select: { plan: { select: { id: true, schoolId: true } } },
  });
  if (!goal) throw new NotFoundError("That goal");
  const ratings = await db.rating.findMany({
    where: { goalId },
    select: RATING_SELECT,
    // The order recompute.ts reads them in, so that ties on the evidence date break the same way.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const policy = (await loadPolicies(db, [goal.plan.schoolId])).forSchool(goal.plan.schoolId);
  // The goal's plan is visible, and every rating here is on it.
  return workingOf(ratings, policy, new Set([goal.plan.id]));
}

/** The working of a student's mastery of one standard, for someone who may see the student. */
export async function standardWorking(actor: Actor, studentId: string, standardId: string): Promise<Working> {
  const student = await db.user.findFirst({ where: { AND: [studentsVisibleTo(actor), { id: studentId }] }, select: { id: true } });
  if (!student) throw new NotFoundError("That student");
  const standard = await db.standard.findFirst({
    where: { id: standardId, organization: { districtId: actor.districtId } },
    select: { frameworkId: true },
  });
  if (!standard) throw new NotFoundError("That standard");
  const ratings = await db.rating.findMany({
    where: { goal: { plan: { studentId, deletedAt: null }, standards: { some: { standardId } } } },
    select: RATING_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const last = ratings.at(-1);
  if (!last) throw new NotFoundError("Ratings on that standard");
  // As recompute.ts: the school of the latest rating (in the order ratings were given) decides.
  const schoolId = last.goal.plan.schoolId;
  const policy = (await loadPolicies(db, [schoolId], standard.frameworkId ? [standard.frameworkId] : [])).forStandard(
    schoolId,
    standard.frameworkId,
  );
  return workingOf(ratings, policy, await visiblePlans(db, actor, ratings));
}

/** The plans among these ratings' that the actor may open: only their evidence titles are shown. */
async function visiblePlans(tx: Tx, actor: Actor, ratings: readonly RatingRow[]): Promise<Set<string>> {
  const ids = [...new Set(ratings.map((r) => r.evidence.planId))];
  const plans = await tx.plan.findMany({ where: { AND: [plansVisibleTo(actor), { id: { in: ids } }] }, select: { id: true } });
  return new Set(plans.map((p) => p.id));
}

function workingOf(rows: readonly RatingRow[], policy: PolicyView, visible: ReadonlySet<string>): Working {
  const method = methodOf(policy);
  const threshold = thresholdOf(policy);
  const scores = rows.map((r) => ({ points: r.level.points, at: r.evidence.createdAt }));
  const { score, working } = computeMastery(scores, method, threshold);
  const counted = new Map<number, boolean>();
  for (const step of working) if (step.kind === "rating") counted.set(step.source, step.counted);
  const ratings = inEvidenceOrder(scores).map(({ source }, i): WorkingRating => {
    const r = rows[source]!;
    return {
      id: r.id,
      position: i + 1,
      evidenceTitle: visible.has(r.evidence.planId) ? r.evidence.title : null,
      evidenceAt: r.evidence.createdAt,
      ratedAt: r.createdAt,
      rater: displayName(r.rater),
      level: r.level,
      points: r.level.points,
      counted: counted.get(source) ?? false,
    };
  });
  const level = levelFor(score, policy.scale.levels);
  const result = working.findLast((s) => s.kind === "result");
  return {
    method: describeMethod(method, threshold),
    scale: {
      name: policy.scale.name,
      levels: policy.scale.levels.map(({ name, points, colour, proficient }) => ({ name, points, colour, proficient })),
    },
    ratings,
    calculations: working.flatMap((s) => (s.kind === "calculation" ? [s.text] : [])),
    result: result?.text ?? "No ratings yet.",
    score,
    level: level ? { name: level.name, points: level.points, colour: level.colour, proficient: level.proficient } : null,
  };
}
