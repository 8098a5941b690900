// The roles in words, in a module of their own: ./permissions.ts throws lib/errors.ts's errors,
// which import zod, so a client form that lists roles imports them from here instead.
import type { Role } from "@/lib/generated/prisma/enums.ts";

export const ROLE_LABEL: Record<Role, string> = {
  STUDENT: "Student",
  TEACHER: "Teacher",
  GUARDIAN: "Parent / guardian",
  ADMIN: "Admin",
};
