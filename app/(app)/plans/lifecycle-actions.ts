"use server";

// Deleting and restoring a draft, and a teacher starting a plan for a student. Public
// endpoints like every action: runAction parses, the lib command authorizes.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { createPlanForStudent } from "@/lib/plans/commands";
import { deletePlanSchema, restorePlanSchema } from "@/lib/plans/lifecycle-schemas";
import { planFormSchema } from "@/lib/plans/schemas";
import { deletePlan, restorePlan } from "@/lib/plans/trash";

export async function deletePlanAction(input: unknown) {
  const result = await runAction(deletePlanSchema, input, deletePlan);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function restorePlanAction(input: unknown) {
  const result = await runAction(restorePlanSchema, input, restorePlan);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** Bound to the student's id by the page; the id is checked like any other input. */
export async function createPlanForStudentAction(studentId: unknown, input: unknown) {
  const result = await runAction(planFormSchema, input, (actor, plan) => createPlanForStudent(actor, { studentId, plan }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
