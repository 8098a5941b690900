// The teacher's home: who needs them now. Each list is the first few items (oldest first,
// or by name for students), a count, and a cursor for "more". Everything is read through
// the plans of the membership they act in (plansVisibleTo(actor, "acting")), so a teacher
// sees only the students they teach now, in the schools they teach at.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { OPEN_THREAD } from "@/lib/conversation/queries";
import { db } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { loadPolicies } from "@/lib/mastery/policies";
import { listClasses, listStudents } from "@/lib/people/queries";
import { listReviewQueue } from "@/lib/plans/queries";
import { decodeCursor, encodeCursor, keyset } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import { organizationsAs, studentsVisibleTo } from "@/lib/people/access";

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
export type Taught = { studentIds: string[]; planIds: string[]; activePlanIds: string[]; activeStudentIds: string[] };

/**
 * Plans of the students the actor teaches now, as the teacher they act as. Acting in any
 * other role (an admin, a parent) there is no teacher's home, so nothing. The students are read
 * first (bounded by the teacher's classes) and named in the filter beside the access rule: left
 * to the rule alone, Postgres starts from every plan of the school and tests each against the
 * teacher's enrollments, a cost that grows with the school (docs/decisions/district-scale-data.md).
 * Read once per request and actor: the page asks for four of these lists at once.
 */
const taught = cache(async (actor: Actor): Promise<Taught> => {
  if (actor.acting.role !== "TEACHER") return { studentIds: [], planIds: [], activePlanIds: [], activeStudentIds: [] };
  const students = await db.user.findMany({ where: studentsVisibleTo(actor, "acting"), select: { id: true } });
  const studentIds = students.map((s) => s.id);
  // For students the teacher teaches now, plansVisibleTo's teacher rule comes down to this: a
  // plan of theirs at a school where the actor teaches, not deleted. Said directly, Postgres
  // need not test each plan against the teacher's enrollments again (tests: home.test.ts).
  const plans = await db.plan.findMany({
    where: {
      studentId: { in: studentIds },
      deletedAt: null,
      school: { AND: [{ districtId: actor.districtId }, organizationsAs(actor, "TEACHER", "acting")] },
    },
    select: { id: true, status: true, studentId: true },
  });
  const active = plans.filter((p) => p.status === "ACTIVE");
  return {
    studentIds,
    planIds: plans.map((p) => p.id),
    activePlanIds: active.map((p) => p.id),
    activeStudentIds: [...new Set(active.map((p) => p.studentId))],
  };
});

/** Who the teacher teaches, read once and passed to each list (the page does, through teacherHome). */
export function teacherScope(actor: Actor): Promise<Taught> {
  return taught(actor);
}

/** The actor's students' plans that are under way: the ones evidence and target dates matter on. */
function activePlans(scope: Taught): Prisma.PlanWhereInput {
  return { id: { in: scope.activePlanIds } };
}

function startOfToday(now = new Date()) {
  const d = new Date(now);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

const person = { select: { id: true, name: true } } as const;

// ---------------------------------------------------------------------------------------
// Evidence waiting for a rating

/**
 * One queue item is a piece of evidence and one goal it is attached to that has no rating
 * for that goal yet. "No rating for this goal" compares two columns of different tables,
 * which a Prisma filter cannot say, so the access is read first (the ids of the actor's
 * active plans: bounded by the students they teach) and the pairs are found in SQL among
 * those plans only. Ordered by (evidence created, evidence id, goal id), oldest first;
 * served by Evidence(planId, createdAt), EvidenceGoal's key and Rating(evidenceId, …).
 */
export async function listEvidenceToRate(actor: Actor, after?: string | null, size = HOME_LIST_SIZE, scope?: Taught) {
  const planIds = (scope ?? (await taught(actor))).activePlanIds;
  if (planIds.length === 0) return { items: [], total: 0, next: null };
  const cursor = readPairCursor(after);
  const unrated = Prisma.sql`
    SELECT eg."evidenceId", eg."goalId", e."createdAt"
    FROM "EvidenceGoal" eg
    JOIN "Evidence" e ON e.id = eg."evidenceId"
    WHERE e."planId" = ANY(${planIds}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = eg."evidenceId" AND r."goalId" = eg."goalId")`;
  // Stored times are UTC in a column without a zone: compare them as UTC.
  const past = cursor
    ? Prisma.sql`WHERE (u."createdAt", u."evidenceId", u."goalId") > ((CAST(${cursor.at} AS timestamptz) AT TIME ZONE 'UTC'), ${cursor.evidenceId}, ${cursor.goalId})`
    : Prisma.empty;
  // The pairs are found once (a CTE used twice is computed once) for the page and the count.
  const rows = await db.$queryRaw<{ evidenceId: string; goalId: string; createdAt: Date; total: bigint }[]>`
    WITH unrated AS (${unrated})
    SELECT u."evidenceId", u."goalId", u."createdAt", (SELECT count(*) FROM unrated) AS total
    FROM unrated u ${past}
    ORDER BY u."createdAt", u."evidenceId", u."goalId" LIMIT ${size + 1}`;
  const counted = rows.length
    ? [{ total: rows[0]!.total }]
    : await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${unrated}) u`;
  const page = rows.slice(0, size);
  const last = page.at(-1);
  const details = await db.evidence.findMany({
    where: { id: { in: page.map((r) => r.evidenceId) } },
    select: {
      id: true,
      kind: true,
      title: true,
      text: true,
      url: true,
      fileName: true,
      reflection: true,
      createdAt: true,
      student: person,
      plan: { select: { id: true, title: true, schoolId: true } },
      goals: { where: { goalId: { in: page.map((r) => r.goalId) } }, select: { goal: { select: { id: true, title: true } } } },
    },
  });
  // Each item is rated on the scale of its plan's school.
  const policies = await loadPolicies(
    db,
    details.map((d) => d.plan.schoolId),
  );
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = page.flatMap((r) => {
    const e = byId.get(r.evidenceId);
    const goal = e?.goals.find((g) => g.goal.id === r.goalId)?.goal;
    if (!e || !goal) return [];
    const { id, kind, title, text, url, fileName, reflection, createdAt, plan, student } = e;
    const who = { id: student.id, name: displayName(student) };
    const levels = policies.forSchool(plan.schoolId).scale.levels;
    return [
      {
        key: `${id}:${goal.id}`,
        id,
        kind,
        title,
        text,
        url,
        fileName,
        reflection,
        createdAt,
        plan: { id: plan.id, title: plan.title },
        student: who,
        goal,
        levels,
      },
    ];
  });
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
  const recent = await db.$queryRaw<{ studentId: string }[]>`
    SELECT DISTINCT "studentId" FROM "Evidence"
    WHERE "planId" = ANY(${scope.planIds}::text[]) AND "createdAt" >= (CAST(${since.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
  const busy = new Set(recent.map((r) => r.studentId));
  const quietIds = scope.activeStudentIds.filter((id) => !busy.has(id));
  const people = await db.user.findMany({ where: { id: { in: quietIds } }, select: { id: true, name: true } });
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
  const latest = shown.length
    ? await db.evidence.groupBy({
        by: ["studentId"],
        where: { studentId: { in: shown.map((s) => s.id) }, planId: { in: scope.planIds } },
        _max: { createdAt: true },
      })
    : [];
  const lastAt = new Map(latest.map((l) => [l.studentId, l._max.createdAt]));
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
  const where: Prisma.GoalWhereInput = {
    plan: activePlans(scope ?? (await taught(actor))),
    targetDate: { lt: startOfToday(now) },
    OR: [{ mastery: null }, { mastery: { proficient: false } }],
  };
  const page = keyset("targetDate", { after }, { size: HOME_LIST_SIZE, date: true });
  const [rows, total] = await Promise.all([
    db.goal.findMany({
      where: { AND: [where, page.where] },
      orderBy: page.orderBy,
      take: page.take,
      select: {
        id: true,
        title: true,
        targetDate: true,
        mastery: { select: { ratingCount: true, level: { select: { name: true, colour: true } } } },
        plan: { select: { id: true, title: true, student: person } },
      },
    }),
    db.goal.count({ where }),
  ]);
  const shown = page.page(rows, (g) => g.targetDate ?? new Date(0));
  return {
    items: shown.items.map((g) => ({
      id: g.id,
      title: g.title,
      targetDate: g.targetDate ? isoDay(g.targetDate) : "",
      level: g.mastery?.level ?? null,
      rated: (g.mastery?.ratingCount ?? 0) > 0,
      plan: { id: g.plan.id, title: g.plan.title },
      student: { id: g.plan.student.id, name: displayName(g.plan.student) },
    })),
    total,
    next: shown.next,
  } satisfies HomeList<unknown>;
}

// ---------------------------------------------------------------------------------------
// Unresolved comment threads

/** Open threads (a first comment not resolved) on the actor's students' plans, oldest first. */
export async function listOpenThreads(actor: Actor, after?: string | null, scope?: Taught) {
  const where: Prisma.CommentWhereInput = { ...OPEN_THREAD, planId: { in: (scope ?? (await taught(actor))).planIds } };
  const page = keyset("createdAt", { after }, { size: HOME_LIST_SIZE, date: true });
  const [rows, total] = await Promise.all([
    db.comment.findMany({
      where: { AND: [where, page.where] },
      orderBy: page.orderBy,
      take: page.take,
      select: {
        id: true,
        body: true,
        createdAt: true,
        author: person,
        goal: { select: { id: true, title: true } },
        plan: { select: { id: true, title: true, student: person } },
      },
    }),
    db.comment.count({ where }),
  ]);
  const shown = page.page(rows, (r) => r.createdAt);
  // Replies counted for this page's threads only (a relation _count aggregates every thread).
  const counted = shown.items.length
    ? await db.comment.groupBy({ by: ["parentId"], where: { parentId: { in: shown.items.map((c) => c.id) } }, _count: { _all: true } })
    : [];
  const replies = new Map(counted.map((c) => [c.parentId, c._count._all]));
  return {
    items: shown.items.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      author: displayName(c.author),
      goal: c.goal,
      replies: replies.get(c.id) ?? 0,
      plan: { id: c.plan.id, title: c.plan.title },
      student: { id: c.plan.student.id, name: displayName(c.plan.student) },
    })),
    total,
    next: shown.next,
  } satisfies HomeList<unknown>;
}

// ---------------------------------------------------------------------------------------
// The whole page

export type HomeCursors = { queuePage: number; studentPage: number; evidence?: string; quiet?: string; overdue?: string; threads?: string };

/**
 * Everything the teacher's home shows, with who the teacher teaches read once and shared by the
 * lists (the page and the benchmark both call this).
 */
export async function teacherHome(actor: Actor, c: HomeCursors) {
  const scope = await teacherScope(actor);
  const [queue, toRate, quiet, overdue, threads, students, classes] = await Promise.all([
    listReviewQueue(actor, c.queuePage),
    listEvidenceToRate(actor, c.evidence, HOME_LIST_SIZE, scope),
    listQuietStudents(actor, c.quiet, new Date(), scope),
    listOverdueGoals(actor, c.overdue, new Date(), scope),
    listOpenThreads(actor, c.threads, scope),
    listStudents(actor, c.studentPage, scope.studentIds),
    listClasses(actor),
  ]);
  return { queue, toRate, quiet, overdue, threads, students, classes };
}
