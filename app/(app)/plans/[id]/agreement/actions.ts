"use server";

// Server actions for an independent study agreement. Each is a public endpoint: runAction parses
// the input with the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { saveAgreement, sendForSignatures, signAgreement, startAgreement } from "@/lib/agreements/commands";
import { saveAgreementSchema, signAgreementSchema, startAgreementSchema } from "@/lib/agreements/schemas";

function refresh(planId: string) {
  revalidatePath(`/plans/${planId}/agreement`);
  revalidatePath("/", "layout");
}

export async function startAgreementAction(input: unknown) {
  const result = await runAction(startAgreementSchema, input, startAgreement);
  if (result.ok) refresh(result.data.planId);
  return result;
}

export async function saveAgreementAction(input: unknown) {
  const result = await runAction(saveAgreementSchema, input, saveAgreement);
  if (result.ok) refresh((input as { planId: string }).planId);
  return result;
}

/**
 * Saves what the form holds, then sends that for signatures: what goes out is always what the
 * teacher sees. When sending is refused (an element missing), the save stands, so nothing typed is lost.
 */
export async function saveAndSendAgreementAction(input: unknown) {
  const result = await runAction(saveAgreementSchema, input, async (actor, parsed) => {
    const saved = await saveAgreement(actor, parsed);
    // Saving an agreement sent before sends the new version itself.
    if (saved.revision !== null) return { revision: saved.revision };
    // The save took the version the form had and moved it on by one.
    return sendForSignatures(actor, { planId: parsed.planId, version: parsed.version + 1 });
  });
  // Refreshed even when sending was refused: the save stands and the form needs its new version.
  const planId = (input as { planId?: unknown } | null)?.planId;
  if (typeof planId === "string") refresh(planId);
  return result;
}

export async function signAgreementAction(input: unknown) {
  const result = await runAction(signAgreementSchema, input, signAgreement);
  if (result.ok) refresh((input as { planId: string }).planId);
  return result;
}
