// One schema per admin form about people, shared by the client form and the server action.
import { z } from "zod";
import { GRADE_LEVELS, ROLES } from "./options";

export { GRADE_LEVELS, gradeLabel, gradeValue, ROLES, type GradeValue } from "./options";

const id = z.string().trim().min(1).max(64);

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
