"use server";

// Server actions for a plan's history and its proposed changes. Each is a public
// endpoint: runAction parses the input with the form's schema, finds the actor, and the
// lib command authorizes them against their relationships to the plan.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { decideChangeSchema, proposeChangeSchema, restoreRevisionSchema, withdrawChangeSchema } from "@/lib/plans/change-policy";
import { decideChange, proposeChange, withdrawChange } from "@/lib/plans/changes";
import { restoreRevision } from "@/lib/plans/history";

function refreshPlan(planId: unknown) {
  if (typeof planId === "string") revalidatePath(`/plans/${planId}`, "layout");
  revalidatePath("/", "layout");
}
const planIdOf = (input: unknown) => (input as { planId?: unknown } | null)?.planId;

export async function restoreRevisionAction(input: unknown) {
  const result = await runAction(restoreRevisionSchema, input, restoreRevision);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}

export async function proposeChangeAction(input: unknown) {
  const result = await runAction(proposeChangeSchema, input, proposeChange);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}

export async function decideChangeAction(input: unknown) {
  const result = await runAction(decideChangeSchema, input, decideChange);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}

export async function withdrawChangeAction(input: unknown) {
  const result = await runAction(withdrawChangeSchema, input, withdrawChange);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}
