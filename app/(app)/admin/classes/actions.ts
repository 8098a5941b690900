"use server";

// Server actions for courses, terms, classes and enrollments. Each is a public endpoint:
// runAction parses the input with the form's schema, finds the actor, and the lib command
// authorizes them against the schools they run.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { endClass, endEnrollment, enroll, moveStudent, saveClass, saveCourse, saveTerm } from "@/lib/classes/commands";
import {
  classFormSchema,
  courseFormSchema,
  endClassSchema,
  endEnrollmentSchema,
  enrollSchema,
  moveStudentSchema,
  termFormSchema,
} from "@/lib/classes/schemas";

function refresh() {
  revalidatePath("/admin/classes", "layout");
  revalidatePath("/admin/people", "layout");
}

export async function saveCourseAction(input: unknown) {
  const result = await runAction(courseFormSchema, input, saveCourse);
  if (result.ok) refresh();
  return result;
}

export async function saveTermAction(input: unknown) {
  const result = await runAction(termFormSchema, input, saveTerm);
  if (result.ok) refresh();
  return result;
}

export async function saveClassAction(input: unknown) {
  const result = await runAction(classFormSchema, input, saveClass);
  if (result.ok) refresh();
  return result;
}

export async function endClassAction(input: unknown) {
  const result = await runAction(endClassSchema, input, endClass);
  if (result.ok) refresh();
  return result;
}

export async function enrollAction(input: unknown) {
  const result = await runAction(enrollSchema, input, enroll);
  if (result.ok) refresh();
  return result;
}

export async function endEnrollmentAction(input: unknown) {
  const result = await runAction(endEnrollmentSchema, input, endEnrollment);
  if (result.ok) refresh();
  return result;
}

export async function moveStudentAction(input: unknown) {
  const result = await runAction(moveStudentSchema, input, moveStudent);
  if (result.ok) refresh();
  return result;
}
