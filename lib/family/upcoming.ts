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
  // One plain statement, a branch per kind of date, each bounded: the ids carry the rules, and
  // three nested selects cost more CPU to prepare than the statement takes (issue 12).
  const [fromDay, toDay] = [isoDay(from), isoDay(to)];
  const rows = await db.$queryRaw<{ kind: UpcomingDate["kind"]; on: Date; title: string; planId: string; planTitle: string }[]>`
    (SELECT 'plan-end' AS kind, p."endsOn" AS on, p.title, p.id AS "planId", p.title AS "planTitle"
      FROM "Plan" p
      WHERE p.id = ANY(${planIds}::text[]) AND p.status::text = ANY(${UNDER_WAY}::text[])
        AND p."endsOn" BETWEEN CAST(${fromDay} AS date) AND CAST(${toDay} AS date)
      ORDER BY p."endsOn", p.id LIMIT ${UPCOMING_LIMIT})
    UNION ALL
    (SELECT 'goal-target', g."targetDate", g.title, p.id, p.title
      FROM "Goal" g JOIN "Plan" p ON p.id = g."planId"
      WHERE p.id = ANY(${planIds}::text[]) AND p.status::text = ANY(${UNDER_WAY}::text[])
        AND g."targetDate" BETWEEN CAST(${fromDay} AS date) AND CAST(${toDay} AS date)
      ORDER BY g."targetDate", g.id LIMIT ${UPCOMING_LIMIT})
    UNION ALL
    (SELECT 'assignment-due', a."dueOn", a.title, p.id, p.title
      FROM "StudyAgreement" sa
      JOIN "StudyAssignment" a ON a."agreementId" = sa.id
      JOIN "Plan" p ON p.id = sa."planId"
      WHERE sa."planId" = ANY(${agreementPlanIds}::text[]) AND a.status = 'ASSIGNED'
        AND a."dueOn" BETWEEN CAST(${fromDay} AS date) AND CAST(${toDay} AS date)
      ORDER BY a."dueOn", a.id LIMIT ${UPCOMING_LIMIT})`;
  const all: UpcomingDate[] = rows.map((r) => ({
    kind: r.kind,
    on: isoDay(r.on),
    title: r.title,
    planId: r.planId,
    planTitle: r.planTitle,
  }));
  return all.sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind)).slice(0, UPCOMING_LIMIT);
}
