// The choices the admin forms about people offer, in a module without zod: the forms render them
// in the browser and fetch their schemas (./admin-schemas.ts) only when first used
// (components/lazy-resolver.ts).
import type { Role } from "@/lib/generated/prisma/enums.ts";

export const ROLES = ["STUDENT", "TEACHER", "GUARDIAN", "ADMIN"] as const satisfies readonly Role[];

/** Grade levels as form values: "0" is kindergarten. */
export const GRADE_LEVELS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;
export function gradeLabel(level: number | string): string {
  return String(level) === "0" ? "Kindergarten" : `Grade ${level}`;
}

export type GradeValue = "" | (typeof GRADE_LEVELS)[number];
/** A stored grade level as the form's value. */
export function gradeValue(level: number | null | undefined): GradeValue {
  return GRADE_LEVELS.find((g) => g === String(level)) ?? "";
}
