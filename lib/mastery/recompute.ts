// Stored mastery (StandardMastery, GoalMastery) written from the ratings. Always a whole student at
// a time: one read of their ratings, the methods in lib/mastery/methods.ts, then their rows replaced.
// A rating's transaction calls it for its student; a policy change runs it for every student the
// policy reaches, in batches, in the background (background.ts). Both take the same per-student lock, so
// a background batch never writes over a newer rating's result with an older read.
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { growthSince } from "./growth";
import { computeMastery, levelFor, type Score } from "./methods";
import { loadPolicies, methodOf, thresholdOf, type PolicyView } from "./policies";
import { ratingsOfStudents, recordRatingsOfStudents } from "./ratings";

type Rated = Score & { ratingId: string; ratedAt: Date };

/** Recomputes every stored mastery of these students (their goals and their standards). */
export async function recomputeStudents(tx: Tx, studentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(studentIds)].sort();
  if (ids.length === 0) return;
  // Sorted, so that two transactions locking overlapping students cannot deadlock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('mastery:' || s, 0)) FROM (SELECT unnest(${ids}::text[]) AS s ORDER BY 1) q`;
  // Ties on the evidence date keep the order the ratings were given in.
  const ratings = await ratingsOfStudents(tx, ids);
  // A teacher's rating of a learning record counts toward the standard it rates (never a goal).
  const recordRatings = await recordRatingsOfStudents(tx, ids);
  const policies = await loadPolicies(
    tx,
    [...ratings.map((r) => r.goal.plan.schoolId), ...recordRatings.map((r) => r.record.schoolId)],
    [
      ...ratings.flatMap((r) => r.goal.standards.map((s) => s.standard.frameworkId)),
      ...recordRatings.map((r) => r.standard.frameworkId),
    ].filter((f): f is string => f !== null),
  );

  const goals = new Map<string, { policy: PolicyView; scores: Rated[] }>();
  const standards = new Map<string, { studentId: string; standardId: string; policy: PolicyView; scores: Rated[] }>();
  for (const r of ratings) {
    const score: Rated = { points: r.level.points, at: r.evidence.createdAt, ratingId: r.id, ratedAt: r.createdAt };
    const { studentId, schoolId } = r.goal.plan;
    const goal = goals.get(r.goalId) ?? { policy: policies.forSchool(schoolId), scores: [] };
    goal.scores.push(score);
    goals.set(r.goalId, goal);
    for (const s of r.goal.standards) {
      const key = `${studentId}\u0000${s.standardId}`;
      // The school of the latest rating decides, when a student's plans span schools.
      const entry = standards.get(key) ?? { studentId, standardId: s.standardId, policy: policies.forSchool(schoolId), scores: [] };
      entry.policy = policies.forStandard(schoolId, s.standard.frameworkId);
      // One rating reaches a standard once, even through two goals linking it.
      if (!entry.scores.some((x) => x.ratingId === r.id)) entry.scores.push(score);
      standards.set(key, entry);
    }
  }

  for (const r of recordRatings) {
    // A record's learning is dated by when it happened, as evidence is by when it was added.
    const score: Rated = { points: r.level.points, at: r.record.happenedOn, ratingId: r.id, ratedAt: r.createdAt };
    const { studentId, schoolId } = r.record;
    const key = `${studentId}\u0000${r.standardId}`;
    const entry = standards.get(key) ?? { studentId, standardId: r.standardId, policy: policies.forSchool(schoolId), scores: [] };
    entry.policy = policies.forStandard(schoolId, r.standard.frameworkId);
    entry.scores.push(score);
    standards.set(key, entry);
  }

  await tx.goalMastery.deleteMany({ where: { goal: { plan: { studentId: { in: ids } } } } });
  await tx.standardMastery.deleteMany({ where: { studentId: { in: ids } } });
  const now = new Date();
  await tx.goalMastery.createMany({
    data: [...goals].map(([goalId, g]) => ({ goalId, ...stored(g.scores, g.policy), computedAt: now })),
  });
  await tx.standardMastery.createMany({
    data: [...standards.values()].map((s) => ({
      studentId: s.studentId,
      standardId: s.standardId,
      ...stored(s.scores, s.policy),
      computedAt: now,
    })),
  });
}

/** The row for one set of scores under a policy: level, score, baseline and counts. */
function stored(scores: readonly Rated[], policy: PolicyView) {
  const levels = policy.scale.levels;
  const { score } = computeMastery(scores, methodOf(policy), thresholdOf(policy));
  const level = levelFor(score, levels);
  const first = [...scores].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  const growth = growthSince(scores, score, levels);
  const baseline = first ? levelFor(first.points, levels) : null;
  return {
    levelId: level?.id ?? null,
    score,
    proficient: level?.proficient ?? false,
    ratingCount: scores.length,
    baselineLevelId: (growth?.from ?? baseline)?.id ?? null,
    baselineAt: first?.at ?? null,
    lastRatedAt: new Date(Math.max(...scores.map((s) => s.ratedAt.getTime()))),
  };
}

/** The students whose mastery a policy decides: those with ratings on plans, or rated learning records, it reaches. */
export function studentsReachedBy(policy: { organizationId: string; frameworkId: string | null }, organizationType: "DISTRICT" | "SCHOOL") {
  if (policy.frameworkId) {
    return Prisma.sql`SELECT DISTINCT p."studentId" FROM "Plan" p
      JOIN "Goal" g ON g."planId" = p."id" JOIN "GoalStandard" gs ON gs."goalId" = g."id"
      JOIN "Standard" s ON s."id" = gs."standardId"
      WHERE s."frameworkId" = ${policy.frameworkId} AND EXISTS (SELECT 1 FROM "Rating" r WHERE r."goalId" = g."id")
      UNION SELECT lr."studentId" FROM "RecordRating" rr JOIN "LearningRecord" lr ON lr."id" = rr."recordId"
      JOIN "Standard" s ON s."id" = rr."standardId" WHERE s."frameworkId" = ${policy.frameworkId}`;
  }
  const schools =
    organizationType === "DISTRICT"
      ? Prisma.sql`p."schoolId" IN (SELECT o."id" FROM "Organization" o WHERE o."districtId" = ${policy.organizationId})`
      : Prisma.sql`p."schoolId" = ${policy.organizationId}`;
  const recordSchools =
    organizationType === "DISTRICT"
      ? Prisma.sql`lr."schoolId" IN (SELECT o."id" FROM "Organization" o WHERE o."districtId" = ${policy.organizationId})`
      : Prisma.sql`lr."schoolId" = ${policy.organizationId}`;
  return Prisma.sql`SELECT DISTINCT p."studentId" FROM "Plan" p JOIN "Goal" g ON g."planId" = p."id"
    WHERE ${schools} AND EXISTS (SELECT 1 FROM "Rating" r WHERE r."goalId" = g."id")
    UNION SELECT lr."studentId" FROM "LearningRecord" lr WHERE ${recordSchools} AND EXISTS (SELECT 1 FROM "RecordRating" rr WHERE rr."recordId" = lr."id")`;
}
