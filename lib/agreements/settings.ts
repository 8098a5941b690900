// The independent study settings an admin keeps (element 4's board policies, the school year and
// the closures), for the district and each school they manage. A school admin also sees the
// district's, read-only: their school falls back to it. Nothing crosses a district. Changes are
// in ./settings-commands.ts.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { isoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { OrganizationType, Prisma } from "@/lib/generated/prisma/client.ts";
import type { Subject } from "@/lib/generated/prisma/enums.ts";
import { isDistrictAdmin, managedOrganizations, visibleOrganizations } from "@/lib/mastery/admin-access";

/** The first gate of every read and write here: only admins keep these settings. */
export function requireStudyAdmin(actor: Actor): void {
  requireAllowed(actor, "study-policy:manage");
}

/** Whether the actor changes this organization's settings (not only sees them). */
export function managesOrganization(actor: Actor, organizationId: string): boolean {
  return isDistrictAdmin(actor) || actor.memberships.some((m) => m.role === "ADMIN" && m.organizationId === organizationId);
}

const YEAR_SELECT = { schoolYearStartsOn: true, schoolYearEndsOn: true } satisfies Prisma.OrganizationSelect;

const POLICY_SELECT = {
  id: true,
  organizationId: true,
  maxDaysToDue: true,
  missedAssignmentsLimit: true,
  satisfactoryProgress: true,
  requiredSubjects: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} satisfies Prisma.StudyPolicySelect;

type PolicyRow = Prisma.StudyPolicyGetPayload<{ select: typeof POLICY_SELECT }>;

/** A stored maximum-days map, keeping only whole numbers (the column is JSON). */
function maxDaysOf(value: Prisma.JsonValue): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number"));
}

function policyView(p: PolicyRow) {
  return {
    id: p.id,
    version: p.version,
    maxDaysToDue: maxDaysOf(p.maxDaysToDue),
    missedAssignmentsLimit: p.missedAssignmentsLimit,
    satisfactoryProgress: p.satisfactoryProgress,
    requiredSubjects: p.requiredSubjects as Subject[],
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy?.name ?? null,
  };
}
export type StudyPolicyView = ReturnType<typeof policyView>;

/** An organization's own school year as YYYY-MM-DD, or null when it has none (a school then uses the district's). */
export type SchoolYear = { startsOn: string; endsOn: string } | null;

export function yearOf(o: { schoolYearStartsOn: Date | null; schoolYearEndsOn: Date | null }): SchoolYear {
  return o.schoolYearStartsOn && o.schoolYearEndsOn ? { startsOn: isoDay(o.schoolYearStartsOn), endsOn: isoDay(o.schoolYearEndsOn) } : null;
}

/** The settings page: the district and each school the actor manages (at most 200, by name). */
export async function studySettings(actor: Actor) {
  requireStudyAdmin(actor);
  const select = { id: true, name: true, ...YEAR_SELECT } satisfies Prisma.OrganizationSelect;
  const [district, schools] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.districtId }, select }),
    db.organization.findMany({
      where: { AND: [managedOrganizations(actor), { type: "SCHOOL" }] },
      orderBy: { name: "asc" },
      take: 200,
      select,
    }),
  ]);
  const ids = [district.id, ...schools.map((s) => s.id)];
  const [policies, closures] = await Promise.all([
    db.studyPolicy.findMany({ where: { organizationId: { in: ids } }, select: POLICY_SELECT }),
    db.schoolClosure.groupBy({ by: ["organizationId"], where: { organizationId: { in: ids } }, _count: { _all: true } }),
  ]);
  const policyOf = new Map(policies.map((p) => [p.organizationId, policyView(p)]));
  const closuresOf = new Map(closures.map((c) => [c.organizationId, c._count._all]));
  const view = (o: (typeof schools)[number]) => ({
    id: o.id,
    name: o.name,
    editable: managesOrganization(actor, o.id),
    policy: policyOf.get(o.id) ?? null,
    year: yearOf(o),
    closureCount: closuresOf.get(o.id) ?? 0,
  });
  return { district: view(district), schools: schools.map(view) };
}
export type StudySettings = Awaited<ReturnType<typeof studySettings>>;

/** A district or school the actor may see here (theirs to manage, or their district), else NotFound. */
export async function visibleOrganization(tx: Tx, actor: Actor, organizationId: string) {
  const org = await tx.organization.findFirst({
    where: { AND: [{ id: organizationId }, visibleOrganizations(actor)] },
    select: {
      id: true,
      name: true,
      type: true,
      districtId: true,
      ...YEAR_SELECT,
      district: { select: { name: true, ...YEAR_SELECT } },
    },
  });
  if (!org) throw new NotFoundError("That school");
  return org;
}

export type ClosureView = { id: string; day: string; name: string };

const CLOSURE_LIMIT = 200;

function closuresOf(tx: Tx, organizationId: string): Promise<ClosureView[]> {
  // A year has fewer than 60 closures; the bound keeps a mistaken import from making the page huge.
  return tx.schoolClosure
    .findMany({ where: { organizationId }, orderBy: { day: "asc" }, take: CLOSURE_LIMIT, select: { id: true, day: true, name: true } })
    .then((rows) => rows.map((c) => ({ id: c.id, name: c.name, day: isoDay(c.day) })));
}

/**
 * The calendar page of one organization: its own school year, the district's (which a school
 * without its own uses), its closures and, for a school, the district's (which apply there too).
 */
export async function studyCalendar(actor: Actor, organizationId: string) {
  requireStudyAdmin(actor);
  const org = await visibleOrganization(db, actor, organizationId);
  const school = org.type === "SCHOOL";
  const [closures, districtClosures] = await Promise.all([
    closuresOf(db, org.id),
    school ? closuresOf(db, org.districtId) : Promise.resolve([]),
  ]);
  return {
    organization: { id: org.id, name: org.name, type: org.type as OrganizationType, districtName: org.district.name },
    editable: managesOrganization(actor, org.id),
    year: yearOf(org),
    districtYear: school ? yearOf(org.district) : null,
    closures,
    districtClosures,
  };
}
export type StudyCalendar = Awaited<ReturnType<typeof studyCalendar>>;
