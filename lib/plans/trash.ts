// Deleting a draft, and undoing it. A deleted draft disappears for everyone at once
// (plansVisibleTo leaves it out), stays restorable by its student for RESTORE_DAYS, and
// is then purged for good. Approved plans are never deleted, only archived
// (docs/decisions/plan-lifecycle.md).
import "server-only";
import { membershipsAs, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { pageArgs, toPage } from "@/lib/pagination";
import { findVisiblePlan } from "./access";
import { deletePlanSchema, restorePlanSchema } from "./lifecycle-schemas";
import { canDeletePlan } from "./policy";

export const RESTORE_DAYS = 30;
const DAY = 86_400_000;

/** Deleted at or after this moment: still restorable. */
const restorableSince = (now: Date) => new Date(now.getTime() - RESTORE_DAYS * DAY);

/** The student's own deleted drafts that can still be restored (never anyone else's). */
function restorableBy(actor: Actor, now: Date): Prisma.PlanWhereInput {
  // Only a person who is a student somewhere has plans of their own.
  if (membershipsAs(actor, "STUDENT").length === 0) return { id: { in: [] } };
  return { studentId: actor.id, school: { districtId: actor.districtId }, deletedAt: { gte: restorableSince(now) } };
}

export async function deletePlan(actor: Actor, input: unknown): Promise<{ id: string; title: string }> {
  const { planId, version } = deletePlanSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, title: true, schoolId: true, approvedAt: true });
    if (!canDeletePlan(plan)) {
      throw new ForbiddenError(
        plan.relations.includes("STUDENT")
          ? "Only a draft that was never approved can be deleted. An approved plan stays on your record; it can be archived when it is completed."
          : "Only the student whose plan it is can delete it.",
      );
    }
    const now = new Date();
    // The same conditions again in the write, so a plan approved or edited meanwhile is not deleted.
    const done = await tx.plan.updateMany({
      where: { id: planId, version, status: "DRAFT", approvedAt: null, deletedAt: null },
      data: { deletedAt: now, deletedById: actor.id, version: { increment: 1 } },
    });
    if (done.count === 0) throw new ConflictError("This plan changed since you opened it. Reload the page to see it before deleting it.");
    await tx.planEvent.create({ data: { planId, kind: "DELETED", actorId: actor.id, fromStatus: "DRAFT", toStatus: "DRAFT" } });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "plan.delete",
      entityType: "Plan",
      entityId: planId,
    });
    return { id: planId, title: plan.title };
  });
}

export async function restorePlan(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId } = restorePlanSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { AND: [restorableBy(actor, new Date()), { id: planId }] },
      select: { id: true, schoolId: true, status: true },
    });
    if (!plan) throw new NotFoundError("That deleted plan");
    const done = await tx.plan.updateMany({
      where: { id: planId, deletedAt: { not: null } },
      data: { deletedAt: null, deletedById: null, version: { increment: 1 } },
    });
    if (done.count === 0) throw new NotFoundError("That deleted plan");
    await tx.planEvent.create({
      data: { planId, kind: "UNDELETED", actorId: actor.id, fromStatus: plan.status, toStatus: plan.status },
    });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "plan.restore",
      entityType: "Plan",
      entityId: planId,
    });
    return { id: planId };
  });
}

/** "Recently deleted": the student's own deleted drafts, newest first, with the day each goes for good. */
export async function listDeletedPlans(actor: Actor, page: number, now = new Date()) {
  const where = restorableBy(actor, now);
  const [rows, total] = await Promise.all([
    db.plan.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      ...pageArgs(page),
      select: { id: true, title: true, type: true, deletedAt: true },
    }),
    db.plan.count({ where }),
  ]);
  const items = rows.flatMap((p) =>
    p.deletedAt
      ? [{ id: p.id, title: p.title, type: p.type, deletedAt: p.deletedAt, goneOn: new Date(p.deletedAt.getTime() + RESTORE_DAYS * DAY) }]
      : [],
  );
  return toPage(items, total, page);
}
export type DeletedPlan = Awaited<ReturnType<typeof listDeletedPlans>>["items"][number];

const PURGE_BATCH = 500;

/**
 * Removes for good the drafts deleted more than RESTORE_DAYS before `now`, with
 * everything hanging off them, and leaves a line in each school's audit log. The start
 * script runs it (scripts/lib/app.ts); a scheduled job can call it as often as it likes. Only never-approved drafts are ever deleted, so nothing
 * of a student's record goes with them.
 */
export async function purgeDeletedPlans(now = new Date()): Promise<number> {
  const where: Prisma.PlanWhereInput = { deletedAt: { lt: restorableSince(now) }, status: "DRAFT", approvedAt: null };
  let purged = 0;
  for (;;) {
    const batch = await db.plan.findMany({ where, select: { id: true, schoolId: true, deletedById: true }, take: PURGE_BATCH });
    if (batch.length === 0) return purged;
    await db.$transaction(async (tx) => {
      await tx.plan.deleteMany({ where: { AND: [where, { id: { in: batch.map((p) => p.id) } }] } });
      await tx.auditEvent.createMany({
        data: batch.map((p) => ({
          organizationId: p.schoolId,
          actorId: null,
          action: "plan.purge",
          entityType: "Plan",
          entityId: p.id,
          detail: { deletedById: p.deletedById, afterDays: RESTORE_DAYS },
        })),
      });
    });
    purged += batch.length;
    if (batch.length < PURGE_BATCH) return purged;
  }
}
