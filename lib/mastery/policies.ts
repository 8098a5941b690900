// Which mastery policy applies where: a framework's own policy for its standards, else the
// school's, else the district's (every district has one: a trigger creates it with the district).
import "server-only";
import type { Tx } from "@/lib/db";
import type { MasteryMethodKind, Prisma } from "@/lib/generated/prisma/client.ts";
import { levelColumns, levelFrom } from "./level-columns";
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

type PolicyRow = {
  id: string;
  organizationId: string;
  frameworkId: string | null;
  method: MasteryMethodKind;
  parameter: number | null;
  version: number;
  scaleId: string;
  scaleName: string;
} & Record<string, unknown>;

/** Policies as POLICY_SELECT reads them, from rows of a policy per level in policy order (loadPolicies). */
function policiesFrom(rows: readonly PolicyRow[]): PolicyView[] {
  const out: PolicyView[] = [];
  for (const row of rows) {
    let last = out.at(-1);
    if (last?.id !== row.id) {
      const { id, organizationId, frameworkId, method, parameter, version } = row;
      last = { id, organizationId, frameworkId, method, parameter, version, scale: { id: row.scaleId, name: row.scaleName, levels: [] } };
      out.push(last);
    }
    const level = levelFrom(row, "level");
    if (level) last.scale.levels.push(level);
  }
  return out;
}

/**
 * Loads, in two plain statements, every policy that can apply to these schools and frameworks.
 * Plain SQL: most pages that show a level ask for these, and as nested selects they cost more
 * CPU to prepare than Postgres took to answer (issue 12). policy.test.ts holds them to POLICY_SELECT.
 */
export async function loadPolicies(tx: Tx, schoolIds: readonly string[], frameworkIds: readonly string[] = []): Promise<PolicyResolver> {
  // Plain SQL for the schools' districts: a lookup by primary key, which Prisma's query compiler
  // would cost several times more CPU to prepare than Postgres to answer (issue 12).
  const schools = await tx.$queryRaw<{ id: string; districtId: string }[]>`
    SELECT id, "districtId" FROM "Organization" WHERE id = ANY(${[...new Set(schoolIds)]}::text[])`;
  const districtOf = new Map(schools.map((s) => [s.id, s.districtId]));
  const orgIds = [...new Set([...districtOf.keys(), ...districtOf.values()])];
  // The policies with their scales and levels in one statement too (a row per level).
  const rows = await tx.$queryRaw<PolicyRow[]>`
    SELECT mp.id, mp."organizationId", mp."frameworkId", mp.method::text AS method, mp.parameter, mp.version,
      s.id AS "scaleId", s.name AS "scaleName", ${levelColumns("l", "level")}
    FROM "MasteryPolicy" mp
    JOIN "ProficiencyScale" s ON s.id = mp."scaleId"
    LEFT JOIN "ProficiencyLevel" l ON l."scaleId" = s.id
    WHERE (mp."organizationId" = ANY(${orgIds}::text[]) AND mp."frameworkId" IS NULL)
      OR mp."frameworkId" = ANY(${[...new Set(frameworkIds)]}::text[])
    ORDER BY mp.id, l.position, l.id`;
  const policies = policiesFrom(rows);
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
