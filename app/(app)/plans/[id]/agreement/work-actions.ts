"use server";

// Server actions for the work under an active agreement. Each is a public endpoint: runAction
// parses the input with the form's schema, finds the actor, and the lib command authorizes them
// against the agreement (a foreign plan or assignment id is simply not found).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import {
  addAssignment,
  addAssignmentSchema,
  recordAssignment,
  recordAssignmentSchema,
  recordEvaluation,
  recordEvaluationSchema,
  submitAssignment,
  submitAssignmentSchema,
} from "@/lib/agreements/work";

function refresh(input: unknown) {
  const planId = (input as { planId?: unknown } | null)?.planId;
  if (typeof planId === "string") revalidatePath(`/plans/${planId}/agreement`);
  // The teacher's queue and the notification count live in the layout.
  revalidatePath("/", "layout");
}

export async function addAssignmentAction(input: unknown) {
  const result = await runAction(addAssignmentSchema, input, addAssignment);
  if (result.ok) refresh(input);
  return result;
}

export async function submitAssignmentAction(input: unknown) {
  const result = await runAction(submitAssignmentSchema, input, submitAssignment);
  if (result.ok) refresh(input);
  return result;
}

export async function recordAssignmentAction(input: unknown) {
  const result = await runAction(recordAssignmentSchema, input, recordAssignment);
  if (result.ok) refresh(input);
  return result;
}

export async function recordEvaluationAction(input: unknown) {
  const result = await runAction(recordEvaluationSchema, input, recordEvaluation);
  if (result.ok) refresh(input);
  return result;
}
