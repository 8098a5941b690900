// Who sets the retention period, and reading it. Only a district admin: the period is the
// district's, and deleting under it reaches every school (docs/decisions/deletion-and-retention.md).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { isDistrictAdmin } from "@/lib/mastery/admin-access";
import { keepMonthsOf, retentionPolicySchema } from "./schemas";

/** Whether the actor manages retention (for pages: offer it, or say it is not theirs). */
export function managesRetention(actor: Actor): boolean {
  try {
    requireAllowed(actor, "people:delete");
  } catch {
    return false;
  }
  return isDistrictAdmin(actor);
}

export function requireRetentionAdmin(actor: Actor): void {
  requireAllowed(actor, "people:delete");
  if (!isDistrictAdmin(actor)) throw new ForbiddenError("Only a district administrator manages how long records are kept.");
}

/** The district's period in months; null keeps records until someone deletes them. */
export async function getRetention(actor: Actor): Promise<{ keepMonths: number | null; updatedAt: Date | null }> {
  requireRetentionAdmin(actor);
  const policy = await db.retentionPolicy.findUnique({
    where: { districtId: actor.districtId },
    select: { keepMonths: true, updatedAt: true },
  });
  return { keepMonths: policy?.keepMonths ?? null, updatedAt: policy?.updatedAt ?? null };
}

export async function setRetention(actor: Actor, input: unknown): Promise<{ keepMonths: number | null }> {
  requireRetentionAdmin(actor);
  const keepMonths = keepMonthsOf(retentionPolicySchema.parse(input));
  return db.$transaction(async (tx) => {
    const before = await tx.retentionPolicy.findUnique({ where: { districtId: actor.districtId }, select: { keepMonths: true } });
    await tx.retentionPolicy.upsert({
      where: { districtId: actor.districtId },
      create: { districtId: actor.districtId, keepMonths, updatedById: actor.id },
      update: { keepMonths, updatedById: actor.id },
    });
    await recordAudit(tx, {
      organizationId: actor.districtId,
      actorId: actor.id,
      action: "retention.update",
      entityType: "RetentionPolicy",
      entityId: actor.districtId,
      detail: { from: before?.keepMonths ?? null, to: keepMonths },
    });
    return { keepMonths };
  });
}
