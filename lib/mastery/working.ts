// "Show the working": how a stored level was reached, laid out for people. It reads the same
// inputs recompute.ts stores mastery from (ratings on the student's non-deleted plans, ordered
// by the evidence's date, and for a standard also ratings of the student's learning records,
// dated by when the learning happened; the policy loadPolicies picks) and runs the same
// calculation, so the result shown is the stored one. docs/decisions/show-the-working.md says
// why and what is hidden.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";
import { recordsVisibleTo } from "@/lib/records/access";
import { studentsVisibleTo } from "@/lib/people/access";
import { displayName } from "@/lib/people/names";
import { computeMastery, describeMethod, inEvidenceOrder, levelFor, type MethodSpec } from "./methods";
import { loadPolicies, methodOf, thresholdOf, type PolicyView } from "./policies";

export type WorkingLevel = { name: string; points: number; colour: string; proficient: boolean };

export type WorkingRating = {
  id: string;
  /** 1, 2, 3… in evidence order: the order the calculation reads them in. */
  position: number;
  /** Evidence on a plan, or a learning record (a standard's working only). */
  kind: "EVIDENCE" | "RECORD";
  /** The learning record rated, when the viewer may open it (its page is /records/<id>). */
  recordId: string | null;
  /**
   * The evidence's or record's title; null when the viewer may not open it (evidence on another
   * school's plan, a record of a student whose records they do not see).
   */
  evidenceTitle: string | null;
  /** When the evidence was added, or when the record's learning happened. */
  evidenceAt: Date;
  ratedAt: Date;
  rater: string;
  level: WorkingLevel;
  points: number;
  /** Whether the calculation used it (most recent uses one, n times leaves some out). */
  counted: boolean;
};

/** A line of the standard's history: a learning record linked to it or unlinked, by whom and when. */
export type WorkingHistoryLine = {
  id: string;
  action: "LINKED" | "UNLINKED";
  at: Date;
  recordId: string;
  recordTitle: string;
  actor: string;
};

export type Working = {
  /** The policy's method as a sentence. */
  method: string;
  /** The same method as data, worded in the reader's language by the page. */
  methodSpec: MethodSpec;
  scale: { name: string; levels: WorkingLevel[] };
  ratings: WorkingRating[];
  /** The arithmetic, one line per step (empty when the result needs none). */
  calculations: string[];
  /** "Mastery: 3, the only rating", "Not yet: …". */
  result: string;
  score: number | null;
  level: WorkingLevel | null;
  /** A standard's history of learning records linked and unlinked, oldest first (empty for a goal). */
  history: WorkingHistoryLine[];
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

const RECORD_RATING_SELECT = {
  id: true,
  createdAt: true,
  level: { select: LEVEL },
  rater: { select: { name: true } },
  record: { select: { id: true, title: true, happenedOn: true, schoolId: true } },
} satisfies Prisma.RecordRatingSelect;

type RecordRatingRow = Prisma.RecordRatingGetPayload<{ select: typeof RECORD_RATING_SELECT }>;

/** One rating as the working lists it, whatever was rated. */
type Row = {
  id: string;
  createdAt: Date;
  level: WorkingLevel;
  rater: { name: string } | null;
  kind: WorkingRating["kind"];
  at: Date;
  title: string | null;
  recordId: string | null;
};

/** How many history lines a standard's working shows: the latest ones. */
export const HISTORY_SIZE = 50;

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
  return workingOf(evidenceRows(ratings, new Set([goal.plan.id])), policy, []);
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
  const [ratings, recordRatings, history] = await Promise.all([
    db.rating.findMany({
      where: { goal: { plan: { studentId, deletedAt: null }, standards: { some: { standardId } } } },
      select: RATING_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // As recompute.ts: ratings of the student's records (not suggestions) against this standard.
    db.recordRating.findMany({
      where: { standardId, record: { studentId, status: "RECORDED" } },
      select: RECORD_RATING_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    standardHistory(actor, studentId, standardId),
  ]);
  // As recompute.ts: the school of the latest rating decides, record ratings read after evidence ratings.
  const schoolId = recordRatings.at(-1)?.record.schoolId ?? ratings.at(-1)?.goal.plan.schoolId;
  if (!schoolId) throw new NotFoundError("Ratings on that standard");
  const policy = (await loadPolicies(db, [schoolId], standard.frameworkId ? [standard.frameworkId] : [])).forStandard(
    schoolId,
    standard.frameworkId,
  );
  const [plans, records] = await Promise.all([visiblePlans(db, actor, ratings), visibleRecords(db, actor, recordRatings)]);
  // Evidence ratings first, then record ratings: the order recompute.ts reads them in, so that
  // ties on the date break the same way.
  return workingOf([...evidenceRows(ratings, plans), ...recordRows(recordRatings, records)], policy, history);
}

/**
 * A student's history of learning records linked to a standard and unlinked, for records the
 * actor may see; the latest HISTORY_SIZE lines, oldest first. Served by
 * LearningRecordLinkEvent(studentId, standardId, createdAt).
 */
async function standardHistory(actor: Actor, studentId: string, standardId: string): Promise<WorkingHistoryLine[]> {
  const events = await db.learningRecordLinkEvent.findMany({
    where: { studentId, standardId, record: recordsVisibleTo(actor) },
    select: { id: true, action: true, createdAt: true, actor: { select: { name: true } }, record: { select: { id: true, title: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_SIZE,
  });
  return events.reverse().map((e) => ({
    id: e.id,
    action: e.action,
    at: e.createdAt,
    recordId: e.record.id,
    recordTitle: e.record.title,
    actor: displayName(e.actor),
  }));
}

function evidenceRows(rows: readonly RatingRow[], visible: ReadonlySet<string>): Row[] {
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    level: r.level,
    rater: r.rater,
    kind: "EVIDENCE",
    at: r.evidence.createdAt,
    title: visible.has(r.evidence.planId) ? r.evidence.title : null,
    recordId: null,
  }));
}

function recordRows(rows: readonly RecordRatingRow[], visible: ReadonlySet<string>): Row[] {
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    level: r.level,
    rater: r.rater,
    kind: "RECORD",
    // A record's learning is dated by when it happened (recompute.ts).
    at: r.record.happenedOn,
    title: visible.has(r.record.id) ? r.record.title : null,
    recordId: visible.has(r.record.id) ? r.record.id : null,
  }));
}

/** The records among these ratings' that the actor may open: only their titles are shown. */
async function visibleRecords(tx: Tx, actor: Actor, ratings: readonly RecordRatingRow[]): Promise<Set<string>> {
  if (ratings.length === 0) return new Set();
  const ids = [...new Set(ratings.map((r) => r.record.id))];
  const records = await tx.learningRecord.findMany({
    where: { AND: [recordsVisibleTo(actor), { id: { in: ids } }] },
    select: { id: true },
  });
  return new Set(records.map((r) => r.id));
}

/** The plans among these ratings' that the actor may open: only their evidence titles are shown. */
async function visiblePlans(tx: Tx, actor: Actor, ratings: readonly RatingRow[]): Promise<Set<string>> {
  const ids = [...new Set(ratings.map((r) => r.evidence.planId))];
  const plans = await tx.plan.findMany({ where: { AND: [plansVisibleTo(actor), { id: { in: ids } }] }, select: { id: true } });
  return new Set(plans.map((p) => p.id));
}

function workingOf(rows: readonly Row[], policy: PolicyView, history: WorkingHistoryLine[]): Working {
  const method = methodOf(policy);
  const threshold = thresholdOf(policy);
  const scores = rows.map((r) => ({ points: r.level.points, at: r.at }));
  const { score, working } = computeMastery(scores, method, threshold);
  const counted = new Map<number, boolean>();
  for (const step of working) if (step.kind === "rating") counted.set(step.source, step.counted);
  const ratings = inEvidenceOrder(scores).map(({ source }, i): WorkingRating => {
    const r = rows[source]!;
    return {
      id: r.id,
      position: i + 1,
      kind: r.kind,
      recordId: r.recordId,
      evidenceTitle: r.title,
      evidenceAt: r.at,
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
    methodSpec: { method, threshold },
    scale: {
      name: policy.scale.name,
      levels: policy.scale.levels.map(({ name, points, colour, proficient }) => ({ name, points, colour, proficient })),
    },
    ratings,
    calculations: working.flatMap((s) => (s.kind === "calculation" ? [s.text] : [])),
    result: result?.text ?? "No ratings yet.",
    score,
    level: level ? { name: level.name, points: level.points, colour: level.colour, proficient: level.proficient } : null,
    history,
  };
}
