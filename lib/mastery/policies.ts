// Which mastery policy applies where: a framework's own policy for its standards, else the
// school's, else the district's (every district has one: a trigger creates it with the district).
import "server-only";
import type { Tx } from "@/lib/db";
import type { MasteryMethodKind, Prisma } from "@/lib/generated/prisma/client.ts";
import { LEVEL_SELECT } from "./levels";
import { DEFAULT_TIMES, DEFAULT_WEIGHT, proficientThreshold, type MasteryMethod } from "./methods";

export const POLICY_SELECT = {
  id: true,
  organizationId: true,
  frameworkId: true,
  method: true,
  parameter: true,
  version: true,
  scale: { select: { id: true, name: true, levels: { orderBy: { position: "asc" }, select: LEVEL_SELECT } } },
} satisfies Prisma.MasteryPolicySelect;

export type PolicyView = Prisma.MasteryPolicyGetPayload<{ select: typeof POLICY_SELECT }>;

/** The stored method and parameter as the calculation's method. */
export function methodOf(p: { method: MasteryMethodKind; parameter: number | null }): MasteryMethod {
  switch (p.method) {
    case "WEIGHTED_AVERAGE":
    case "DECAYING_AVERAGE":
      return { kind: p.method, weight: p.parameter ?? DEFAULT_WEIGHT };
    case "N_TIMES":
      return { kind: "N_TIMES", n: p.parameter ?? DEFAULT_TIMES };
    default:
      return { kind: p.method };
  }
}

/** The stored form of a method: its kind and its one number (or null). */
export function parameterOf(m: MasteryMethod): number | null {
  return "weight" in m ? m.weight : "n" in m ? m.n : null;
}

/** The points from which a level counts as proficient under a policy's scale. */
export function thresholdOf(policy: PolicyView): number {
  // A scale always has a proficient level (scales.ts refuses otherwise); the top level is the fallback.
  return proficientThreshold(policy.scale.levels) ?? Math.max(...policy.scale.levels.map((l) => l.points));
}

export type PolicyResolver = {
  /** The policy for a goal on a plan of this school. */
  forSchool(schoolId: string): PolicyView;
  /** The policy for a standard (of this framework, or local) rated on a plan of this school. */
  forStandard(schoolId: string, frameworkId: string | null): PolicyView;
};

/** Loads, in two queries, every policy that can apply to these schools and frameworks. */
export async function loadPolicies(tx: Tx, schoolIds: readonly string[], frameworkIds: readonly string[] = []): Promise<PolicyResolver> {
  // Plain SQL for the schools' districts: a lookup by primary key, which Prisma's query compiler
  // would cost several times more CPU to prepare than Postgres to answer (issue 12).
  const schools = await tx.$queryRaw<{ id: string; districtId: string }[]>`
    SELECT id, "districtId" FROM "Organization" WHERE id = ANY(${[...new Set(schoolIds)]}::text[])`;
  const districtOf = new Map(schools.map((s) => [s.id, s.districtId]));
  const orgIds = [...new Set([...districtOf.keys(), ...districtOf.values()])];
  const policies = await tx.masteryPolicy.findMany({
    where: {
      OR: [
        { organizationId: { in: orgIds }, frameworkId: null },
        ...(frameworkIds.length ? [{ frameworkId: { in: [...new Set(frameworkIds)] } }] : []),
      ],
    },
    select: POLICY_SELECT,
  });
  const byOrg = new Map(policies.filter((p) => p.frameworkId === null).map((p) => [p.organizationId, p]));
  const byFramework = new Map(policies.filter((p) => p.frameworkId !== null).map((p) => [p.frameworkId, p]));
  const forSchool = (schoolId: string) => {
    const policy = byOrg.get(schoolId) ?? byOrg.get(districtOf.get(schoolId) ?? schoolId);
    if (!policy) throw new Error(`No mastery policy for school ${schoolId} or its district.`);
    return policy;
  };
  return {
    forSchool,
    forStandard: (schoolId, frameworkId) => (frameworkId ? byFramework.get(frameworkId) : undefined) ?? forSchool(schoolId),
  };
}
