// Words for a class's roles, zod-free so that forms in the browser can import them (issue 12).
import type { EnrollmentRole } from "@/lib/generated/prisma/enums.ts";

export const ENROLLMENT_ROLE_LABEL: Record<EnrollmentRole, string> = { STUDENT: "Student", TEACHER: "Teacher", AIDE: "Aide" };
