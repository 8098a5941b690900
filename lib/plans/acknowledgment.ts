// A guardian acknowledges an approved plan ("I have read this plan"): a time-stamped row per
// guardian and plan version that the plan's teachers see. The version is the plan's latest
// revision number — the "Version N" its page shows — not the edit lock, which also moves on
// status changes (docs/decisions/family-home.md).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { displayName } from "@/lib/people/names";
import { findVisiblePlan, findVisiblePlanRow } from "./access";
import { acknowledgePlanSchema } from "./acknowledgment-schemas";

/** Only a plan in force is acknowledged: approved and not yet completed. */
export const ACKNOWLEDGEABLE = "ACTIVE";
/** At most this many acknowledgments are listed on a plan's page (newest first). */
export const ACKNOWLEDGMENT_LIMIT = 50;

export type Acknowledged = { planVersion: number; acknowledgedAt: Date; created: boolean };

/** Records the guardian's acknowledgment of the version they read; a second time is the same row. */
export async function acknowledgePlan(actor: Actor, input: unknown): Promise<Acknowledged> {
  const { planId, version } = acknowledgePlanSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, schoolId: true });
    if (!plan.relations.includes("GUARDIAN")) throw new ForbiddenError("Only a parent or guardian of the student acknowledges a plan.");
    // Shared with other acknowledgments, exclusive of any change to the plan: no edit, approval or
    // status change slips in between the version read here and the row written.
    await tx.$queryRaw`SELECT 1 FROM "Plan" WHERE "id" = ${planId} FOR SHARE`;
    const now = await tx.plan.findUniqueOrThrow({
      where: { id: planId },
      select: { status: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
    });
    if (now.status !== ACKNOWLEDGEABLE) throw new ForbiddenError("Only an approved plan that is in progress can be acknowledged.");
    const current = now.revisions[0]?.number ?? 0;
    if (current !== version) {
      throw new ConflictError(`This plan changed since you opened it: it is now version ${current}. Read it again, then acknowledge it.`);
    }
    // The unique (plan, guardian, version) makes a repeat — a double click, a retry — a no-op.
    const { count } = await tx.guardianAcknowledgment.createMany({
      data: [{ planId, guardianId: actor.id, planVersion: current, signedName: actor.name }],
      skipDuplicates: true,
    });
    const row = await tx.guardianAcknowledgment.findFirstOrThrow({
      where: { planId, guardianId: actor.id, planVersion: current },
      select: { createdAt: true },
    });
    if (count > 0) {
      await recordAudit(tx, {
        organizationId: plan.schoolId,
        actorId: actor.id,
        action: "plan.acknowledge",
        entityType: "Plan",
        entityId: planId,
        detail: { planVersion: current },
      });
    }
    return { planVersion: current, acknowledgedAt: row.createdAt, created: count > 0 };
  });
}

export type PlanAcknowledgments = {
  planId: string;
  /** The version a guardian acknowledges now (the latest revision's number). */
  currentVersion: number;
  /** For a guardian of the student: their own latest acknowledgment, and whether they may acknowledge now. */
  guardian: { latest: { planVersion: number; acknowledgedAt: Date } | null; canAcknowledge: boolean } | null;
  /** For the student's teachers and admins: who acknowledged which version, when. */
  all: { id: string; name: string; planVersion: number; acknowledgedAt: Date }[] | null;
};

/**
 * What the plan page shows about acknowledgments to this actor, or null when nothing: a guardian
 * sees their own, teachers and admins everyone's; the student and anyone else nothing.
 */
export async function planAcknowledgments(actor: Actor, planId: string): Promise<PlanAcknowledgments | null> {
  const plan = await findVisiblePlanRow(actor, planId);
  const isGuardian = plan.relations.includes("GUARDIAN");
  const isStaff = plan.relations.includes("TEACHER") || plan.relations.includes("ADMIN");
  if (!isGuardian && !isStaff) return null;
  const currentVersion = plan.latestRevision;
  // Plain SQL by the plan's id, the plan being one the actor may see (issue 12: the plan page's
  // loaders each compiled their own queries).
  const [mine, all] = await Promise.all([
    isGuardian
      ? db.$queryRaw<{ planVersion: number; createdAt: Date }[]>`
          SELECT "planVersion", "createdAt" FROM "GuardianAcknowledgment"
          WHERE "planId" = ${planId} AND "guardianId" = ${actor.id}
          ORDER BY "planVersion" DESC LIMIT 1`.then((rows) => rows[0] ?? null)
      : null,
    isStaff
      ? db.$queryRaw<{ id: string; planVersion: number; signedName: string; createdAt: Date; guardianName: string | null }[]>`
          SELECT a.id, a."planVersion", a."signedName", a."createdAt", u.name AS "guardianName"
          FROM "GuardianAcknowledgment" a LEFT JOIN "User" u ON u.id = a."guardianId"
          WHERE a."planId" = ${planId}
          ORDER BY a."createdAt" DESC, a.id DESC LIMIT ${ACKNOWLEDGMENT_LIMIT}`
      : null,
  ]);
  const canAcknowledge = isGuardian && plan.status === ACKNOWLEDGEABLE && currentVersion > 0 && mine?.planVersion !== currentVersion;
  // Nothing to show about a plan never approved and never acknowledged.
  const staffSees = isStaff && (plan.approvedAt !== null || (all?.length ?? 0) > 0);
  if (!staffSees && !canAcknowledge && !mine) return null;
  return {
    planId,
    currentVersion,
    guardian: isGuardian
      ? { latest: mine ? { planVersion: mine.planVersion, acknowledgedAt: mine.createdAt } : null, canAcknowledge }
      : null,
    all:
      staffSees && all
        ? all.map((a) => ({
            id: a.id,
            // The name they acknowledged with stays when the account is deleted.
            name: a.guardianName !== null ? displayName({ name: a.guardianName }) : a.signedName,
            planVersion: a.planVersion,
            acknowledgedAt: a.createdAt,
          }))
        : null,
  };
}
