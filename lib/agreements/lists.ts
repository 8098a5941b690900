// The agreement's fixed lists and keys, in a module without zod: the agreement and policy forms
// render them in the browser and fetch their schemas only when first used
// (components/lazy-resolver.ts). ./elements.ts and ./settings-schemas.ts build on them.
import type { Subject } from "@/lib/generated/prisma/enums.ts";

export const CORE_SUBJECTS = ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"] as const satisfies readonly Subject[];

/** The nine elements of the written agreement (California Education Code 51747), in order. */
export const ELEMENTS = [
  "communication",
  "study",
  "resources",
  "policy",
  "duration",
  "credits",
  "optional",
  "supports",
  "signatures",
] as const;
export type Element = (typeof ELEMENTS)[number];

export const ARRANGEMENTS = {
  submitting: "Submitting assignments",
  progress: "Reporting progress",
  family: "Communicating with the parent or guardian about academic progress",
} as const;

export const RESOURCE_KINDS = ["MATERIAL", "RESOURCE", "PERSON"] as const;

/** The grade keys of a board policy's maximum days to a due date, in the form's order. */
export const GRADE_KEYS = ["K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;
export type GradeKey = (typeof GRADE_KEYS)[number];

/** The key a grade has in the board's maximum-days table. */
export function gradeKey(gradeLevel: number): string {
  return gradeLevel <= 0 ? "K" : String(gradeLevel);
}
