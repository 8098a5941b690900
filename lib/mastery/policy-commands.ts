// Setting how mastery is calculated: the district's policy, a school's own, or a framework's
// (kept on the framework's owner). Each change marks the policy for recompute with the number of
// students it reaches and queues the background run once the change is committed.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { managedOrganizations, requireMasteryAdmin } from "./admin-access";
import { countReached, enqueueRecompute, markForRecompute } from "./background";
import { policyFormSchema, removePolicySchema } from "./policy-schemas";
import { parameterOf } from "./policies";

const CONFLICT = "Someone else changed this policy since you opened it. Reload to see their change, then make yours again.";
const SCALE_ERROR = "Choose one of the district's scales or one of this school's.";

export async function setPolicy(actor: Actor, input: unknown): Promise<{ id: string; version: number; recomputeTotal: number }> {
  requireMasteryAdmin(actor);
  const p = policyFormSchema.parse(input);
  const result = await db
    .$transaction(async (tx) => {
      const org = await tx.organization.findFirst({
        where: { AND: [{ id: p.organizationId }, managedOrganizations(actor)] },
        select: { id: true, type: true, districtId: true },
      });
      if (!org) throw new NotFoundError("That school");
      const framework = p.frameworkId
        ? await tx.standardFramework.findFirst({ where: { id: p.frameworkId, organizationId: org.id }, select: { id: true, title: true } })
        : null;
      if (p.frameworkId && !framework) throw new NotFoundError("That framework");
      // A school rates on the district's scales or its own, never another school's.
      const scale = await tx.proficiencyScale.findFirst({
        where: { id: p.scaleId, organizationId: { in: [org.districtId, org.id] } },
        select: { id: true, name: true },
      });
      if (!scale) throw new InputError(SCALE_ERROR, { scaleId: [SCALE_ERROR] });

      const reach = { organizationId: org.id, frameworkId: framework?.id ?? null, organization: { type: org.type } };
      const data = {
        scaleId: scale.id,
        method: p.method.kind,
        parameter: parameterOf(p.method),
        updatedById: actor.id,
        recomputeAt: new Date(),
        recomputeDone: 0,
        recomputeTotal: await countReached(tx, reach),
      };
      const existing = await tx.masteryPolicy.findFirst({
        where: framework ? { frameworkId: framework.id } : { organizationId: org.id, frameworkId: null },
        select: { id: true, version: true },
      });
      let saved: { id: string; version: number };
      if (existing) {
        if (p.version !== existing.version) throw new ConflictError(CONFLICT);
        const bumped = await tx.masteryPolicy.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (bumped.count === 0) throw new ConflictError(CONFLICT);
        saved = { id: existing.id, version: existing.version + 1 };
      } else {
        // The form had a policy that someone removed meanwhile.
        if (p.version !== undefined) throw new ConflictError(CONFLICT);
        saved = await tx.masteryPolicy.create({
          data: { ...data, organizationId: org.id, frameworkId: framework?.id ?? null },
          select: { id: true, version: true },
        });
      }
      await recordAudit(tx, {
        organizationId: org.id,
        actorId: actor.id,
        action: existing ? "mastery-policy.update" : "mastery-policy.create",
        entityType: "MasteryPolicy",
        entityId: saved.id,
        detail: { scale: scale.name, method: p.method.kind, parameter: data.parameter, framework: framework?.title ?? null },
      });
      return { ...saved, recomputeTotal: data.recomputeTotal };
    })
    .catch((error: unknown) => {
      // Two admins creating the same school's first policy at once: one wins, the other reloads.
      if ((error as { code?: unknown } | null)?.code === "P2002") throw new ConflictError(CONFLICT);
      throw error;
    });
  await enqueueRecompute([result.id]);
  return result;
}

/** Removes a school's or framework's own policy: the district's decides there again, and recomputes. */
export async function removePolicy(actor: Actor, input: unknown): Promise<{ fallbackId: string }> {
  requireMasteryAdmin(actor);
  const { policyId, version } = removePolicySchema.parse(input);
  const fallbackId = await db.$transaction(async (tx) => {
    const policy = await tx.masteryPolicy.findFirst({
      where: { id: policyId, organization: managedOrganizations(actor) },
      select: {
        id: true,
        version: true,
        frameworkId: true,
        organizationId: true,
        organization: { select: { type: true, districtId: true, name: true } },
        framework: { select: { title: true } },
      },
    });
    if (!policy) throw new NotFoundError("That policy");
    if (policy.organization.type === "DISTRICT" && !policy.frameworkId) {
      throw new ForbiddenError("The district's policy cannot be removed: schools without their own policy use it.");
    }
    if (version !== policy.version) throw new ConflictError(CONFLICT);
    const removed = await tx.masteryPolicy.deleteMany({ where: { id: policy.id, version } });
    if (removed.count === 0) throw new ConflictError(CONFLICT);
    // The district's policy reaches every student the removed one did (and more): recomputing
    // with it is simple and always right; its progress shows on the page.
    const district = await tx.masteryPolicy.findFirst({
      where: { organizationId: policy.organization.districtId, frameworkId: null },
      select: { id: true },
    });
    if (!district) throw new Error(`District ${policy.organization.districtId} has no mastery policy.`);
    await markForRecompute(tx, [district.id]);
    await recordAudit(tx, {
      organizationId: policy.organizationId,
      actorId: actor.id,
      action: "mastery-policy.remove",
      entityType: "MasteryPolicy",
      entityId: policy.id,
      detail: { framework: policy.framework?.title ?? null },
    });
    return district.id;
  });
  await enqueueRecompute([fallbackId]);
  return { fallbackId };
}
