"use server";

import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/password-reset-schema";
import { failureOf, fieldErrorsOf, MESSAGES, type ActionResult } from "@/lib/errors";

// No one is signed in here, so this does not go through runAction; same result shape.
export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID", message: MESSAGES.INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await resetPassword(parsed.data);
    return { ok: true, data: null };
  } catch (error) {
    const failure = failureOf(error);
    if (failure) return failure;
    console.error(error);
    return { ok: false, code: "INTERNAL", message: MESSAGES.INTERNAL };
  }
}
