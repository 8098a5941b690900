// A student's progress on standards: the stored mastery of each with its growth since the
// baseline, and how it got there over time (per standard and per subject). One student at a
// time, so the series are recomputed from their ratings; the cost grows with those ratings only.
// docs/decisions/show-the-working.md defines the series.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { NotFoundError } from "@/lib/errors";
import type { Subject } from "@/lib/generated/prisma/enums.ts";
import { studentsVisibleTo } from "@/lib/people/access";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { describeGrowth, growthParts, type GrowthParts } from "./growth";
import { levelColumns, levelFrom } from "./level-columns";
import type { MasteryView } from "./levels";
import { inEvidenceOrder, levelFor, masterySeries, type Score } from "./methods";
import { loadPolicies, methodOf, thresholdOf, type PolicyView } from "./policies";
import { ratingsOfStudents, recordRatingsOfStudents } from "./ratings";

export type ProgressLevel = { name: string; points: number; colour: string; proficient: boolean };

/** The mastery after one rating: the calculation run on the ratings up to and including it. */
export type StandardPoint = { at: Date; score: number | null; level: ProgressLevel | null };

export type StandardProgress = {
  id: string;
  code: string;
  statement: string;
  subject: Subject;
  mastery: Pick<MasteryView, "score" | "proficient" | "ratingCount" | "level">;
  /** "Developing → Proficient since Oct 3"; null with one rating, or when either end has no level. */
  growth: string | null;
  /** The same growth as facts, for pages that word it in the reader's language. */
  growthParts: GrowthParts | null;
  /** The scale the standard is rated on, lowest level first (the chart's axis). */
  levels: ProgressLevel[];
  series: StandardPoint[];
};

/** After a rating in the subject: how many of its standards rated so far are at a proficient level. */
export type SubjectPoint = { at: Date; proficient: number; rated: number; percent: number };

export type SubjectProgress = { subject: Subject; label: string; standards: StandardProgress[]; series: SubjectPoint[] };

export type StudentProgress = { student: { id: string; name: string }; subjects: SubjectProgress[] };

type Rated = Score & { ratingId: string };

/** The progress of a student the actor may see (self, guardian, teacher, admin); NotFoundError otherwise. */
export async function studentProgress(actor: Actor, studentId: string, now = new Date()): Promise<StudentProgress> {
  const what = { action: "progress.view", entityType: "User", entityId: studentId } as const;
  return withDisclosure(actor, what, () => loadProgress(actor, studentId, now));
}
async function loadProgress(actor: Actor, studentId: string, now: Date): Promise<StudentProgress> {
  const student = await db.user.findFirst({
    where: { AND: [studentsVisibleTo(actor), { id: studentId }] },
    select: { id: true, name: true },
  });
  if (!student) throw new NotFoundError("That student");
  const [stored, ratings, recordRatings] = await Promise.all([
    storedMasteryOf(studentId),
    // The same reads as recompute.ts (ratings.ts), for one student: ratings of evidence, and of
    // learning records (dated by when the learning happened).
    ratingsOfStudents(db, [studentId]),
    recordRatingsOfStudents(db, [studentId]),
  ]);
  const policies = await loadPolicies(
    db,
    [...ratings.map((r) => r.goal.plan.schoolId), ...recordRatings.map((r) => r.record.schoolId)],
    [
      ...ratings.flatMap((r) => r.goal.standards.flatMap((s) => (s.standard.frameworkId ? [s.standard.frameworkId] : []))),
      ...recordRatings.flatMap((r) => (r.standard.frameworkId ? [r.standard.frameworkId] : [])),
    ],
  );
  const byStandard = new Map<string, { policy: PolicyView; scores: Rated[] }>();
  for (const r of ratings) {
    for (const s of r.goal.standards) {
      const entry = byStandard.get(s.standardId) ?? { policy: policies.forSchool(r.goal.plan.schoolId), scores: [] };
      // As recompute.ts: the latest rating's school decides; one rating reaches a standard once.
      entry.policy = policies.forStandard(r.goal.plan.schoolId, s.standard.frameworkId);
      if (!entry.scores.some((x) => x.ratingId === r.id))
        entry.scores.push({ points: r.level.points, at: r.evidence.createdAt, ratingId: r.id });
      byStandard.set(s.standardId, entry);
    }
  }
  for (const r of recordRatings) {
    const entry = byStandard.get(r.standardId) ?? { policy: policies.forSchool(r.record.schoolId), scores: [] };
    entry.policy = policies.forStandard(r.record.schoolId, r.standard.frameworkId);
    entry.scores.push({ points: r.level.points, at: r.record.happenedOn, ratingId: r.id });
    byStandard.set(r.standardId, entry);
  }

  const standards = stored.map((m): StandardProgress => {
    const entry = byStandard.get(m.standard.id);
    const levels = entry ? entry.policy.scale.levels.map(levelView) : [];
    return {
      id: m.standard.id,
      code: m.standard.code,
      statement: m.standard.description,
      subject: m.standard.subject,
      mastery: { score: m.score, proficient: m.proficient, ratingCount: m.ratingCount, level: m.level },
      growth: growthOf(m, now),
      growthParts: growthPartsOf(m, now),
      levels,
      series: entry ? seriesOf(entry.scores, entry.policy) : [],
    };
  });
  const subjects = (Object.keys(SUBJECT_LABEL) as Subject[]).flatMap((subject): SubjectProgress[] => {
    const inSubject = standards.filter((s) => s.subject === subject);
    if (inSubject.length === 0) return [];
    return [{ subject, label: SUBJECT_LABEL[subject], standards: inSubject, series: subjectSeries(inSubject) }];
  });
  return { student, subjects };
}

type StoredRow = {
  standardId: string;
  code: string;
  description: string;
  subject: Subject;
  score: number | null;
  proficient: boolean;
  ratingCount: number;
  baselineAt: Date | null;
  lastRatedAt: Date;
} & Record<`${"level" | "baseline"}.${string}`, unknown>;

/**
 * The student's stored mastery on each standard with the standard and both levels, by code. One
 * statement (as nested selects Prisma assembled it in several times the CPU, issue 12).
 */
async function storedMasteryOf(studentId: string) {
  const rows = await db.$queryRaw<StoredRow[]>`
    SELECT m."standardId", st.code, st.description, st.subject::text AS subject, m.score, m.proficient, m."ratingCount",
      m."baselineAt", m."lastRatedAt", ${levelColumns("l", "level")}, ${levelColumns("b", "baseline")}
    FROM "StandardMastery" m
    JOIN "Standard" st ON st.id = m."standardId"
    LEFT JOIN "ProficiencyLevel" l ON l.id = m."levelId"
    LEFT JOIN "ProficiencyLevel" b ON b.id = m."baselineLevelId"
    WHERE m."studentId" = ${studentId}
    ORDER BY st.code, st.id`;
  return rows.map((m) => ({
    standard: { id: m.standardId, code: m.code, description: m.description, subject: m.subject },
    score: m.score,
    proficient: m.proficient,
    ratingCount: m.ratingCount,
    baselineAt: m.baselineAt,
    lastRatedAt: m.lastRatedAt,
    level: levelFrom(m, "level"),
    baselineLevel: levelFrom(m, "baseline"),
  }));
}

function levelView(l: ProgressLevel): ProgressLevel {
  return { name: l.name, points: l.points, colour: l.colour, proficient: l.proficient };
}

type Stored = Pick<MasteryView, "ratingCount" | "level" | "baselineLevel" | "baselineAt">;

/** Growth from the stored baseline to the stored level. */
function storedGrowth(m: Stored) {
  if (m.ratingCount < 2 || !m.level || !m.baselineLevel || !m.baselineAt) return null;
  const change = m.level.points > m.baselineLevel.points ? "up" : m.level.points < m.baselineLevel.points ? "down" : "same";
  return { from: m.baselineLevel, to: m.level, since: m.baselineAt, change } as const;
}

function growthOf(m: Stored, now: Date): string | null {
  const growth = storedGrowth(m);
  return growth && describeGrowth(growth, { now });
}

function growthPartsOf(m: Stored, now: Date): GrowthParts | null {
  const growth = storedGrowth(m);
  return growth && growthParts(growth, { now });
}

/** The mastery after each rating, in evidence order, under the standard's policy today. */
export function seriesOf(scores: readonly Score[], policy: PolicyView): StandardPoint[] {
  const method = methodOf(policy);
  const threshold = thresholdOf(policy);
  const ordered = inEvidenceOrder(scores).map((o) => o.score);
  const after = masterySeries(ordered, method, threshold);
  return ordered.map((s, i) => {
    const score = after[i] ?? null;
    const level = levelFor(score, policy.scale.levels);
    return { at: s.at, score, level: level ? levelView(level) : null };
  });
}

/**
 * A subject over time: after each rating on any of its standards (in evidence order), the share
 * of the subject's standards rated so far whose mastery at that moment is at a proficient level.
 * A share, not a mean of scores, because a subject's standards may be on different scales.
 */
export function subjectSeries(standards: readonly Pick<StandardProgress, "id" | "series">[]): SubjectPoint[] {
  const events = standards
    .flatMap((s) => s.series.map((p) => ({ standardId: s.id, ...p })))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const now = new Map<string, boolean>();
  const out: SubjectPoint[] = [];
  for (const e of events) {
    now.set(e.standardId, e.level?.proficient ?? false);
    const proficient = [...now.values()].filter(Boolean).length;
    const point = { at: e.at, proficient, rated: now.size, percent: Math.round((proficient / now.size) * 100) };
    // Ratings whose evidence was created at the same moment make one point.
    if (out.at(-1)?.at.getTime() === e.at.getTime()) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}
