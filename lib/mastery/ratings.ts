// The reads both stored mastery (recompute.ts) and a student's progress page (progress.ts) start
// from: every rating of the students' evidence, on plans that are not deleted, and every rating of
// their recorded learning records.
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

export type StudentRating = {
  id: string;
  goalId: string;
  createdAt: Date;
  level: { points: number };
  evidence: { createdAt: Date };
  goal: { plan: { studentId: string; schoolId: string }; standards: { standardId: string; standard: { frameworkId: string | null } }[] };
};

type Row = {
  id: string;
  goalId: string;
  createdAt: Date;
  points: number;
  evidenceAt: Date;
  studentId: string;
  schoolId: string;
  standardId: string | null;
  frameworkId: string | null;
};

/**
 * These students' ratings in the order they were given (ties by id), each with its goal's
 * standards. One statement: read through nested selects, a student with a few hundred ratings
 * cost more to assemble than the rest of their progress page (issue 12).
 */
export async function ratingsOfStudents(tx: Tx, studentIds: readonly string[]): Promise<StudentRating[]> {
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`
    SELECT r.id, r."goalId", r."createdAt", l.points, e."createdAt" AS "evidenceAt", p."studentId", p."schoolId",
      gs."standardId", st."frameworkId"
    FROM "Rating" r
    JOIN "ProficiencyLevel" l ON l.id = r."levelId"
    JOIN "Evidence" e ON e.id = r."evidenceId"
    JOIN "Goal" g ON g.id = r."goalId"
    JOIN "Plan" p ON p.id = g."planId"
    LEFT JOIN "GoalStandard" gs ON gs."goalId" = g.id
    LEFT JOIN "Standard" st ON st.id = gs."standardId"
    WHERE p."studentId" = ANY(${[...studentIds]}::text[]) AND p."deletedAt" IS NULL
    ORDER BY r."createdAt", r.id, gs."standardId"`);
  const out: StudentRating[] = [];
  for (const row of rows) {
    let last = out.at(-1);
    if (last?.id !== row.id) {
      last = {
        id: row.id,
        goalId: row.goalId,
        createdAt: row.createdAt,
        level: { points: row.points },
        evidence: { createdAt: row.evidenceAt },
        goal: { plan: { studentId: row.studentId, schoolId: row.schoolId }, standards: [] },
      };
      out.push(last);
    }
    if (row.standardId) last.goal.standards.push({ standardId: row.standardId, standard: { frameworkId: row.frameworkId } });
  }
  return out;
}

export type StudentRecordRating = {
  id: string;
  standardId: string;
  createdAt: Date;
  level: { points: number };
  record: { studentId: string; schoolId: string; happenedOn: Date };
  standard: { frameworkId: string | null };
};

/**
 * Teachers' ratings of these students' learning records (recorded ones; a suggestion is not
 * learning yet), in the order they were given (ties by id). One statement, as ratingsOfStudents.
 */
export async function recordRatingsOfStudents(tx: Tx, studentIds: readonly string[]): Promise<StudentRecordRating[]> {
  const rows = await tx.$queryRaw<
    {
      id: string;
      standardId: string;
      createdAt: Date;
      points: number;
      studentId: string;
      schoolId: string;
      happenedOn: Date;
      frameworkId: string | null;
    }[]
  >(Prisma.sql`
    SELECT rr.id, rr."standardId", rr."createdAt", l.points, lr."studentId", lr."schoolId", lr."happenedOn", st."frameworkId"
    FROM "RecordRating" rr
    JOIN "LearningRecord" lr ON lr.id = rr."recordId"
    JOIN "ProficiencyLevel" l ON l.id = rr."levelId"
    JOIN "Standard" st ON st.id = rr."standardId"
    WHERE lr."studentId" = ANY(${[...studentIds]}::text[]) AND lr.status = 'RECORDED'
    ORDER BY rr."createdAt", rr.id`);
  return rows.map((r) => ({
    id: r.id,
    standardId: r.standardId,
    createdAt: r.createdAt,
    level: { points: r.points },
    record: { studentId: r.studentId, schoolId: r.schoolId, happenedOn: r.happenedOn },
    standard: { frameworkId: r.frameworkId },
  }));
}
