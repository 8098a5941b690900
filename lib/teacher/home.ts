// The teacher's home: who needs them now. Each list is the first few items (oldest first,
// or by name for students), a count, and a cursor for "more". Everything is read through
// the plans of the membership they act in (plansVisibleTo(actor, "acting")), so a teacher
// sees only the students they teach now, in the schools they teach at.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { anyOf, db } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { type EvidenceKind, Prisma } from "@/lib/generated/prisma/client.ts";
import { listEvaluationsDue } from "@/lib/agreements/due";
import { loadPolicies } from "@/lib/mastery/policies";
import { listClasses, listStudents } from "@/lib/people/queries";
import { plansOfTaughtStudents } from "@/lib/plans/access";
import { listReviewQueue } from "@/lib/plans/queries";
import { decodeCursor, encodeCursor } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import { taughtClassIds, taughtStudentEnrollmentsIn } from "@/lib/people/taught";
import { listRecordsToReview } from "@/lib/records/review";

/** How many items each list on the home page shows before "more". */
export const HOME_LIST_SIZE = 10;
/** A student is "quiet" after this many days without evidence. */
export const QUIET_DAYS = 14;

export type HomeList<T> = { items: T[]; total: number; next: string | null };

/**
 * Who the lists are about: the students the actor teaches now, and the ids of the plans of theirs
 * they may see (all, and the active ones). Ids, not the access rule: the lists then filter by
 * indexed keys instead of testing every row against the rule.
 */
export type Taught = {
  studentIds: string[];
  planIds: string[];
  activePlanIds: string[];
  activeStudentIds: string[];
  /** Plans waiting for review (submitted or in review): the review queue's, a handful where planIds may be hundreds. */
  reviewPlanIds: string[];
  /** How many of these plans each student has (the student list shows it). */
  planCounts: Map<string, number>;
  /** The teacher's classes each student is in. */
  classIdsOf: Map<string, string[]>;
};

/**
 * Plans of the students the actor teaches now, as the teacher they act as. Acting in any
 * other role (an admin, a parent) there is no teacher's home, so nothing. The students are read
 * first (bounded by the teacher's classes) and named in the filter beside the access rule: left
 * to the rule alone, Postgres starts from every plan of the school and tests each against the
 * teacher's enrollments, a cost that grows with the school (docs/decisions/district-scale-data.md).
 * Read once per request and actor: the page asks for four of these lists at once.
 */
const taught = cache(async (actor: Actor): Promise<Taught> => {
  if (actor.acting.role !== "TEACHER")
    return {
      studentIds: [],
      planIds: [],
      activePlanIds: [],
      activeStudentIds: [],
      reviewPlanIds: [],
      planCounts: new Map(),
      classIdsOf: new Map(),
    };
  // The teacher's students (studentsTaughtIn) with the teacher's classes each is in.
  const enrollments = await db.enrollment.findMany({
    where: taughtStudentEnrollmentsIn(actor, await taughtClassIds(actor, "acting")),
    select: { userId: true, classId: true },
  });
  const classIdsOf = new Map<string, string[]>();
  for (const e of enrollments) classIdsOf.set(e.userId, [...(classIdsOf.get(e.userId) ?? []), e.classId]);
  const studentIds = [...classIdsOf.keys()];
  const plans = await db.plan.findMany({
    where: plansOfTaughtStudents(actor, studentIds),
    select: { id: true, status: true, studentId: true },
  });
  const active = plans.filter((p) => p.status === "ACTIVE");
  const planCounts = new Map<string, number>();
  for (const p of plans) planCounts.set(p.studentId, (planCounts.get(p.studentId) ?? 0) + 1);
  return {
    studentIds,
    planIds: plans.map((p) => p.id),
    activePlanIds: active.map((p) => p.id),
    activeStudentIds: [...new Set(active.map((p) => p.studentId))],
    reviewPlanIds: plans.filter((p) => p.status === "SUBMITTED" || p.status === "IN_REVIEW").map((p) => p.id),
    planCounts,
    classIdsOf,
  };
});

/** Who the teacher teaches, read once and passed to each list (the page does, through teacherHome). */
export function teacherScope(actor: Actor): Promise<Taught> {
  return taught(actor);
}

function startOfToday(now = new Date()) {
  const d = new Date(now);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

// ---------------------------------------------------------------------------------------
// Evidence waiting for a rating

/**
 * One queue item is a piece of evidence and one goal it is attached to that has no rating
 * for that goal yet. The access is read first (the ids of the actor's active plans: bounded by
 * the students they teach); the pairs are then found from those plans' goals through the
 * partial index of unrated pairs (EvidenceGoal.rated, kept by triggers), so the cost is the
 * unrated pairs', not all the evidence's. Ordered by (evidence created, evidence id, goal id),
 * oldest first.
 */
export async function listEvidenceToRate(actor: Actor, after?: string | null, size = HOME_LIST_SIZE, scope?: Taught) {
  const planIds = (scope ?? (await taught(actor))).activePlanIds;
  if (planIds.length === 0) return { items: [], total: 0, next: null };
  const cursor = readPairCursor(after);
  const unrated = Prisma.sql`
    SELECT eg."evidenceId", eg."goalId", e."createdAt"
    FROM "Goal" g
    JOIN "EvidenceGoal" eg ON eg."goalId" = g.id AND NOT eg.rated
    JOIN "Evidence" e ON e.id = eg."evidenceId"
    WHERE g."planId" = ${anyOf(planIds)} AND e."planId" = ${anyOf(planIds)}`;
  // Stored times are UTC in a column without a zone: compare them as UTC.
  const past = cursor
    ? Prisma.sql`WHERE (u."createdAt", u."evidenceId", u."goalId") > ((CAST(${cursor.at} AS timestamptz) AT TIME ZONE 'UTC'), ${cursor.evidenceId}, ${cursor.goalId})`
    : Prisma.empty;
  // The pairs are found once (a CTE used twice is computed once) for the page and the count, and
  // the page's rows come with what the queue shows of them: one statement, no nested reads.
  type Row = {
    evidenceId: string;
    goalId: string;
    createdAt: Date;
    total: bigint;
    kind: EvidenceKind;
    title: string;
    text: string | null;
    url: string | null;
    fileName: string | null;
    reflection: string;
    studentId: string;
    studentName: string;
    planId: string;
    planTitle: string;
    schoolId: string;
    goalTitle: string;
  };
  // The page is cut first, then only its rows are joined to what they show.
  const rows = await db.$queryRaw<Row[]>`
    WITH unrated AS (${unrated}),
    page AS (SELECT * FROM unrated u ${past} ORDER BY u."createdAt", u."evidenceId", u."goalId" LIMIT ${size + 1})
    SELECT u."evidenceId", u."goalId", u."createdAt", (SELECT count(*) FROM unrated) AS total,
      e.kind::text AS kind, e.title, e.text, e.url, e."fileName", e.reflection, s.id AS "studentId", s.name AS "studentName",
      p.id AS "planId", p.title AS "planTitle", p."schoolId", g.title AS "goalTitle"
    FROM page u
    JOIN "Evidence" e ON e.id = u."evidenceId"
    JOIN "User" s ON s.id = e."studentId"
    JOIN "Plan" p ON p.id = e."planId"
    JOIN "Goal" g ON g.id = u."goalId"
    ORDER BY u."createdAt", u."evidenceId", u."goalId"`;
  // No rows on the first page: there are none at all; past the last page, count alone.
  const counted = rows.length
    ? [{ total: rows[0]!.total }]
    : cursor
      ? await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${unrated}) u`
      : [{ total: 0n }];
  const page = rows.slice(0, size);
  const last = page.at(-1);
  // Each item is rated on the scale of its plan's school.
  const policies = await loadPolicies(
    db,
    page.map((r) => r.schoolId),
  );
  const items = page.map((r) => ({
    key: `${r.evidenceId}:${r.goalId}`,
    id: r.evidenceId,
    kind: r.kind,
    title: r.title,
    text: r.text,
    url: r.url,
    fileName: r.fileName,
    reflection: r.reflection,
    createdAt: r.createdAt,
    plan: { id: r.planId, title: r.planTitle },
    student: { id: r.studentId, name: displayName({ name: r.studentName }) },
    goal: { id: r.goalId, title: r.goalTitle },
    levels: policies.forSchool(r.schoolId).scale.levels,
  }));
  return {
    items,
    total: Number(counted[0]?.total ?? 0),
    next: rows.length > size && last ? encodeCursor({ key: last.createdAt.toISOString(), id: `${last.evidenceId} ${last.goalId}` }) : null,
  };
}
export type EvidenceToRate = Awaited<ReturnType<typeof listEvidenceToRate>>["items"][number];

function readPairCursor(raw: unknown) {
  const c = decodeCursor(raw);
  if (!c) return null;
  const [evidenceId, goalId, extra] = c.id.split(" ");
  if (!evidenceId || !goalId || extra !== undefined || Number.isNaN(new Date(c.key).getTime())) return null;
  return { at: new Date(c.key).toISOString(), evidenceId, goalId };
}

// ---------------------------------------------------------------------------------------
// Students with no evidence lately

/**
 * Students with an active plan the actor can see who have added no evidence to any plan
 * the actor can see in the last QUIET_DAYS days (evidence elsewhere is not theirs to know
 * about). By name. Worked out among the teacher's own students (at most a few hundred): who
 * added evidence lately is one query over their plans (Evidence(planId, createdAt)), the rest
 * is the difference, named and paged here.
 */
export async function listQuietStudents(actor: Actor, after?: string | null, now = new Date(), known?: Taught) {
  const since = new Date(now.getTime() - QUIET_DAYS * 24 * 60 * 60 * 1000);
  const scope = known ?? (await taught(actor));
  if (scope.activeStudentIds.length === 0) return { items: [], total: 0, next: null } satisfies HomeList<unknown>;
  // Who added evidence lately, and the names of the others, in one statement.
  const people = await db.$queryRaw<{ id: string; name: string }[]>`
    WITH busy AS (
      SELECT DISTINCT "studentId" FROM "Evidence"
      WHERE "planId" = ${anyOf(scope.planIds)} AND "createdAt" >= (CAST(${since.toISOString()} AS timestamptz) AT TIME ZONE 'UTC'))
    SELECT u.id, u.name FROM "User" u
    WHERE u.id = ${anyOf(scope.activeStudentIds)} AND u.id NOT IN (SELECT "studentId" FROM busy)`;
  // Name order, then id: the keyset cursor compares exactly this.
  const before = (a: { name: string; id: string }, name: string, id: string) => a.name < name || (a.name === name && a.id < id);
  people.sort((a, b) => (before(a, b.name, b.id) ? -1 : 1));
  const cursor = decodeCursor(after);
  const rest = cursor
    ? people.filter((p) => !before(p, String(cursor.key), cursor.id) && !(p.name === cursor.key && p.id === cursor.id))
    : people;
  const shown = rest.slice(0, HOME_LIST_SIZE);
  const last = shown.at(-1);
  // When each last showed something, for this page's students only, in one query.
  // (Raw SQL: the plans' ids are one array parameter, where Prisma would compile hundreds of them into the query.)
  const latest = shown.length
    ? await db.$queryRaw<{ studentId: string; at: Date }[]>`
        SELECT "studentId", max("createdAt") AS at FROM "Evidence"
        WHERE "studentId" = ${anyOf(shown.map((s) => s.id))} AND "planId" = ${anyOf(scope.planIds)}
        GROUP BY "studentId"`
    : [];
  const lastAt = new Map(latest.map((l) => [l.studentId, l.at]));
  return {
    items: shown.map((s) => ({ ...s, lastEvidenceAt: lastAt.get(s.id) ?? null })),
    total: people.length,
    next: rest.length > HOME_LIST_SIZE && last ? encodeCursor({ key: last.name, id: last.id }) : null,
  } satisfies HomeList<unknown>;
}

// ---------------------------------------------------------------------------------------
// Goals past their target date

/**
 * Goals on active plans whose target date has passed and whose stored mastery is not yet
 * proficient, the longest overdue first.
 */
export async function listOverdueGoals(actor: Actor, after?: string | null, now = new Date(), scope?: Taught) {
  const planIds = (scope ?? (await taught(actor))).activePlanIds;
  if (planIds.length === 0) return { items: [], total: 0, next: null } satisfies HomeList<unknown>;
  const cursor = readDayCursor(after);
  // One statement for the page and its count (a CTE used twice is computed once).
  const overdue = Prisma.sql`
    SELECT g.id, g.title, g."targetDate", g."planId" FROM "Goal" g
    LEFT JOIN "GoalMastery" m ON m."goalId" = g.id
    WHERE g."planId" = ${anyOf(planIds)} AND g."targetDate" < CAST(${isoDay(startOfToday(now))} AS date)
      AND (m."goalId" IS NULL OR NOT m.proficient)`;
  const past = cursor ? Prisma.sql`WHERE (o."targetDate", o.id) > (CAST(${cursor.day} AS date), ${cursor.id})` : Prisma.empty;
  type Row = {
    id: string;
    title: string;
    targetDate: Date;
    planId: string;
    planTitle: string;
    studentId: string;
    studentName: string;
    ratingCount: number | null;
    levelName: string | null;
    levelColour: string | null;
    total: bigint;
  };
  const rows = await db.$queryRaw<Row[]>`
    WITH overdue AS (${overdue})
    SELECT o.id, o.title, o."targetDate", o."planId", p.title AS "planTitle", s.id AS "studentId", s.name AS "studentName",
      m."ratingCount", l.name AS "levelName", l.colour AS "levelColour", (SELECT count(*) FROM overdue) AS total
    FROM overdue o
    JOIN "Plan" p ON p.id = o."planId"
    JOIN "User" s ON s.id = p."studentId"
    LEFT JOIN "GoalMastery" m ON m."goalId" = o.id
    LEFT JOIN "ProficiencyLevel" l ON l.id = m."levelId"
    ${past}
    ORDER BY o."targetDate", o.id LIMIT ${HOME_LIST_SIZE + 1}`;
  // No rows on the first page: there are none at all; past the last page, count alone.
  const total = rows.length
    ? Number(rows[0]!.total)
    : cursor
      ? Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${overdue}) o`)[0]?.n ?? 0)
      : 0;
  const shown = rows.slice(0, HOME_LIST_SIZE);
  const last = shown.at(-1);
  return {
    items: shown.map((g) => ({
      id: g.id,
      title: g.title,
      targetDate: isoDay(g.targetDate),
      level: g.levelName !== null && g.levelColour !== null ? { name: g.levelName, colour: g.levelColour } : null,
      rated: (g.ratingCount ?? 0) > 0,
      plan: { id: g.planId, title: g.planTitle },
      student: { id: g.studentId, name: displayName({ name: g.studentName }) },
    })),
    total,
    next: rows.length > HOME_LIST_SIZE && last ? encodeCursor({ key: isoDay(last.targetDate), id: last.id }) : null,
  } satisfies HomeList<unknown>;
}

/** A day-and-id cursor (the overdue list's); null when it is not one of ours. */
function readDayCursor(raw: unknown) {
  const c = decodeCursor(raw);
  const day = typeof c?.key === "string" ? c.key.slice(0, 10) : "";
  if (!c || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(new Date(day).getTime())) return null;
  return { day, id: c.id };
}

// ---------------------------------------------------------------------------------------
// Unresolved comment threads

/** Open threads (a first comment not resolved) on the actor's students' plans, oldest first. */
export async function listOpenThreads(actor: Actor, after?: string | null, scope?: Taught) {
  const planIds = (scope ?? (await taught(actor))).planIds;
  if (planIds.length === 0) return { items: [], total: 0, next: null } satisfies HomeList<unknown>;
  const cursor = readTimeCursor(after);
  // Open threads (OPEN_THREAD in lib/conversation/queries.ts): a first comment, not resolved;
  // one statement for the page and its count.
  const open = Prisma.sql`
    SELECT c.id, c.body, c."createdAt", c."authorId", c."goalId", c."planId" FROM "Comment" c
    WHERE c."planId" = ${anyOf(planIds)} AND c."parentId" IS NULL AND c."resolvedAt" IS NULL`;
  const past = cursor
    ? Prisma.sql`WHERE (o."createdAt", o.id) > ((CAST(${cursor.at} AS timestamptz) AT TIME ZONE 'UTC'), ${cursor.id})`
    : Prisma.empty;
  type Row = {
    id: string;
    body: string;
    createdAt: Date;
    authorName: string | null;
    goalId: string | null;
    goalTitle: string | null;
    planId: string;
    planTitle: string;
    studentId: string;
    studentName: string;
    replies: bigint;
    total: bigint;
  };
  const rows = await db.$queryRaw<Row[]>`
    WITH open AS (${open})
    SELECT o.id, o.body, o."createdAt", a.name AS "authorName", g.id AS "goalId", g.title AS "goalTitle",
      p.id AS "planId", p.title AS "planTitle", s.id AS "studentId", s.name AS "studentName",
      (SELECT count(*) FROM "Comment" r WHERE r."parentId" = o.id) AS replies, (SELECT count(*) FROM open) AS total
    FROM open o
    JOIN "Plan" p ON p.id = o."planId"
    JOIN "User" s ON s.id = p."studentId"
    LEFT JOIN "User" a ON a.id = o."authorId"
    LEFT JOIN "Goal" g ON g.id = o."goalId"
    ${past}
    ORDER BY o."createdAt", o.id LIMIT ${HOME_LIST_SIZE + 1}`;
  // No rows on the first page: there are none at all; past the last page, count alone.
  const total = rows.length
    ? Number(rows[0]!.total)
    : cursor
      ? Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${open}) o`)[0]?.n ?? 0)
      : 0;
  const shown = rows.slice(0, HOME_LIST_SIZE);
  const last = shown.at(-1);
  return {
    items: shown.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      author: displayName(c.authorName === null ? null : { name: c.authorName }),
      goal: c.goalId !== null && c.goalTitle !== null ? { id: c.goalId, title: c.goalTitle } : null,
      replies: Number(c.replies),
      plan: { id: c.planId, title: c.planTitle },
      student: { id: c.studentId, name: displayName({ name: c.studentName }) },
    })),
    total,
    next: rows.length > HOME_LIST_SIZE && last ? encodeCursor({ key: last.createdAt.toISOString(), id: last.id }) : null,
  } satisfies HomeList<unknown>;
}

/** A time-and-id cursor; null when it is not one of ours. */
function readTimeCursor(raw: unknown) {
  const c = decodeCursor(raw);
  if (!c || typeof c.key !== "string" || Number.isNaN(new Date(c.key).getTime())) return null;
  return { at: new Date(c.key).toISOString(), id: c.id };
}

// ---------------------------------------------------------------------------------------
// The whole page

export type HomeCursors = {
  queuePage: number;
  studentPage: number;
  evidence?: string;
  records?: string;
  quiet?: string;
  overdue?: string;
  threads?: string;
};

/**
 * Everything the teacher's home shows, with who the teacher teaches read once and shared by the
 * lists (the page and the benchmark both call this).
 */
export async function teacherHome(actor: Actor, c: HomeCursors) {
  const scope = await teacherScope(actor);
  const [evaluationsDue, queue, toRate, recordsToReview, quiet, overdue, threads, students, classes] = await Promise.all([
    listEvaluationsDue(actor, { scope: "acting" }),
    // The queue among the plans just read that wait for review (ids, not the access rule again:
    // its count stays the teacher's size, and the ids are the few waiting, not all their plans).
    listReviewQueue(actor, c.queuePage, scope.reviewPlanIds),
    listEvidenceToRate(actor, c.evidence, HOME_LIST_SIZE, scope),
    listRecordsToReview(actor, c.records, HOME_LIST_SIZE, scope),
    listQuietStudents(actor, c.quiet, new Date(), scope),
    listOverdueGoals(actor, c.overdue, new Date(), scope),
    listOpenThreads(actor, c.threads, scope),
    listStudents(actor, c.studentPage, scope),
    listClasses(actor, scope),
  ]);
  return { evaluationsDue, queue, toRate, recordsToReview, quiet, overdue, threads, students, classes };
}
