// Dates coming up for one child, as the schema has them: the end dates of plans still under way,
// goals' target dates, and due dates of independent study assignments not yet handed in. Each
// source is read through its visibility builder, bounded, then merged by day.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { visibleAgreementPlanIdsOf } from "@/lib/agreements/access";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import type { PlanStatus } from "@/lib/generated/prisma/enums.ts";
import { visiblePlanIdsOf } from "@/lib/plans/access";

/** How far ahead the page looks, and how many dates it lists. */
export const UPCOMING_DAYS = 42;
export const UPCOMING_LIMIT = 10;

/** Plans whose dates still matter: not completed or archived. */
const UNDER_WAY: PlanStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "ACTIVE"];

export type UpcomingDate = {
  kind: "plan-end" | "goal-target" | "assignment-due";
  /** YYYY-MM-DD */
  on: string;
  title: string;
  planId: string;
  planTitle: string;
};

export async function upcomingDates(actor: Actor, studentId: string, now = new Date()): Promise<UpcomingDate[]> {
  const from = new Date(`${isoDay(now)}T00:00:00.000Z`);
  const to = new Date(from.getTime() + UPCOMING_DAYS * 86_400_000);
  // Among the child's plans and agreements the actor may see (ids read once for the page).
  const [planIds, agreementPlanIds] = await Promise.all([
    visiblePlanIdsOf(actor, studentId, "acting"),
    visibleAgreementPlanIdsOf(actor, studentId),
  ]);
  const visible = { id: { in: planIds }, status: { in: UNDER_WAY } };
  const [plans, goals, assignments] = await Promise.all([
    db.plan.findMany({
      where: { AND: [visible, { endsOn: { gte: from, lte: to } }] },
      orderBy: [{ endsOn: "asc" }, { id: "asc" }],
      take: UPCOMING_LIMIT,
      select: { id: true, title: true, endsOn: true },
    }),
    db.goal.findMany({
      where: { plan: visible, targetDate: { gte: from, lte: to } },
      orderBy: [{ targetDate: "asc" }, { id: "asc" }],
      take: UPCOMING_LIMIT,
      select: { title: true, targetDate: true, plan: { select: { id: true, title: true } } },
    }),
    db.studyAssignment.findMany({
      where: {
        agreement: { planId: { in: agreementPlanIds } },
        status: "ASSIGNED",
        dueOn: { gte: from, lte: to },
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: UPCOMING_LIMIT,
      select: { title: true, dueOn: true, agreement: { select: { plan: { select: { id: true, title: true } } } } },
    }),
  ]);
  const all: UpcomingDate[] = [
    ...plans.map((p) => ({ kind: "plan-end" as const, on: isoDay(p.endsOn), title: p.title, planId: p.id, planTitle: p.title })),
    ...goals.flatMap((g) =>
      g.targetDate
        ? [{ kind: "goal-target" as const, on: isoDay(g.targetDate), title: g.title, planId: g.plan.id, planTitle: g.plan.title }]
        : [],
    ),
    ...assignments.map((a) => ({
      kind: "assignment-due" as const,
      on: isoDay(a.dueOn),
      title: a.title,
      planId: a.agreement.plan.id,
      planTitle: a.agreement.plan.title,
    })),
  ];
  return all.sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind)).slice(0, UPCOMING_LIMIT);
}
