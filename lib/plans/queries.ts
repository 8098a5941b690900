// Reads of plans, always through plansVisibleTo. Returns shaped data, never raw rows.
import type { Actor } from "@/lib/auth/actor";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import type { PlanStatus, Prisma } from "@/lib/generated/prisma/client.ts";
import { goalLevel, planProgress } from "@/lib/mastery/levels";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { findVisiblePlan, plansVisibleTo } from "./access";
import { availableTransitions, canAddEvidence, canComment, canEditPlan, canRateEvidence } from "./policy";

const ratingPoint = { select: { level: true, createdAt: true } } as const;

const summarySelect = {
  id: true,
  title: true,
  type: true,
  status: true,
  startsOn: true,
  endsOn: true,
  updatedAt: true,
  submittedAt: true,
  student: { select: { id: true, name: true } },
  school: { select: { masteryRule: true } },
  goals: { select: { ratings: ratingPoint } },
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
    student: p.student,
    goalCount: p.goals.length,
    progress: planProgress(p.goals.map((g) => goalLevel(g.ratings, p.school.masteryRule))),
  };
}
export type PlanSummary = ReturnType<typeof toSummary>;

export type PlanListFilter = { page: number; status?: PlanStatus; studentId?: string };

async function planPage(
  actor: Actor,
  filter: Prisma.PlanWhereInput,
  orderBy: Prisma.PlanOrderByWithRelationInput[],
  page: number,
): Promise<Page<PlanSummary>> {
  const where: Prisma.PlanWhereInput = { AND: [plansVisibleTo(actor), filter] };
  const [rows, total] = await Promise.all([
    db.plan.findMany({ where, select: summarySelect, orderBy, ...pageArgs(page) }),
    db.plan.count({ where }),
  ]);
  return toPage(rows.map(toSummary), total, page);
}

export function listPlans(actor: Actor, filter: PlanListFilter): Promise<Page<PlanSummary>> {
  const where: Prisma.PlanWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.studentId ? { studentId: filter.studentId } : {}),
  };
  return planPage(actor, where, [{ updatedAt: "desc" }, { id: "asc" }], filter.page);
}

/** Plans waiting for a teacher: submitted or in review, oldest first. */
export function listReviewQueue(actor: Actor, page: number): Promise<Page<PlanSummary>> {
  return planPage(actor, { status: { in: ["SUBMITTED", "IN_REVIEW"] } }, [{ submittedAt: "asc" }, { id: "asc" }], page);
}

const person = { select: { id: true, name: true, role: true } } as const;

const detailSelect = {
  id: true,
  title: true,
  type: true,
  status: true,
  summary: true,
  startsOn: true,
  endsOn: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
  student: { select: { id: true, name: true, profile: { select: { gradeLevel: true } } } },
  school: { select: { masteryRule: true } },
  goals: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      subject: true,
      title: true,
      successCriteria: true,
      masteryDemonstration: true,
      targetDate: true,
      standards: { select: { standard: { select: { id: true, code: true, description: true } } } },
      ratings: ratingPoint,
      evidence: {
        orderBy: { evidence: { createdAt: "desc" } },
        select: {
          evidence: {
            select: {
              id: true,
              kind: true,
              title: true,
              text: true,
              url: true,
              fileName: true,
              fileType: true,
              fileSize: true,
              reflection: true,
              createdAt: true,
              addedBy: person,
              ratings: {
                orderBy: { createdAt: "desc" },
                select: { id: true, goalId: true, level: true, feedback: true, createdAt: true, rater: person },
              },
            },
          },
        },
      },
    },
  },
  comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: person } },
  events: {
    orderBy: { createdAt: "asc" },
    select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: person },
  },
} satisfies Prisma.PlanSelect;

/** One plan with everything its page shows, or NotFoundError when the actor may not see it. */
export async function getPlan(actor: Actor, planId: string) {
  const p = await findVisiblePlan(db, actor, planId, detailSelect);
  const rule = p.school.masteryRule;
  const goals = p.goals.map((g) => ({
    id: g.id,
    subject: g.subject,
    title: g.title,
    successCriteria: g.successCriteria,
    masteryDemonstration: g.masteryDemonstration,
    targetDate: g.targetDate ? isoDay(g.targetDate) : "",
    standards: g.standards.map((s) => s.standard),
    level: goalLevel(g.ratings, rule),
    ratingCount: g.ratings.length,
    evidence: g.evidence.map(({ evidence: e }) => ({
      ...e,
      ratings: e.ratings.filter((r) => r.goalId === g.id),
    })),
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
    student: { id: p.student.id, name: p.student.name, gradeLevel: p.student.profile?.gradeLevel ?? null },
    masteryRule: rule,
    goals,
    progress: planProgress(goals.map((g) => g.level)),
    comments: p.comments,
    events: p.events,
    allowed: {
      edit: canEditPlan(actor, p),
      transitions: availableTransitions(actor, p),
      addEvidence: canAddEvidence(actor, p),
      rateEvidence: canRateEvidence(actor, p),
      comment: canComment(actor, p),
    },
  };
}
export type PlanDetail = Awaited<ReturnType<typeof getPlan>>;
