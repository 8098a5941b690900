"use server";

// Server actions for proficiency scales and mastery policies. Each is a public endpoint:
// runAction parses the input with the form's schema, finds the actor, and the lib command
// authorizes them against the district or schools they administer.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { removePolicy, setPolicy } from "@/lib/mastery/policy-commands";
import { policyFormSchema, removePolicySchema } from "@/lib/mastery/policy-schemas";
import { deleteScaleSchema, scaleFormSchema } from "@/lib/mastery/scale-schemas";
import { createScale, deleteScale, updateScale } from "@/lib/mastery/scales";

function refresh() {
  revalidatePath("/admin/mastery", "layout");
}

export async function saveScaleAction(input: unknown) {
  const result = await runAction(scaleFormSchema, input, (actor, scale) =>
    scale.scaleId ? updateScale(actor, scale) : createScale(actor, scale),
  );
  if (result.ok) refresh();
  return result;
}

export async function deleteScaleAction(input: unknown) {
  const result = await runAction(deleteScaleSchema, input, deleteScale);
  if (result.ok) refresh();
  return result;
}

export async function setPolicyAction(input: unknown) {
  const result = await runAction(policyFormSchema, input, setPolicy);
  if (result.ok) refresh();
  return result;
}

export async function removePolicyAction(input: unknown) {
  const result = await runAction(removePolicySchema, input, removePolicy);
  if (result.ok) refresh();
  return result;
}
