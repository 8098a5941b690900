"use server";

// A guardian's "I have read this plan". A public endpoint like every action: runAction parses,
// the lib command checks the relationship, the status and the version read.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { acknowledgePlan } from "@/lib/plans/acknowledgment";
import { acknowledgePlanSchema } from "@/lib/plans/acknowledgment-schemas";

export async function acknowledgePlanAction(input: unknown) {
  const result = await runAction(acknowledgePlanSchema, input, acknowledgePlan);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
