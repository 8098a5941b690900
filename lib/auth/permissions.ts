// What each relationship may do, as data: used by the data access layer to decide and by
// the UI to decide what to offer. A relationship is named by the membership role that
// grants it (STUDENT: it is theirs; GUARDIAN: guardian of; TEACHER: teaches; ADMIN:
// admin of); lib/people/access.ts finds which ones hold.
import { ForbiddenError } from "@/lib/errors";
import type { OrganizationType, Role } from "@/lib/generated/prisma/enums.ts";
import { ROLE_LABEL } from "./role-labels";

export { ROLE_LABEL } from "./role-labels";

export type Action =
  | "plan:create"
  | "plan:edit"
  | "plan:submit"
  | "plan:review"
  | "plan:complete"
  | "plan:archive"
  | "plan:create-for-student"
  | "plan:delete"
  | "plan:withdraw"
  | "plan:send-back"
  | "plan:reopen"
  | "plan:propose-change"
  | "plan:decide-change"
  | "plan:unlink-template"
  | "comment:resolve"
  | "reflection:add"
  | "reflection:reply"
  | "profile:edit"
  | "profile:comment"
  | "template:manage"
  | "template:apply"
  | "template:use"
  | "evidence:add"
  | "evidence:rate"
  | "comment:add"
  | "students:view"
  | "people:view"
  | "people:delete"
  | "audit:view"
  // Issue 9: frameworks, scales and policies (admins); class mastery and learning groups (teachers).
  | "standards:manage"
  | "mastery:manage"
  | "mastery:view-class"
  | "group:manage"
  // Issue 8: independent study agreements.
  | "agreement:edit"
  | "agreement:send"
  | "agreement:sign"
  | "agreement:submit-work"
  | "agreement:record-work"
  | "agreement:evaluate"
  | "study-policy:manage"
  // Issue 10: learning records and connected tools.
  | "record:add"
  | "record:rate"
  | "xapi:manage";

const PERMISSIONS: Record<Role, readonly Action[]> = {
  STUDENT: [
    "plan:create",
    "plan:edit",
    "plan:submit",
    "plan:delete",
    "plan:withdraw",
    "plan:propose-change",
    "plan:unlink-template",
    "evidence:add",
    "comment:add",
    "reflection:add",
    "profile:edit",
    "template:use",
    "agreement:edit",
    "agreement:sign",
    "agreement:submit-work",
    "record:add",
  ],
  TEACHER: [
    "plan:edit",
    "plan:review",
    "plan:complete",
    "plan:create-for-student",
    "plan:send-back",
    "plan:reopen",
    "plan:decide-change",
    "plan:unlink-template",
    "evidence:rate",
    "comment:add",
    "comment:resolve",
    "reflection:reply",
    "profile:comment",
    "students:view",
    "template:manage",
    "template:apply",
    "template:use",
    "mastery:view-class",
    "group:manage",
    "agreement:edit",
    "agreement:send",
    "agreement:sign",
    "agreement:record-work",
    "agreement:evaluate",
    "record:rate",
  ],
  // Guardians follow their children's work but never edit academic content; they sign agreements.
  GUARDIAN: ["agreement:sign"],
  ADMIN: [
    "plan:archive",
    "students:view",
    "people:view",
    "people:delete",
    "audit:view",
    "template:manage",
    "template:apply",
    "template:use",
    "standards:manage",
    "mastery:manage",
    "study-policy:manage",
    "xapi:manage",
  ],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** Whether any of the actor's relationships to a record allows the action. */
export function allows(relations: readonly Role[], action: Action): boolean {
  return relations.some((r) => can(r, action));
}

/** Throws ForbiddenError unless one of the person's memberships allows the action (the first gate of admin commands). */
export function requireAllowed(actor: { memberships: readonly { role: Role }[] }, action: Action): void {
  if (
    !allows(
      actor.memberships.map((m) => m.role),
      action,
    )
  )
    throw new ForbiddenError();
}

export const ROLE_HOME: Record<Role, string> = {
  STUDENT: "/student",
  TEACHER: "/teacher",
  GUARDIAN: "/family",
  ADMIN: "/admin",
};

/** "Teacher at Northbrook Middle School", "District admin", … */
export function membershipLabel(m: { role: Role; organizationName: string; organizationType: OrganizationType }): string {
  if (m.role === "ADMIN")
    return m.organizationType === "DISTRICT" ? `District admin · ${m.organizationName}` : `School admin · ${m.organizationName}`;
  if (m.role === "GUARDIAN") return `Parent / guardian · ${m.organizationName}`;
  return `${ROLE_LABEL[m.role]} · ${m.organizationName}`;
}
