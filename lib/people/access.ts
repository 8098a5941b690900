// Who may see which students, from relationships: self, guardian of, teaches this
// student now, admin of the student's school or district. Each active membership
// grants its relationship; a person sees the union over their memberships ("all"),
// while lists on a home page show what the membership they act in grants ("acting").
import "server-only";
import type { Actor, ActorMembership } from "@/lib/auth/actor";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";

export type Scope = "all" | "acting";

/**
 * The scope to key a once-per-request read by: with one membership, "all" and "acting" are the same
 * rule, so both ask for one read.
 */
export function sharedScope(actor: Actor, scope: Scope): Scope {
  return actor.memberships.length === 1 ? "acting" : scope;
}

function held(actor: Actor, scope: Scope, role: Role): ActorMembership[] {
  return (scope === "all" ? actor.memberships : [actor.acting]).filter((m) => m.role === role);
}

/** The organizations where the actor holds this role (each with everything under it). */
export function organizationsAs(actor: Actor, role: Role, scope: Scope = "all"): Prisma.OrganizationWhereInput {
  return withinOrganizations(organizationIdsAs(actor, role, scope));
}

/** The ids of the organizations where the actor holds this role (organizationsAs adds what is under them). */
export function organizationIdsAs(actor: Actor, role: Role, scope: Scope = "all"): string[] {
  return held(actor, scope, role).map((m) => m.organizationId);
}

function today() {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** Organizations given by id, and everything under them (a district's schools). */
export function withinOrganizations(ids: readonly string[]): Prisma.OrganizationWhereInput {
  return { OR: [{ id: { in: [...ids] } }, { parentId: { in: [...ids] } }, { districtId: { in: [...ids] } }] };
}

/**
 * Organizations outside the given ones and everything under them. Written positively
 * (never as NOT within…): a district's parentId is NULL, and NOT (NULL IN …) is NULL in
 * SQL, which would let a district slip through an "every" or "none" filter.
 */
export function outsideOrganizations(ids: readonly string[]): Prisma.OrganizationWhereInput {
  const list = [...ids];
  return { id: { notIn: list }, districtId: { notIn: list }, OR: [{ parentId: null }, { parentId: { notIn: list } }] };
}

/** An enrollment counts from its first day to its last (roster removals set the last). */
export function current(): Prisma.EnrollmentWhereInput {
  const now = today();
  return {
    AND: [{ OR: [{ beginsOn: null }, { beginsOn: { lte: now } }] }, { OR: [{ endsOn: null }, { endsOn: { gte: now } }] }],
  };
}
/** A class counts while its term (if it has one) is on. */
export function currentClass(): Prisma.ClassWhereInput {
  const now = today();
  return { OR: [{ termId: null }, { term: { startsOn: { lte: now }, endsOn: { gte: now } } }] };
}

/** Classes the actor teaches now (as a TEACHER member of the class's school). */
export function classesTaughtBy(actor: Actor, scope: Scope = "all"): Prisma.ClassWhereInput {
  return {
    ...currentClass(),
    school: organizationsAs(actor, "TEACHER", scope),
    enrollments: { some: { userId: actor.id, role: "TEACHER", ...current() } },
  };
}

/** A student's current enrollments in a class the actor teaches now. */
export function taughtEnrollment(actor: Actor, scope: Scope = "all"): Prisma.EnrollmentWhereInput {
  return { role: "STUDENT", ...current(), class: classesTaughtBy(actor, scope) };
}

/** The organizations the actor administers (each with everything under it). */
export function administered(actor: Actor, scope: Scope = "all"): Prisma.OrganizationWhereInput {
  return organizationsAs(actor, "ADMIN", scope);
}

export function studentsVisibleTo(actor: Actor, scope: Scope = "all"): Prisma.UserWhereInput {
  const clauses: Prisma.UserWhereInput[] = [];
  if (held(actor, scope, "STUDENT").length) clauses.push({ id: actor.id });
  if (held(actor, scope, "GUARDIAN").length) clauses.push({ guardedBy: { some: { guardianId: actor.id } } });
  if (held(actor, scope, "TEACHER").length) clauses.push({ enrollments: { some: taughtEnrollment(actor, scope) } });
  if (held(actor, scope, "ADMIN").length) {
    clauses.push({ memberships: { some: { role: "STUDENT", endedAt: null, organization: administered(actor, scope) } } });
  }
  // An empty OR inside an AND is dropped by Prisma (it would match every student): say "none" outright.
  return { districtId: actor.districtId, memberships: { some: { role: "STUDENT" } }, OR: clauses.length ? clauses : [{ id: { in: [] } }] };
}

/** Everything a plan's page needs to know which relationships the actor has to it. */
export function relationSelect(actor: Actor) {
  return {
    studentId: true,
    school: { select: { id: true, parentId: true, districtId: true } },
    student: {
      select: {
        guardedBy: { where: { guardianId: actor.id }, select: { id: true }, take: 1 },
        enrollments: { where: taughtEnrollment(actor), select: { id: true }, take: 1 },
      },
    },
  } satisfies Prisma.PlanSelect;
}
type RelationRow = Prisma.PlanGetPayload<{ select: ReturnType<typeof relationSelect> }>;

/**
 * The one role the actor holds in all their memberships, or null when they hold several. For such
 * an actor a record they may see (by the "all" rule) is theirs by exactly that relationship:
 * each role's clause in the rule is that role's relationship in relationsOf. So a read that has just
 * applied the rule need not select what relationsOf looks at (its nested selects cost more to
 * compile than the rule itself, issue 12).
 */
export function soleRole(actor: Actor): Role | null {
  const roles = new Set(actor.memberships.map((m) => m.role));
  return roles.size === 1 ? [...roles][0]! : null;
}

/**
 * The actor's relationships to one student's record, named by the role that grants each:
 * STUDENT (it is theirs), GUARDIAN, TEACHER, ADMIN. What they may do is the union of
 * what each allows (lib/auth/permissions.ts).
 */
export function relationsOf(actor: Actor, row: RelationRow): Role[] {
  const out: Role[] = [];
  if (row.studentId === actor.id && held(actor, "all", "STUDENT").length) out.push("STUDENT");
  if (row.student.guardedBy.length && held(actor, "all", "GUARDIAN").length) out.push("GUARDIAN");
  const orgs = [row.school.id, row.school.parentId, row.school.districtId];
  // A teacher's relationship holds for plans of the schools they teach at, not a
  // dual-enrolled student's plans elsewhere.
  if (row.student.enrollments.length && held(actor, "all", "TEACHER").some((m) => orgs.includes(m.organizationId))) out.push("TEACHER");
  if (held(actor, "all", "ADMIN").some((m) => orgs.includes(m.organizationId))) out.push("ADMIN");
  return out;
}

/**
 * People an admin may look up: active in an organization they administer, or a former
 * member of one who is active nowhere (so they can be found and added back). Someone who
 * left for another school stays that school's business.
 */
export function peopleAdministered(actor: Actor, scope: Scope = "all"): Prisma.UserWhereInput {
  const here = administered(actor, scope);
  return {
    districtId: actor.districtId,
    OR: [
      { memberships: { some: { endedAt: null, organization: here } } },
      { AND: [{ memberships: { some: { organization: here } } }, { memberships: { none: { endedAt: null } } }] },
    ],
  };
}

/**
 * People wholly inside what the admin runs: a membership there, and no active membership
 * anywhere else. Only these may the admin edit, disable, reset or delete: a school admin
 * never changes the account of someone who also belongs to another school.
 */
export function peopleManagedBy(actor: Actor): Prisma.UserWhereInput {
  const ids = held(actor, "all", "ADMIN").map((m) => m.organizationId);
  return {
    districtId: actor.districtId,
    AND: [
      { memberships: { some: { organization: withinOrganizations(ids) } } },
      { memberships: { none: { endedAt: null, organization: outsideOrganizations(ids) } } },
    ],
  };
}

/**
 * People the admin may delete: those they manage (peopleManagedBy) — except that someone active
 * nowhere is deleted by a school admin only if every membership they ever had, ended ones too,
 * lies in what that admin runs. A student who left school A and later school B is both schools'
 * records; only a district admin (who runs both) may erase them.
 */
export function peopleDeletableBy(actor: Actor): Prisma.UserWhereInput {
  const ids = held(actor, "all", "ADMIN").map((m) => m.organizationId);
  return {
    AND: [
      peopleManagedBy(actor),
      { OR: [{ memberships: { some: { endedAt: null } } }, { memberships: { none: { organization: outsideOrganizations(ids) } } }] },
    ],
  };
}
