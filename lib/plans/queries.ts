// Reads of plans, always through plansVisibleTo. Returns shaped data, never raw rows.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { withDisclosure } from "@/lib/disclosure/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type EvidenceKind, Prisma, type PlanStatus } from "@/lib/generated/prisma/client.ts";
import { levelColumns, levelFrom } from "@/lib/mastery/level-columns";
import { type LevelView, planProgress } from "@/lib/mastery/levels";
import { describeMethod } from "@/lib/mastery/methods";
import { loadPolicies, methodOf, thresholdOf } from "@/lib/mastery/policies";
import { keysetSlice, PAGE_SIZE, pageArgs, toPage, type Page } from "@/lib/pagination";
import { administered, type Scope } from "@/lib/people/access";
import { decodeCursor, encodeCursor, type KeysetPage, type PageRequest } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import { plansVisibleTo, visiblePlanIdsOf, visiblePlanRelations } from "./access";
import { planDetailRead } from "./detail";
import { allowedOnPlan } from "./policy";
import type { PlanFormInput } from "./schemas";
import { revisionSummary } from "./revisions";

const summarySelect = {
  id: true,
  title: true,
  type: true,
  status: true,
  startsOn: true,
  endsOn: true,
  updatedAt: true,
  submittedAt: true,
  approvedAt: true,
  student: { select: { id: true, name: true } },
  goals: { select: { mastery: { select: { proficient: true } } } },
} satisfies Prisma.PlanSelect;

type SummaryRow = Prisma.PlanGetPayload<{ select: typeof summarySelect }>;

function toSummary(p: SummaryRow) {
  return {
    id: p.id,
    title: p.title,
    type: p.type,
    status: p.status,
    startsOn: isoDay(p.startsOn),
    endsOn: isoDay(p.endsOn),
    updatedAt: p.updatedAt,
    submittedAt: p.submittedAt,
    approvedAt: p.approvedAt,
    student: p.student,
    goalCount: p.goals.length,
    progress: planProgress(p.goals.map((g) => ({ proficient: g.mastery?.proficient ?? false }))),
  };
}
export type PlanSummary = ReturnType<typeof toSummary>;

/**
 * `scope`: "acting" (a home page: what the membership they act in grants) or "all"
 * (a student's page: everything the person may see).
 */
export type PlanListFilter = { page: number; status?: PlanStatus; studentId?: string; scope?: Scope };

/** The orders plan lists come in. */
const ORDERS = {
  recent: { prisma: [{ updatedAt: "desc" }, { id: "asc" }], sql: Prisma.sql`p."updatedAt" DESC, p.id ASC` },
  waitingLongest: { prisma: [{ submittedAt: "asc" }, { id: "asc" }], sql: Prisma.sql`p."submittedAt" ASC, p.id ASC` },
} satisfies Record<string, { prisma: Prisma.PlanOrderByWithRelationInput[]; sql: Prisma.Sql }>;

/**
 * `visible`: the ids of the plans the actor may see, when the caller already has them (the
 * teacher's home, a page about one student), with how many match when the caller knows it. The
 * page is then read by those ids in plain SQL (summariesAmong); otherwise through the rule.
 */
async function planPage(
  actor: Actor,
  filter: { status?: PlanStatus | PlanStatus[]; studentId?: string },
  order: keyof typeof ORDERS,
  page: number,
  scope: Scope = "acting",
  visible?: { ids: readonly string[]; count?: number },
): Promise<Page<PlanSummary>> {
  if (visible) {
    const [rows, total] = await Promise.all([
      summariesAmong(visible.ids, filter, order, page),
      visible.count ?? countAmong(visible.ids, filter),
    ]);
    return toPage(rows.map(toSummary), total, page);
  }
  const statuses = filter.status === undefined ? undefined : [filter.status].flat();
  const where: Prisma.PlanWhereInput = {
    AND: [
      plansVisibleTo(actor, scope),
      { ...(statuses ? { status: { in: statuses } } : {}), ...(filter.studentId ? { studentId: filter.studentId } : {}) },
    ],
  };
  const [rows, total] = await Promise.all([
    db.plan.findMany({ where, select: summarySelect, orderBy: ORDERS[order].prisma, ...pageArgs(page) }),
    db.plan.count({ where }),
  ]);
  return toPage(rows.map(toSummary), total, page);
}

function amongSql(ids: readonly string[], filter: { status?: PlanStatus | PlanStatus[]; studentId?: string }) {
  const statuses = filter.status === undefined ? null : [filter.status].flat();
  return Prisma.sql`p.id = ANY(${[...ids]}::text[]) AND p."deletedAt" IS NULL
    ${statuses ? Prisma.sql`AND p.status::text = ANY(${statuses}::text[])` : Prisma.empty}
    ${filter.studentId ? Prisma.sql`AND p."studentId" = ${filter.studentId}` : Prisma.empty}`;
}

/**
 * A page of plan summaries among plans given by id (the caller read them through the rule), in
 * plain SQL: as a nested select with the goals' mastery it cost more CPU to prepare than Postgres
 * took to answer (issue 12). The same rows as summarySelect; student-plan-ids.test.ts holds them to it.
 */
async function summariesAmong(
  ids: readonly string[],
  filter: { status?: PlanStatus | PlanStatus[]; studentId?: string },
  order: keyof typeof ORDERS,
  page: number,
): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const { skip, take } = pageArgs(page);
  const rows = await db.$queryRaw<
    (Omit<SummaryRow, "student" | "goals"> & { studentName: string; studentId: string; proficient: boolean[] })[]
  >`
    SELECT p.id, p.title, p.type::text AS type, p.status::text AS status, p."startsOn", p."endsOn", p."updatedAt", p."submittedAt", p."approvedAt",
      s.id AS "studentId", s.name AS "studentName",
      ARRAY(SELECT COALESCE(m.proficient, false) FROM "Goal" g LEFT JOIN "GoalMastery" m ON m."goalId" = g.id WHERE g."planId" = p.id) AS proficient
    FROM "Plan" p
    JOIN "User" s ON s.id = p."studentId"
    WHERE ${amongSql(ids, filter)}
    ORDER BY ${ORDERS[order].sql}
    OFFSET ${skip} LIMIT ${take}`;
  return rows.map(({ studentId, studentName, proficient, ...p }) => ({
    ...p,
    student: { id: studentId, name: studentName },
    goals: proficient.map((x) => ({ mastery: { proficient: x } })),
  }));
}

async function countAmong(ids: readonly string[], filter: { status?: PlanStatus | PlanStatus[]; studentId?: string }) {
  if (ids.length === 0) return 0;
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Plan" p WHERE ${amongSql(ids, filter)}`;
  return Number(row?.n ?? 0);
}

export async function listPlans(actor: Actor, filter: PlanListFilter): Promise<Page<PlanSummary>> {
  const where = { status: filter.status, studentId: filter.studentId };
  const scope = filter.scope ?? "acting";
  if (!filter.studentId) return planPage(actor, where, "recent", filter.page, scope);
  // One student's plans: among their visible plans' ids, read once for the request (the page's
  // other lists use them too); unfiltered, they are all listed, so they are also the count.
  const ids = await visiblePlanIdsOf(actor, filter.studentId, scope);
  return planPage(actor, where, "recent", filter.page, scope, { ids, count: filter.status ? undefined : ids.length });
}

/**
 * Every plan of the school or district the admin acts for, most recently updated first, a keyset
 * page at a time with no count (a district has tens of thousands). Each organization's newest
 * rows come from Plan(schoolId, updatedAt, id) and the few per school are merged, so a page costs
 * at most a page per school; the page's plans are then read through plansVisibleTo like any list.
 */
export async function listOrganizationPlans(actor: Actor, request: PageRequest = {}, size = PAGE_SIZE): Promise<KeysetPage<PlanSummary>> {
  if (actor.acting.role !== "ADMIN") throw new ForbiddenError();
  const orgs = await db.organization.findMany({
    where: { AND: [{ districtId: actor.districtId }, administered(actor, "acting")] },
    select: { id: true },
  });
  const read = (raw: unknown) => {
    const c = decodeCursor(raw);
    const at = c ? new Date(c.key) : null;
    return c && at && !Number.isNaN(at.getTime()) ? { at: at.toISOString(), id: c.id } : null;
  };
  const before = read(request.before);
  const after = before ? null : read(request.after);
  const cursor = before ?? after;
  const order = before ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const past = cursor
    ? Prisma.sql`AND (p."updatedAt", p.id) ${before ? Prisma.sql`>` : Prisma.sql`<`} (CAST(${cursor.at} AS timestamptz) AT TIME ZONE 'UTC', ${cursor.id})`
    : Prisma.empty;
  const keys = orgs.length
    ? await db.$queryRaw<{ id: string; updatedAt: Date }[]>`
        SELECT k.id, k."updatedAt" FROM unnest(${orgs.map((o) => o.id)}::text[]) AS o(id)
        CROSS JOIN LATERAL (
          SELECT p.id, p."updatedAt" FROM "Plan" p
          WHERE p."schoolId" = o.id AND p."deletedAt" IS NULL ${past}
          ORDER BY p."updatedAt" ${order}, p.id ${order} LIMIT ${size + 1}
        ) k
        ORDER BY k."updatedAt" ${order}, k.id ${order} LIMIT ${size + 1}`
    : [];
  const page = keysetSlice(keys, size, { before: !!before, after: !!after }, (k) =>
    encodeCursor({ key: k.updatedAt.toISOString(), id: k.id }),
  );
  const rows = await db.plan.findMany({
    where: { AND: [plansVisibleTo(actor, "acting"), { id: { in: page.items.map((k) => k.id) } }] },
    select: summarySelect,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { ...page, items: page.items.flatMap((k) => (byId.has(k.id) ? [toSummary(byId.get(k.id)!)] : [])) };
}

/**
 * Plans waiting for a teacher: submitted or in review, oldest first. `waiting`: the ids of the
 * plans waiting for review that the actor may see, when the caller has just read them with the same
 * rule (the teacher's home, lib/teacher/home.ts): the page then reads among those ids instead of
 * testing the school's plans against the rule, and they are its count.
 */
export async function listReviewQueue(
  actor: Actor,
  page: number,
  waiting?: readonly string[],
): Promise<Page<PlanSummary & { openThreads: number }>> {
  const queue = await planPage(
    actor,
    { status: ["SUBMITTED", "IN_REVIEW"] },
    "waitingLongest",
    page,
    "acting",
    waiting ? { ids: waiting, count: waiting.length } : undefined,
  );
  // Unresolved comment threads (OPEN_THREAD), counted for this page's plans only, in one plain statement.
  const open = queue.items.length
    ? await db.$queryRaw<{ planId: string; n: bigint }[]>`
        SELECT "planId", count(*) AS n FROM "Comment"
        WHERE "planId" = ANY(${queue.items.map((p) => p.id)}::text[]) AND "parentId" IS NULL AND "resolvedAt" IS NULL
        GROUP BY "planId"`
    : [];
  const counts = new Map(open.map((o) => [o.planId, Number(o.n)]));
  return { ...queue, items: queue.items.map((p) => ({ ...p, openThreads: counts.get(p.id) ?? 0 })) };
}

/** A person on a record, or the tombstone when they were deleted. */
const named = (p: { id: string; name: string } | null) => ({ id: p?.id ?? null, name: displayName(p) });

/** How many pieces of evidence each goal shows on its plan's page until "Show all" asks for the rest. */
export const EVIDENCE_SHOWN = 10;

type GoalEvidenceRow = {
  goalId: string;
  id: string;
  kind: EvidenceKind;
  title: string;
  text: string | null;
  url: string | null;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  reflection: string;
  createdAt: Date;
  addedById: string | null;
  addedByName: string | null;
};
type RatingRow = {
  id: string;
  goalId: string;
  evidenceId: string;
  feedback: string;
  createdAt: Date;
  raterId: string | null;
  raterName: string | null;
};

/**
 * Each goal's evidence, newest first (ties broken by id, so the newest few and the whole list
 * agree), at most `shown` per goal and all of it for the goal `allOf` names, each piece with its
 * ratings on that goal (newest first). Two plain statements: as a nested select of the plan, this
 * tree cost more CPU to prepare than everything else on the plan's page (issue 12).
 */
async function evidenceOfGoals(goalIds: string[], shown: number, allOf?: string) {
  const rows = goalIds.length
    ? await db.$queryRaw<GoalEvidenceRow[]>`
        SELECT x."goalId", x.id, x.kind, x.title, x.text, x.url, x."fileName", x."fileType", x."fileSize", x.reflection, x."createdAt",
          a.id AS "addedById", a.name AS "addedByName"
        FROM (
          SELECT eg."goalId", e.id, e.kind::text AS kind, e.title, e.text, e.url, e."fileName", e."fileType", e."fileSize", e.reflection,
            e."createdAt", e."addedById",
            row_number() OVER (PARTITION BY eg."goalId" ORDER BY e."createdAt" DESC, eg."evidenceId" DESC) AS n
          FROM "EvidenceGoal" eg JOIN "Evidence" e ON e.id = eg."evidenceId"
          WHERE eg."goalId" = ANY(${goalIds}::text[])
        ) x
        LEFT JOIN "User" a ON a.id = x."addedById"
        WHERE x.n <= ${shown} OR x."goalId" = ${allOf ?? null}
        ORDER BY x."goalId", x.n`
    : [];
  const evidenceIds = [...new Set(rows.map((r) => r.id))];
  const ratings = evidenceIds.length
    ? await db.$queryRaw<(RatingRow & Record<string, unknown>)[]>`
        SELECT r.id, r."goalId", r."evidenceId", r.feedback, r."createdAt", ${levelColumns("l", "level")}, u.id AS "raterId", u.name AS "raterName"
        FROM "Rating" r
        JOIN "ProficiencyLevel" l ON l.id = r."levelId"
        LEFT JOIN "User" u ON u.id = r."raterId"
        WHERE r."evidenceId" = ANY(${evidenceIds}::text[]) AND r."goalId" = ANY(${goalIds}::text[])
        ORDER BY r."createdAt" DESC, r.id DESC`
    : [];
  const ratingsOf = new Map<string, ReturnType<typeof ratingView>[]>();
  for (const r of ratings) {
    const key = `${r.evidenceId}:${r.goalId}`;
    ratingsOf.set(key, [...(ratingsOf.get(key) ?? []), ratingView(r)]);
  }
  const byGoal = new Map<string, ReturnType<typeof evidenceView>[]>();
  for (const row of rows)
    byGoal.set(row.goalId, [...(byGoal.get(row.goalId) ?? []), evidenceView(row, ratingsOf.get(`${row.id}:${row.goalId}`) ?? [])]);
  return byGoal;
}

function ratingView(r: RatingRow & Record<string, unknown>) {
  return {
    id: r.id,
    goalId: r.goalId,
    level: levelFrom(r, "level") as LevelView,
    feedback: r.feedback,
    createdAt: r.createdAt,
    rater: named(r.raterId === null || r.raterName === null ? null : { id: r.raterId, name: r.raterName }),
  };
}

function evidenceView(r: GoalEvidenceRow, ratings: ReturnType<typeof ratingView>[]) {
  const { id, kind, title, text, url, fileName, fileType, fileSize, reflection, createdAt } = r;
  const addedBy = named(r.addedById === null || r.addedByName === null ? null : { id: r.addedById, name: r.addedByName });
  return { id, kind, title, text, url, fileName, fileType, fileSize, reflection, createdAt, addedBy, ratings };
}

/**
 * What of a plan's evidence to read: each goal's newest EVIDENCE_SHOWN, and all of it for the goal
 * `allEvidenceOf` names (the page's "Show all"; an id that is not one of the plan's goals is ignored).
 */
export type PlanView = { allEvidenceOf?: string };

/**
 * One plan with everything its page shows, or NotFoundError when the actor may not see it (noted in
 * the disclosure log). Each goal has its newest evidence (see PlanView) and `evidenceCount`, how many
 * pieces it has in all.
 */
export async function getPlan(actor: Actor, planId: string, view: PlanView = {}) {
  const what = { action: "plan.view", entityType: "Plan", entityId: planId } as const;
  return withDisclosure(
    actor,
    what,
    () => loadPlan(actor, planId, view),
    (p) => p.student.id,
  );
}
async function loadPlan(actor: Actor, planId: string, view: PlanView) {
  const related = await visiblePlanRelations(actor, planId);
  const read = await planDetailRead(planId);
  if (!read) throw new NotFoundError("That plan");
  const p = { ...read, studentId: related.studentId, school: related.school, relations: related.relations };
  // The goals are this visible plan's, so their evidence is the actor's to see; "Show all" names one of them.
  const expanded = p.goals.find((g) => g.id === view.allEvidenceOf);
  const [revisions, policies, evidence] = await Promise.all([
    revisionSummary(db, p.id),
    loadPolicies(db, [p.schoolId]),
    evidenceOfGoals(
      p.goals.map((g) => g.id),
      EVIDENCE_SHOWN,
      expanded?.id,
    ),
  ]);
  const policy = policies.forSchool(p.schoolId);
  const goals = p.goals.map((g) => ({
    id: g.id,
    subject: g.subject,
    title: g.title,
    successCriteria: g.successCriteria,
    masteryDemonstration: g.masteryDemonstration,
    targetDate: g.targetDate ? isoDay(g.targetDate) : "",
    standards: g.standards.map((s) => s.standard),
    activities: g.activities,
    mastery: g.mastery,
    evidence: evidence.get(g.id) ?? [],
    evidenceCount: g._count.evidence,
  }));
  return {
    id: p.id,
    title: p.title,
    type: p.type,
    status: p.status,
    summary: p.summary,
    startsOn: isoDay(p.startsOn),
    endsOn: isoDay(p.endsOn),
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    approvedAt: p.approvedAt,
    schoolId: p.schoolId,
    student: { id: p.student.id, name: p.student.name, gradeLevel: p.student.profile?.gradeLevel ?? null },
    // The scale ratings on this plan use, and how a goal's level is worked out from them.
    scale: { name: policy.scale.name, levels: policy.scale.levels },
    method: describeMethod(methodOf(policy), thresholdOf(policy)),
    methodSpec: { method: methodOf(policy), threshold: thresholdOf(policy) },
    goals,
    progress: planProgress(goals.map((g) => ({ proficient: g.mastery?.proficient ?? false }))),
    events: p.events.map((e) => ({ ...e, actor: named(e.actor) })),
    revision: revisions.latest ? { number: revisions.latest.number, savedAt: revisions.latest.createdAt } : null,
    approvedRevision: revisions.approved ? { number: revisions.approved.number, approvedAt: revisions.approved.createdAt } : null,
    allowed: allowedOnPlan(p),
  };
}
export type PlanDetail = Awaited<ReturnType<typeof getPlan>>;

/** A plan as the values of its edit form. */
export function planFormValues(plan: PlanDetail): PlanFormInput {
  return {
    title: plan.title,
    type: plan.type,
    summary: plan.summary,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    goals: plan.goals.map((g) => ({
      id: g.id,
      subject: g.subject,
      title: g.title,
      successCriteria: g.successCriteria,
      masteryDemonstration: g.masteryDemonstration,
      targetDate: g.targetDate,
      standardIds: g.standards.map((s) => s.id),
      activities: g.activities.map((a) => ({ ...a })),
    })),
  };
}
