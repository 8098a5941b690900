// Who may import a roster: an administrator acting for the whole district. A roster
// creates and ends people across every school, which no school administrator may do.
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";

export function mayImportRoster(actor: Actor): boolean {
  const m = actor.acting;
  return m.role === "ADMIN" && m.organizationType === "DISTRICT" && m.organizationId === actor.districtId;
}

export function requireRosterImporter(actor: Actor) {
  if (mayImportRoster(actor)) return;
  throw new ForbiddenError(
    actor.acting.role === "ADMIN"
      ? "Only a district administrator can import the roster. Ask your district administrator to import it."
      : "Only a district administrator can import the roster.",
  );
}
