// One schema per admin form about people, shared by the client form and the server action.
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums.ts";

const id = z.string().trim().min(1).max(64);

export const ROLES = ["STUDENT", "TEACHER", "GUARDIAN", "ADMIN"] as const satisfies readonly Role[];

/** Grade levels as form values: "0" is kindergarten. */
export const GRADE_LEVELS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;
export function gradeLabel(level: number | string): string {
  return String(level) === "0" ? "Kindergarten" : `Grade ${level}`;
}

const name = z.string().trim().min(1, "Enter their name.").max(120, "Keep the name under 120 characters.");
// Stored lower-case: the database holds emails that way, so uniqueness ignores case.
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Keep the email address under 254 characters.")
  .email("Enter an email address, like name@school.org.");
const gradeLevel = z.enum(["", ...GRADE_LEVELS], { error: "Choose a grade." });
const role = z.enum(ROLES, { error: "Choose a role." });
const organizationId = z.string().trim().min(1, "Choose a school.").max(64);

export const createPersonSchema = z
  .object({ name, email, role, organizationId, gradeLevel, sendLink: z.boolean() })
  .refine((p) => p.role !== "STUDENT" || p.gradeLevel !== "", { path: ["gradeLevel"], message: "Choose the student's grade." });
export type CreatePersonInput = z.input<typeof createPersonSchema>;

export const updatePersonSchema = z.object({ userId: id, name, email, gradeLevel });
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;

export const addMembershipSchema = z.object({ userId: id, role, organizationId });
export type AddMembershipInput = z.input<typeof addMembershipSchema>;

export const endMembershipSchema = z.object({ membershipId: id });
export const personIdSchema = z.object({ userId: id });
export const unlinkGuardianSchema = z.object({ guardianId: id, studentId: id });

/** The small search box that picks a person of one role (a guardian, a student, a teacher). */
export const pickPeopleSchema = z.object({
  q: z.string().trim().max(100),
  role,
  /** Only people active at this school (a class's school). */
  organizationId: id.optional(),
});
export type PickPeopleInput = z.input<typeof pickPeopleSchema>;

export const PEOPLE_STATUSES = ["disabled", "former"] as const;
export type PeopleStatus = (typeof PEOPLE_STATUSES)[number];

export type GradeValue = "" | (typeof GRADE_LEVELS)[number];
/** A stored grade level as the form's value. */
export function gradeValue(level: number | null | undefined): GradeValue {
  return GRADE_LEVELS.find((g) => g === String(level)) ?? "";
}
