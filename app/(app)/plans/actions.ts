"use server";

import { isForm, NOT_A_FORM } from "@/lib/auth/form-input";
// Server actions for plans and evidence. Each is a public endpoint: runAction parses the
// input with the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { evidenceFormSchema, ratingFormSchema } from "@/lib/evidence/schemas";
import { createPlan, transitionPlan, updatePlan } from "@/lib/plans/commands";
import { planFormSchema, planUpdateSchema, transitionSchema } from "@/lib/plans/schemas";

function refreshPlan(planId?: unknown) {
  if (typeof planId === "string") revalidatePath(`/plans/${planId}`);
  revalidatePath("/", "layout");
}

const planIdOf = (input: unknown) => (input as { planId?: unknown } | null)?.planId;

export async function createPlanAction(input: unknown) {
  const result = await runAction(planFormSchema, input, createPlan);
  if (result.ok) refreshPlan(result.data.id);
  return result;
}

export async function updatePlanAction(input: unknown) {
  const result = await runAction(planUpdateSchema, input, updatePlan);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}

export async function transitionPlanAction(input: unknown) {
  const result = await runAction(transitionSchema, input, transitionPlan);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}

export async function addEvidenceAction(form: FormData) {
  if (!isForm(form)) return NOT_A_FORM;
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const file = form.get("file");
  const input = {
    planId: text("planId"),
    goalId: text("goalId"),
    kind: text("kind"),
    title: text("title"),
    text: text("text"),
    url: text("url"),
    reflection: text("reflection"),
    file: typeof file === "object" && file !== null && file.size > 0 ? file : undefined,
    idempotencyKey: text("idempotencyKey") || undefined,
  };
  const result = await runAction(evidenceFormSchema, input, addEvidence);
  if (result.ok) refreshPlan(input.planId);
  return result;
}

export async function rateEvidenceAction(input: unknown) {
  const result = await runAction(ratingFormSchema, input, rateEvidence);
  if (result.ok) refreshPlan(planIdOf(input));
  return result;
}
