// What each role may do, as data: used by the data access layer to decide and by
// the UI to decide what to offer. Relationships (whose plan) are checked separately,
// in each entity's access builder.
import type { Role } from "@/lib/generated/prisma/enums.ts";

export type Action =
  | "plan:create"
  | "plan:edit"
  | "plan:submit"
  | "plan:review"
  | "plan:complete"
  | "plan:archive"
  | "evidence:add"
  | "evidence:rate"
  | "comment:add"
  | "students:view"
  | "people:view"
  | "audit:view";

const PERMISSIONS: Record<Role, readonly Action[]> = {
  STUDENT: ["plan:create", "plan:edit", "plan:submit", "evidence:add", "comment:add"],
  TEACHER: ["plan:edit", "plan:review", "plan:complete", "evidence:rate", "comment:add", "students:view"],
  // Guardians follow their children's work but never edit academic content.
  GUARDIAN: [],
  ADMIN: ["plan:archive", "students:view", "people:view", "audit:view"],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

export const ROLE_HOME: Record<Role, string> = {
  STUDENT: "/student",
  TEACHER: "/teacher",
  GUARDIAN: "/family",
  ADMIN: "/admin",
};

export const ROLE_LABEL: Record<Role, string> = {
  STUDENT: "Student",
  TEACHER: "Teacher",
  GUARDIAN: "Parent / guardian",
  ADMIN: "School admin",
};
