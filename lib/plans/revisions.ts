// Revisions: every saved state of a plan that someone can rely on (its creation, each
// edit, each submission, each approval) is kept whole and hashed. The edit lock is
// `Plan.version`; this is the history (docs/decisions/revisions-and-edit-lock.md).
import "server-only";
import { isoDay } from "@/lib/dates";
import type { Tx } from "@/lib/db";
import type { RevisionKind } from "@/lib/generated/prisma/enums.ts";

/** An activity's content, as revisions keep it and the plan page shows it. */
export const ACTIVITY_SELECT = {
  id: true,
  description: true,
  setting: true,
  timing: true,
  withWhom: true,
  resourceKind: true,
  resource: true,
  resourceUrl: true,
} as const;

/**
 * A plan's content as a revision stores it. The database hashes the jsonb text, which
 * orders keys itself, so only array order matters here: goals by position, standards
 * by id, activities by position. The migration that introduced revisions wrote this
 * shape without activities (plans had none then); a revision's content parses with
 * `revisionContentSchema`, which reads a missing list as empty.
 */
export async function planContents(tx: Tx, planIds: readonly string[]) {
  const plans = await tx.plan.findMany({
    where: { id: { in: [...planIds] } },
    select: {
      id: true,
      title: true,
      type: true,
      summary: true,
      startsOn: true,
      endsOn: true,
      goals: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          subject: true,
          title: true,
          successCriteria: true,
          masteryDemonstration: true,
          targetDate: true,
          standards: { select: { standardId: true }, orderBy: { standardId: "asc" } },
          activities: { orderBy: { position: "asc" }, select: ACTIVITY_SELECT },
        },
      },
    },
  });
  return new Map(
    plans.map(
      (p) =>
        [
          p.id,
          {
            title: p.title,
            type: p.type,
            summary: p.summary,
            startsOn: isoDay(p.startsOn),
            endsOn: isoDay(p.endsOn),
            goals: p.goals.map((g) => ({
              id: g.id,
              subject: g.subject,
              title: g.title,
              successCriteria: g.successCriteria,
              masteryDemonstration: g.masteryDemonstration,
              targetDate: g.targetDate ? isoDay(g.targetDate) : "",
              standardIds: g.standards.map((s) => s.standardId),
              activities: g.activities,
            })),
          },
        ] as const,
    ),
  );
}

/** One plan's content (see planContents). */
export async function planContent(tx: Tx, planId: string) {
  const content = (await planContents(tx, [planId])).get(planId);
  if (!content) throw new Error(`No plan ${planId}`);
  return content;
}

export type PlanContent = Awaited<ReturnType<typeof planContent>>;

/**
 * Records the current content of many plans as their next revisions, in a fixed number of
 * statements (a template change reaching hundreds of drafts). Same rule as recordRevision:
 * call it after the plans' version bump in the same transaction.
 */
export async function recordRevisions(tx: Tx, planIds: readonly string[], kind: RevisionKind, authorId: string) {
  if (planIds.length === 0) return;
  const last = await tx.planRevision.groupBy({ by: ["planId"], where: { planId: { in: [...planIds] } }, _max: { number: true } });
  const lastOf = new Map(last.map((r) => [r.planId, r._max.number ?? 0]));
  const contents = await planContents(tx, planIds);
  await tx.planRevision.createMany({
    data: planIds.map((planId) => {
      const content = contents.get(planId);
      if (!content) throw new Error(`No plan ${planId}`);
      return { planId, number: (lastOf.get(planId) ?? 0) + 1, kind, authorId, content };
    }),
  });
}

/**
 * Records the plan's current content as its next revision. Call it inside the
 * transaction that changed the plan, after the plan row's version bump: that row lock
 * keeps revision numbers in order.
 */
export async function recordRevision(tx: Tx, planId: string, kind: RevisionKind, authorId: string) {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const last = await tx.planRevision.findFirst({ where: { planId }, orderBy: { number: "desc" }, select: { number: true } });
  const content = await planContent(tx, planId);
  return tx.planRevision.create({
    data: { planId, number: (last?.number ?? 0) + 1, kind, authorId, content },
    select: { id: true, number: true, contentHash: true },
  });
}

/** The newest revision, and the newest approved one, for "version N, approved on …". */
export async function revisionSummary(tx: Tx, planId: string) {
  type Row = { which: "latest" | "approved"; number: number; kind: RevisionKind; contentHash: string; createdAt: Date };
  // One statement for both (each a single row along PlanRevision(planId, number)): every plan page
  // asks, and two ORM reads cost more CPU to prepare than Postgres takes to answer (issue 12).
  const rows = await tx.$queryRaw<Row[]>`
    (SELECT 'latest' AS which, number, kind::text AS kind, "contentHash", "createdAt" FROM "PlanRevision"
      WHERE "planId" = ${planId} ORDER BY number DESC LIMIT 1)
    UNION ALL
    (SELECT 'approved', number, kind::text, "contentHash", "createdAt" FROM "PlanRevision"
      WHERE "planId" = ${planId} AND kind = 'APPROVED' ORDER BY number DESC LIMIT 1)`;
  const of = (which: Row["which"]) => {
    const row = rows.find((r) => r.which === which);
    return row ? { number: row.number, kind: row.kind, contentHash: row.contentHash, createdAt: row.createdAt } : null;
  };
  return { latest: of("latest"), approved: of("approved") };
}
