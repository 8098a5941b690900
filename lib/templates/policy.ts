// What an actor may do with a template they can already see (visibility is
// templatesVisibleTo's job). Decided from their memberships and their relationship to
// the template's owner: its creator, or an admin of the school or district that owns it.
import { can, type Action } from "@/lib/auth/permissions";
import type { OrganizationType, Role } from "@/lib/generated/prisma/enums.ts";

export type TemplateOwner = {
  id: string;
  createdById: string | null;
  archivedAt: Date | null;
  organization: { id: string; type: OrganizationType; parentId: string | null; districtId: string; name: string };
};

type Member = { id: string; memberships: readonly { role: Role; organizationId: string }[] };

function holds(actor: Member, action: Action, orgIds?: readonly (string | null)[]) {
  return actor.memberships.some((m) => can(m.role, action) && (!orgIds || orgIds.includes(m.organizationId)));
}

/** Admin of the owning organization or of one above it. */
function adminOfOwner(actor: Member, t: TemplateOwner) {
  const o = t.organization;
  return actor.memberships.some((m) => m.role === "ADMIN" && [o.id, o.parentId, o.districtId].includes(m.organizationId));
}

/** Edit or archive: its creator (while still staff), or an admin of the owning school or district. */
export function canManageTemplate(actor: Member, t: TemplateOwner) {
  if (t.archivedAt) return false;
  return adminOfOwner(actor, t) || (t.createdById === actor.id && holds(actor, "template:manage"));
}

/** Offer applying it to a class (which class is checked against the database). */
export function canApplyTemplate(actor: Member, t: TemplateOwner) {
  return !t.archivedAt && holds(actor, "template:apply");
}

/** A student starts their own plan from it: a template of their school or their district. */
export function canStartFromTemplate(actor: Member, t: TemplateOwner, studentSchool: { id: string; districtId: string } | null) {
  if (t.archivedAt || !studentSchool) return false;
  return [studentSchool.id, studentSchool.districtId].includes(t.organization.id);
}

/** Creating a template: a teacher or admin, for the organization they act in. */
export function canCreateTemplate(actor: Member) {
  return holds(actor, "template:manage");
}

/** Whether templates are for this person at all (guardians have none). */
export function canSeeTemplates(actor: Member) {
  return holds(actor, "template:use");
}
