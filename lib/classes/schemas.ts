// One schema per form about courses, terms, classes and enrollments, shared by the client
// form and the server action.
import { z } from "zod";
import type { EnrollmentRole } from "@/lib/generated/prisma/enums.ts";
import { GRADE_LEVELS } from "@/lib/people/admin-schemas";
import { SUBJECTS } from "@/lib/plans/labels";

const id = z.string().trim().min(1).max(64);
const isoDate = (message: string) => z.iso.date({ error: message });
const gradeLevel = z.enum(["", ...GRADE_LEVELS], { error: "Choose a grade." });
// A form both creates and edits: with its record's id it edits (the school stays), without it
// it creates at the chosen school.
const recordId = z.string().trim().max(64).default("");
const schoolOf = z.string().trim().max(64).default("");
const SCHOOL_NEEDED = { path: ["organizationId"], message: "Choose a school." };
const hasSchool = (id: string) => (v: { organizationId: string } & Record<string, unknown>) => v[id] !== "" || v.organizationId !== "";

export const courseFormSchema = z
  .object({
    courseId: recordId,
    organizationId: schoolOf,
    title: z.string().trim().min(1, "Give the course a title.").max(200, "Keep the title under 200 characters."),
    code: z.string().trim().max(40, "Keep the code under 40 characters."),
    subject: z.enum(SUBJECTS, { error: "Choose a subject." }),
    gradeLevel,
  })
  .refine(hasSchool("courseId"), SCHOOL_NEEDED);
export type CourseFormInput = z.input<typeof courseFormSchema>;

export const termFormSchema = z
  .object({
    termId: recordId,
    organizationId: schoolOf,
    name: z.string().trim().min(1, "Name the term, like “Fall 2026”.").max(120, "Keep the name under 120 characters."),
    startsOn: isoDate("Choose the term's first day."),
    endsOn: isoDate("Choose the term's last day."),
  })
  .refine(hasSchool("termId"), SCHOOL_NEEDED)
  .refine((t) => t.endsOn >= t.startsOn, { path: ["endsOn"], message: "The term must end on or after its first day." });
export type TermFormInput = z.input<typeof termFormSchema>;

/** A class's school is its course's. */
export const classFormSchema = z.object({
  classId: recordId,
  name: z.string().trim().min(1, "Name the class, like “Grade 7 English, period 2”.").max(200, "Keep the name under 200 characters."),
  courseId: z.string().trim().min(1, "Choose a course.").max(64),
  /** "" for a class without a term (it counts until its enrollments end). */
  termId: z.string().trim().max(64),
  gradeLevel,
});
export type ClassFormInput = z.input<typeof classFormSchema>;

export const ENROLLMENT_ROLES = ["STUDENT", "TEACHER", "AIDE"] as const satisfies readonly EnrollmentRole[];
export { ENROLLMENT_ROLE_LABEL } from "./labels";

export const enrollSchema = z.object({
  classId: id,
  userId: z.string().trim().min(1, "Search for a person and choose one.").max(64),
  role: z.enum(ENROLLMENT_ROLES, { error: "Choose a role in the class." }),
  /** The first day; "" is today. */
  beginsOn: z.union([z.literal(""), isoDate("Enter a valid date.")]),
});
export type EnrollInput = z.input<typeof enrollSchema>;

export const endEnrollmentSchema = z.object({ enrollmentId: id });
export const endClassSchema = z.object({ classId: id });
export const moveStudentSchema = z.object({
  enrollmentId: id,
  toClassId: z.string().trim().min(1, "Choose the class to move them to.").max(64),
});
export type MoveStudentInput = z.input<typeof moveStudentSchema>;
