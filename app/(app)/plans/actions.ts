"use server";

// Server actions for plans and evidence. Each is a public endpoint: the lib command
// parses the input with the form's schema and authorizes the actor itself.
import { revalidatePath } from "next/cache";
import { withActor } from "@/lib/auth/action";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { addComment, createPlan, transitionPlan, updatePlan } from "@/lib/plans/commands";

function refreshPlan(planId?: string) {
  if (planId) revalidatePath(`/plans/${planId}`);
  revalidatePath("/", "layout");
}

export async function createPlanAction(input: unknown) {
  const result = await withActor((actor) => createPlan(actor, input));
  if (result.ok) refreshPlan(result.id);
  return result;
}

export async function updatePlanAction(input: unknown) {
  const result = await withActor((actor) => updatePlan(actor, input));
  if (result.ok) refreshPlan((input as { planId?: string }).planId);
  return result;
}

export async function transitionPlanAction(input: unknown) {
  const result = await withActor((actor) => transitionPlan(actor, input));
  if (result.ok) refreshPlan((input as { planId?: string }).planId);
  return result;
}

export async function addCommentAction(input: unknown) {
  const result = await withActor((actor) => addComment(actor, input));
  if (result.ok) refreshPlan((input as { planId?: string }).planId);
  return result;
}

export async function addEvidenceAction(form: FormData) {
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
  };
  const result = await withActor((actor) => addEvidence(actor, input));
  if (result.ok) refreshPlan(input.planId);
  return result;
}

export async function rateEvidenceAction(input: { planId?: string } & Record<string, unknown>) {
  const result = await withActor((actor) => rateEvidence(actor, input));
  if (result.ok) refreshPlan(input.planId);
  return result;
}
