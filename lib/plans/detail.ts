// A plan with what its page shows of it — the student, goals with their standards, activities and
// stored mastery, how much evidence each has, the plan's events — read by the plan's id in five
// plain statements. As one nested Prisma select this was the costliest query of the plan page to
// prepare: about 12 ms of CPU on every load, against 2 for these (issue 12). The access decision
// comes first (visiblePlanRelations); these read a plan the actor may see. detail.test.ts holds
// the result to the nested select it replaces.
import "server-only";
import { db } from "@/lib/db";
import type { PlanEventKind, PlanStatus, PlanType, Prisma, Subject } from "@/lib/generated/prisma/client.ts";
import { levelColumns, levelFrom } from "@/lib/mastery/level-columns";
import type { LevelView } from "@/lib/mastery/levels";
import type { ACTIVITY_SELECT } from "./revisions";

type PlanRow = {
  id: string;
  title: string;
  type: PlanType;
  status: PlanStatus;
  summary: string;
  startsOn: Date;
  endsOn: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  approvedAt: Date | null;
  schoolId: string;
  studentId: string;
  studentName: string;
  gradeLevel: number | null;
};
type GoalRow = {
  id: string;
  subject: Subject;
  title: string;
  successCriteria: string;
  masteryDemonstration: string;
  targetDate: Date | null;
  evidence: bigint;
  masteryGoalId: string | null;
  score: number | null;
  proficient: boolean | null;
  ratingCount: number | null;
  baselineAt: Date | null;
  lastRatedAt: Date | null;
} & Record<string, unknown>;
type StandardRow = { goalId: string; id: string; code: string; description: string };
/** An activity as ACTIVITY_SELECT reads it, with its goal. */
type ActivityRow = { goalId: string } & Prisma.ActivityGetPayload<{ select: typeof ACTIVITY_SELECT }>;
type EventRow = {
  id: string;
  kind: PlanEventKind;
  fromStatus: PlanStatus | null;
  toStatus: PlanStatus;
  note: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
};

/** The plan with this id (not deleted) as its page reads it, or null. */
export async function planDetailRead(planId: string) {
  const [plans, goals, standards, activities, events] = await Promise.all([
    db.$queryRaw<PlanRow[]>`
      SELECT p.id, p.title, p.type::text AS type, p.status::text AS status, p.summary, p."startsOn", p."endsOn", p.version,
        p."createdAt", p."updatedAt", p."approvedAt", p."schoolId", s.id AS "studentId", s.name AS "studentName", sp."gradeLevel"
      FROM "Plan" p
      JOIN "User" s ON s.id = p."studentId"
      LEFT JOIN "StudentProfile" sp ON sp."userId" = s.id
      WHERE p.id = ${planId} AND p."deletedAt" IS NULL`,
    db.$queryRaw<GoalRow[]>`
      SELECT g.id, g.subject::text AS subject, g.title, g."successCriteria", g."masteryDemonstration", g."targetDate",
        (SELECT count(*) FROM "EvidenceGoal" eg WHERE eg."goalId" = g.id) AS evidence,
        m."goalId" AS "masteryGoalId", m.score, m.proficient, m."ratingCount", m."baselineAt", m."lastRatedAt",
        ${levelColumns("l", "level")}, ${levelColumns("b", "baseline")}
      FROM "Goal" g
      LEFT JOIN "GoalMastery" m ON m."goalId" = g.id
      LEFT JOIN "ProficiencyLevel" l ON l.id = m."levelId"
      LEFT JOIN "ProficiencyLevel" b ON b.id = m."baselineLevelId"
      WHERE g."planId" = ${planId}
      ORDER BY g.position, g.id`,
    db.$queryRaw<StandardRow[]>`
      SELECT gs."goalId", st.id, st.code, st.description
      FROM "Goal" g
      JOIN "GoalStandard" gs ON gs."goalId" = g.id
      JOIN "Standard" st ON st.id = gs."standardId"
      WHERE g."planId" = ${planId}
      ORDER BY st.code, st.id`,
    db.$queryRaw<ActivityRow[]>`
      SELECT a."goalId", a.id, a.description, a.setting::text AS setting, a.timing, a."withWhom", a."resourceKind"::text AS "resourceKind",
        a.resource, a."resourceUrl"
      FROM "Goal" g
      JOIN "Activity" a ON a."goalId" = g.id
      WHERE g."planId" = ${planId}
      ORDER BY a.position, a.id`,
    db.$queryRaw<EventRow[]>`
      SELECT e.id, e.kind::text AS kind, e."fromStatus"::text AS "fromStatus", e."toStatus"::text AS "toStatus", e.note, e."createdAt",
        u.id AS "actorId", u.name AS "actorName"
      FROM "PlanEvent" e
      LEFT JOIN "User" u ON u.id = e."actorId"
      WHERE e."planId" = ${planId}
      ORDER BY e."createdAt", e.id`,
  ]);
  const plan = plans[0];
  if (!plan) return null;
  const byGoal = <T extends { goalId: string }>(rows: T[]) => {
    const map = new Map<string, Omit<T, "goalId">[]>();
    for (const { goalId, ...rest } of rows) map.set(goalId, [...(map.get(goalId) ?? []), rest]);
    return map;
  };
  const standardsOf = byGoal(standards);
  const activitiesOf = byGoal(activities);
  const { studentId, studentName, gradeLevel, ...scalars } = plan;
  return {
    ...scalars,
    student: { id: studentId, name: studentName, profile: gradeLevel === null ? null : { gradeLevel } },
    goals: goals.map((g) => ({
      id: g.id,
      subject: g.subject,
      title: g.title,
      successCriteria: g.successCriteria,
      masteryDemonstration: g.masteryDemonstration,
      targetDate: g.targetDate,
      standards: (standardsOf.get(g.id) ?? []).map((standard) => ({ standard })),
      activities: activitiesOf.get(g.id) ?? [],
      mastery:
        g.masteryGoalId === null
          ? null
          : {
              score: g.score,
              proficient: g.proficient as boolean,
              ratingCount: g.ratingCount as number,
              baselineAt: g.baselineAt,
              lastRatedAt: g.lastRatedAt as Date,
              level: levelFrom(g, "level") as LevelView | null,
              baselineLevel: levelFrom(g, "baseline") as LevelView | null,
            },
      _count: { evidence: Number(g.evidence) },
    })),
    events: events.map(({ actorId, actorName, ...e }) => ({
      ...e,
      actor: actorId === null ? null : { id: actorId, name: actorName as string },
    })),
  };
}
