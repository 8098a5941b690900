// The acting user, as every read and write in lib/ receives it: who they are, every
// membership they hold, and the one they act in now (chosen in the header's switcher).
// Re-read from the database on every request, so disabling a person, ending a
// membership or signing out everywhere takes effect at once.
import "server-only";
import { db } from "@/lib/db";
import type { OrganizationType, Role } from "@/lib/generated/prisma/enums.ts";

export type ActorMembership = {
  id: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationType: OrganizationType;
};

export type Actor = {
  id: string;
  name: string;
  email: string;
  districtId: string;
  /** The interface language they chose ("en" | "es"), or null to follow the browser. */
  locale?: string | null;
  /** Every active membership; what the person may see is the union of what these grant. */
  memberships: readonly ActorMembership[];
  /** The membership they act in now: it picks their home page and what lists show. */
  acting: ActorMembership;
};

// When no membership was chosen (or the chosen one is gone), people start in the one
// with the widest view of their work.
const DEFAULT_ORDER: Role[] = ["ADMIN", "TEACHER", "GUARDIAN", "STUDENT"];

export async function loadActor(userId: string, sessionVersion: number, membershipId?: string | null): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      districtId: true,
      locale: true,
      sessionVersion: true,
      disabledAt: true,
      memberships: {
        where: { endedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, organization: { select: { id: true, name: true, type: true } } },
      },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  const memberships = user.memberships.map((m) => ({
    id: m.id,
    role: m.role,
    organizationId: m.organization.id,
    organizationName: m.organization.name,
    organizationType: m.organization.type,
  }));
  const acting =
    memberships.find((m) => m.id === membershipId) ??
    [...memberships].sort((a, b) => DEFAULT_ORDER.indexOf(a.role) - DEFAULT_ORDER.indexOf(b.role))[0];
  // A person with no active membership has nothing to act as: treated as signed out.
  if (!acting) return null;
  return { id: user.id, name: user.name, email: user.email, districtId: user.districtId, locale: user.locale, memberships, acting };
}

/** The memberships that carry this role. */
export function membershipsAs(actor: Actor, role: Role): ActorMembership[] {
  return actor.memberships.filter((m) => m.role === role);
}
