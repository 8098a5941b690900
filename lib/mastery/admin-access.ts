// Who manages scales and policies: an admin, for the district or the schools they administer.
// A school admin also sees the district's scales and policy (read-only: they rate on them).
// Nothing crosses a district. These go into Prisma `where`s, so a foreign id is simply not found.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { administered } from "@/lib/people/access";

/** The first gate: only admins manage mastery settings. */
export function requireMasteryAdmin(actor: Actor): void {
  requireAllowed(actor, "mastery:manage");
}

/** Organizations whose scales and policies the actor may change. */
export function managedOrganizations(actor: Actor): Prisma.OrganizationWhereInput {
  return { AND: [{ districtId: actor.districtId }, administered(actor)] };
}

/** Organizations whose scales and policies the actor may see: those they manage, and their district. */
export function visibleOrganizations(actor: Actor): Prisma.OrganizationWhereInput {
  return { AND: [{ districtId: actor.districtId }, { OR: [administered(actor), { type: "DISTRICT" }] }] };
}

/** Whether the actor administers the whole district (and so every school and framework in it). */
export function isDistrictAdmin(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === "ADMIN" && m.organizationId === actor.districtId);
}
