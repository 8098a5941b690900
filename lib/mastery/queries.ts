// Reads of mastery settings for pages: the scale and method where the actor is acting.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { describeMethod } from "./methods";
import { loadPolicies, methodOf, thresholdOf } from "./policies";

/** The scale ratings use and how levels are worked out, for the organization the actor acts in. */
export async function actingMastery(actor: Actor) {
  const organizationId = actor.acting.organizationId;
  const policy = (await loadPolicies(db, [organizationId])).forSchool(organizationId);
  const spec = { method: methodOf(policy), threshold: thresholdOf(policy) };
  return { scale: policy.scale, method: describeMethod(spec.method, spec.threshold), methodSpec: spec };
}
