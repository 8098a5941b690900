// The mastery settings page: the district's policy, each school's (or "uses the district's"),
// each framework's, the scales each can use, and the progress of any background recompute.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { managedOrganizations, requireMasteryAdmin } from "./admin-access";
import { describeMethod } from "./methods";
import { methodOf } from "./policies";
import { listScales, manages } from "./scales";

const POLICY_ADMIN_SELECT = {
  id: true,
  organizationId: true,
  frameworkId: true,
  method: true,
  parameter: true,
  version: true,
  updatedAt: true,
  recomputeTotal: true,
  recomputeDone: true,
  recomputeAt: true,
  recomputedAt: true,
  scale: { select: { id: true, name: true } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.MasteryPolicySelect;

type PolicyRow = Prisma.MasteryPolicyGetPayload<{ select: typeof POLICY_ADMIN_SELECT }>;

/** Where a policy's background recompute stands. */
export type RecomputeProgress = { state: "running"; done: number; total: number } | { state: "done"; at: Date } | { state: "never" };

export function progressOf(p: Pick<PolicyRow, "recomputeAt" | "recomputedAt" | "recomputeDone" | "recomputeTotal">): RecomputeProgress {
  if (p.recomputeAt && (!p.recomputedAt || p.recomputedAt < p.recomputeAt)) {
    return { state: "running", done: Math.min(p.recomputeDone, p.recomputeTotal), total: p.recomputeTotal };
  }
  return p.recomputedAt ? { state: "done", at: p.recomputedAt } : { state: "never" };
}

function policyView(p: PolicyRow) {
  const method = methodOf(p);
  return {
    id: p.id,
    version: p.version,
    method,
    description: describeMethod(method),
    scale: p.scale,
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy?.name ?? null,
    progress: progressOf(p),
  };
}
export type PolicyAdminView = ReturnType<typeof policyView>;

export async function masterySettings(actor: Actor) {
  requireMasteryAdmin(actor);
  const [district, schools, frameworks, scales] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.districtId }, select: { id: true, name: true } }),
    db.organization.findMany({
      where: { AND: [managedOrganizations(actor), { type: "SCHOOL" }] },
      orderBy: { name: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
    db.standardFramework.findMany({
      where: { organization: managedOrganizations(actor) },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: 200,
      select: { id: true, title: true, organizationId: true, organization: { select: { name: true, type: true } } },
    }),
    listScales(actor),
  ]);
  const policies = await db.masteryPolicy.findMany({
    where: {
      OR: [
        { organizationId: { in: [district.id, ...schools.map((s) => s.id)] }, frameworkId: null },
        { frameworkId: { in: frameworks.map((f) => f.id) } },
      ],
    },
    select: POLICY_ADMIN_SELECT,
  });
  const byOrg = new Map(policies.filter((p) => !p.frameworkId).map((p) => [p.organizationId, policyView(p)]));
  const byFramework = new Map(policies.filter((p) => p.frameworkId).map((p) => [p.frameworkId, policyView(p)]));
  // The scales an organization may use: the district's and its own.
  const scalesFor = (orgId: string) =>
    scales.filter((s) => s.organizationId === district.id || s.organizationId === orgId).map((s) => ({ id: s.id, name: s.name }));
  return {
    district: {
      id: district.id,
      name: district.name,
      editable: manages(actor, district.id),
      policy: byOrg.get(district.id) ?? null,
      scales: scalesFor(district.id),
    },
    schools: schools.map((s) => ({ ...s, policy: byOrg.get(s.id) ?? null, scales: scalesFor(s.id) })),
    frameworks: frameworks.map((f) => ({
      id: f.id,
      title: f.title,
      organizationId: f.organizationId,
      ownerName: f.organization.name,
      policy: byFramework.get(f.id) ?? null,
      scales: scalesFor(f.organizationId),
    })),
    scales,
  };
}
export type MasterySettings = Awaited<ReturnType<typeof masterySettings>>;
