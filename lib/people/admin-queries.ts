// What admins read about people: the searchable people list, one person's page, and the
// small search that picks a person for a form. Lists follow the membership the admin acts
// in; one person's page and the commands follow every organization they administer.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows, can } from "@/lib/auth/permissions";
import { enrollmentState } from "@/lib/classes/enrollment-dates";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client.ts";
import { administered, peopleAdministered, peopleDeletableBy, peopleManagedBy } from "./access";
import { pickPeopleSchema, type PeopleStatus } from "./admin-schemas";
import { decodeCursor, encodeCursor, keyset, likeText, searchText, type PageRequest } from "./listing";

function requireActingAdmin(actor: Actor) {
  if (!can(actor.acting.role, "people:view")) throw new ForbiddenError();
}
function requireAdmin(actor: Actor) {
  if (
    !allows(
      actor.memberships.map((m) => m.role),
      "people:view",
    )
  )
    throw new ForbiddenError();
}

/** A name or email containing the text, ignoring case (emails are stored lower-case). */
export function nameOrEmail(text: string): Prisma.UserWhereInput {
  const q = searchText(text);
  if (!q) return {};
  return { OR: [{ name: { contains: likeText(q), mode: "insensitive" } }, { email: { contains: likeText(q.toLowerCase()) } }] };
}

export type PeopleFilters = PageRequest & { q?: string; role?: Role; organizationId?: string; status?: PeopleStatus };

/**
 * People of the organization the admin acts for, by name, a page at a time (keyset on
 * name and id). Current members by default, disabled accounts included and marked;
 * "disabled" keeps only those; "former" lists people whose memberships here all ended
 * and who are active nowhere, so they can be found and added back.
 */
export async function searchPeople(actor: Actor, filters: PeopleFilters, size?: number) {
  requireActingAdmin(actor);
  const here = administered(actor, "acting");
  const membership: Prisma.MembershipWhereInput = {
    organization: here,
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
  };
  const status: Prisma.UserWhereInput =
    filters.status === "former"
      ? { AND: [{ memberships: { some: { ...membership, endedAt: { not: null } } } }, { memberships: { none: { endedAt: null } } }] }
      : {
          memberships: { some: { ...membership, endedAt: null } },
          ...(filters.status === "disabled" ? { disabledAt: { not: null } } : {}),
        };
  // The URL's cursor is the person's id, never their name (URLs end up in histories and logs).
  const at = async (raw: string | null | undefined) => {
    if (!raw || raw.length > 64) return null;
    const p = await db.user.findFirst({ where: { id: raw, districtId: actor.districtId }, select: { id: true, name: true } });
    return p ? encodeCursor({ key: p.name, id: p.id }) : null;
  };
  const [after, before] = await Promise.all([at(filters.after), at(filters.before)]);
  const page = keyset("name", { after, before }, { size });
  const rows = await db.user.findMany({
    where: { AND: [{ districtId: actor.districtId }, status, nameOrEmail(filters.q ?? ""), page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      lastSignInAt: true,
      memberships: {
        where: { organization: here },
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, endedAt: true, organization: { select: { name: true } } },
      },
    },
  });
  const result = page.page(
    rows.map((p) => ({
      ...p,
      memberships: p.memberships.map((m) => ({ id: m.id, role: m.role, ended: m.endedAt !== null, organizationName: m.organization.name })),
    })),
    (p) => p.name,
  );
  const idOf = (cursor: string | null) => (cursor ? (decodeCursor(cursor)?.id ?? null) : null);
  return { ...result, next: idOf(result.next), previous: idOf(result.previous) };
}

/** The organizations the admin acts for (a district first, then its schools), for filters and forms. */
export async function administeredOrganizations(actor: Actor) {
  requireActingAdmin(actor);
  return db.organization.findMany({
    where: administered(actor, "acting"),
    orderBy: [{ type: "asc" }, { name: "asc" }],
    select: { id: true, name: true, type: true },
  });
}

/**
 * One person as an admin sees them: their memberships, classes and family in the
 * organizations the admin runs (never what they do elsewhere), and whether the admin may
 * change their account (only when every active membership is inside what the admin runs).
 */
export async function getPersonForAdmin(actor: Actor, userId: string) {
  requireAdmin(actor);
  const here = administered(actor);
  const activeHere = (role: Role): Prisma.UserWhereInput => ({ memberships: { some: { role, endedAt: null, organization: here } } });
  const [person, managed, deletable] = await Promise.all([
    db.user.findFirst({
      where: { AND: [peopleAdministered(actor), { id: userId }] },
      select: {
        id: true,
        name: true,
        email: true,
        disabledAt: true,
        lastSignInAt: true,
        createdAt: true,
        source: true,
        profile: { select: { gradeLevel: true } },
        memberships: {
          where: { organization: here },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            role: true,
            source: true,
            endedAt: true,
            createdAt: true,
            organization: { select: { id: true, name: true, type: true } },
          },
        },
        enrollments: {
          where: { class: { school: here } },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          select: {
            id: true,
            role: true,
            beginsOn: true,
            endsOn: true,
            source: true,
            class: { select: { id: true, name: true, school: { select: { name: true } } } },
          },
        },
        // Only children who are students here: a child at another school is that school's.
        guardianOf: {
          where: { student: activeHere("STUDENT") },
          orderBy: { createdAt: "asc" },
          select: { id: true, relationship: true, source: true, student: { select: { id: true, name: true } } },
        },
        // Everyone with a parent's access to a student here, wherever in the district they belong.
        guardedBy: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            relationship: true,
            source: true,
            guardian: {
              select: {
                id: true,
                name: true,
                email: true,
                memberships: { where: { endedAt: null, organization: here }, select: { id: true }, take: 1 },
              },
            },
          },
        },
      },
    }),
    db.user.count({ where: { AND: [peopleManagedBy(actor), { id: userId }] } }),
    db.user.count({ where: { AND: [peopleDeletableBy(actor), { id: userId }] } }),
  ]);
  if (!person) throw new NotFoundError("That person");
  const active = person.memberships.filter((m) => m.endedAt === null);
  const isStudent = active.some((m) => m.role === "STUDENT");
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    disabled: person.disabledAt !== null,
    disabledAt: person.disabledAt,
    lastSignInAt: person.lastSignInAt,
    createdAt: person.createdAt,
    fromRoster: person.source !== null,
    gradeLevel: person.profile?.gradeLevel ?? null,
    isStudent,
    isGuardian: active.some((m) => m.role === "GUARDIAN"),
    memberships: person.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      fromRoster: m.source !== null,
      endedAt: m.endedAt,
      since: m.createdAt,
      organization: m.organization,
    })),
    classes: person.enrollments.map((e) => ({
      id: e.id,
      role: e.role,
      beginsOn: e.beginsOn,
      endsOn: e.endsOn,
      state: enrollmentState(e),
      fromRoster: e.source !== null,
      class: { id: e.class.id, name: e.class.name, schoolName: e.class.school.name },
    })),
    children: person.guardianOf.map((l) => ({ linkId: l.id, relationship: l.relationship, fromRoster: l.source !== null, ...l.student })),
    // A student's guardians are shown only for a student here.
    guardians: isStudent
      ? person.guardedBy.map((l) => ({
          linkId: l.id,
          relationship: l.relationship,
          fromRoster: l.source !== null,
          id: l.guardian.id,
          name: l.guardian.name,
          email: l.guardian.email,
          here: l.guardian.memberships.length > 0,
        }))
      : [],
    /** Whether the admin may edit, disable or reset this account. */
    manageable: managed > 0,
    /** Whether the admin may delete this person: the rule deletePerson holds to (a student who also left another school is not). */
    deletable: deletable > 0,
    isSelf: person.id === actor.id,
  };
}
export type PersonForAdmin = Awaited<ReturnType<typeof getPersonForAdmin>>;

/**
 * People of one role active in what the admin runs (or at one school of it), whose name or
 * email contains the text: at most ten, for a search box that picks one.
 */
export async function pickPeople(actor: Actor, input: unknown) {
  requireAdmin(actor);
  const { q, role, organizationId } = pickPeopleSchema.parse(input);
  if (searchText(q).length < 2) return [];
  const organization: Prisma.OrganizationWhereInput = organizationId
    ? { AND: [administered(actor), { id: organizationId }] }
    : administered(actor);
  return db.user.findMany({
    where: {
      AND: [
        { districtId: actor.districtId, disabledAt: null, memberships: { some: { role, endedAt: null, organization } } },
        nameOrEmail(q),
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 10,
    select: { id: true, name: true, email: true },
  });
}

/** NotFoundError unless the admin may change this person's account (every active membership inside what they run). */
export async function requireManagedPerson(actor: Actor, userId: string): Promise<void> {
  requireAdmin(actor);
  const found = await db.user.count({ where: { AND: [peopleManagedBy(actor), { id: userId }] } });
  if (!found) throw new NotFoundError("That person");
}
