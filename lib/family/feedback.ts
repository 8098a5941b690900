// One child's latest feedback (teachers' ratings of evidence and of learning records) and latest
// learning records, for the family page. Ratings are read through their evidence's or record's
// visibility rule, as the ids of its plans or of the records, read once per request; every list is a few rows along an index.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import type { LearningSetting } from "@/lib/generated/prisma/enums.ts";
import { displayName } from "@/lib/people/names";
import { visiblePlanIdsOf } from "@/lib/plans/access";
import { visibleRecordIdsOf } from "@/lib/records/access";

export const FEEDBACK_LIMIT = 5;
export const RECORDS_LIMIT = 5;

export type FeedbackItem = {
  id: string;
  at: Date;
  level: { name: string; colour: string };
  feedback: string;
  rater: string;
  /** What was rated: a piece of evidence on a goal, or a learning record on a standard. */
  on: string;
  about: string;
  href: string;
};

/** What the feedback list shows of any rating. */
type RatingColumns = { id: string; createdAt: Date; feedback: string; levelName: string; levelColour: string; raterName: string | null };

type EvidenceRatingRow = RatingColumns & {
  evidenceTitle: string;
  planId: string;
  goalId: string;
  goalTitle: string;
};

export async function recentFeedback(actor: Actor, studentId: string): Promise<FeedbackItem[]> {
  // Evidence is visible exactly when its plan is (evidenceVisibleTo): among the child's visible plans' ids.
  const planIds = await visiblePlanIdsOf(actor, studentId);
  const [ratings, recordRatings] = await Promise.all([
    // Plain SQL: the ids already carry the rule, and the nested select cost more CPU to prepare
    // than the statement takes (issue 12). The five are cut first, then joined to what they show.
    db.$queryRaw<EvidenceRatingRow[]>`
      SELECT x.id, x."createdAt", x.feedback, l.name AS "levelName", l.colour AS "levelColour", u.name AS "raterName",
        x."evidenceTitle", x."planId", g.id AS "goalId", g.title AS "goalTitle"
      FROM (
        SELECT r.id, r."createdAt", r.feedback, r."levelId", r."raterId", r."goalId", e.title AS "evidenceTitle", e."planId"
        FROM "Evidence" e JOIN "Rating" r ON r."evidenceId" = e.id
        WHERE e."planId" = ANY(${planIds}::text[]) AND e."studentId" = ${studentId}
        ORDER BY r."createdAt" DESC, r.id DESC
        LIMIT ${FEEDBACK_LIMIT}
      ) x
      JOIN "ProficiencyLevel" l ON l.id = x."levelId"
      JOIN "Goal" g ON g.id = x."goalId"
      LEFT JOIN "User" u ON u.id = x."raterId"
      ORDER BY x."createdAt" DESC, x.id DESC`,
    recordRatingsAmong(await visibleRecordIdsOf(actor, studentId)),
  ]);
  const items: FeedbackItem[] = [
    ...ratings.map((r) => ({
      id: r.id,
      at: r.createdAt,
      level: { name: r.levelName, colour: r.levelColour },
      feedback: r.feedback,
      rater: displayName(r.raterName === null ? null : { name: r.raterName }),
      on: r.evidenceTitle,
      about: r.goalTitle,
      href: `/plans/${r.planId}#goal-${r.goalId}`,
    })),
    ...recordRatings.map((r) => ({
      id: r.id,
      at: r.createdAt,
      level: { name: r.levelName, colour: r.levelColour },
      feedback: r.feedback,
      rater: displayName(r.raterName === null ? null : { name: r.raterName }),
      on: r.recordTitle,
      about: r.code || r.description,
      href: `/records/${r.recordId}`,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, FEEDBACK_LIMIT);
}

export type RecentRecord = { id: string; title: string; setting: LearningSetting; place: string; happenedOn: string };

/** The child's latest learning records (never suggestions: those are the student's alone). */
export async function recentRecords(actor: Actor, studentId: string): Promise<RecentRecord[]> {
  const ids = await visibleRecordIdsOf(actor, studentId);
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<(Omit<RecentRecord, "happenedOn"> & { happenedOn: Date })[]>`
    SELECT id, title, setting::text AS setting, place, "happenedOn"
    FROM "LearningRecord"
    WHERE id = ANY(${ids}::text[]) AND status = 'RECORDED'
    ORDER BY "happenedOn" DESC, id DESC
    LIMIT ${RECORDS_LIMIT}`;
  return rows.map((r) => ({ ...r, happenedOn: isoDay(r.happenedOn) }));
}

type RecordRatingRow = RatingColumns & {
  recordId: string;
  recordTitle: string;
  code: string;
  description: string;
};

/** The latest ratings of these records (visible ones, read through the rule), cut first, then joined. */
async function recordRatingsAmong(recordIds: string[]): Promise<RecordRatingRow[]> {
  if (recordIds.length === 0) return [];
  return db.$queryRaw<RecordRatingRow[]>`
    SELECT x.id, x."createdAt", x.feedback, l.name AS "levelName", l.colour AS "levelColour", u.name AS "raterName",
      r.id AS "recordId", r.title AS "recordTitle", st.code, st.description
    FROM (
      SELECT id, "createdAt", feedback, "levelId", "raterId", "recordId", "standardId" FROM "RecordRating"
      WHERE "recordId" = ANY(${recordIds}::text[])
      ORDER BY "createdAt" DESC, id DESC
      LIMIT ${FEEDBACK_LIMIT}
    ) x
    JOIN "ProficiencyLevel" l ON l.id = x."levelId"
    JOIN "LearningRecord" r ON r.id = x."recordId"
    JOIN "Standard" st ON st.id = x."standardId"
    LEFT JOIN "User" u ON u.id = x."raterId"
    ORDER BY x."createdAt" DESC, x.id DESC`;
}
