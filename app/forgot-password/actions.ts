"use server";

import { runPublicAction } from "@/lib/auth/action";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { forgotPasswordSchema } from "@/lib/auth/password-reset-schema";

// No one is signed in here. The answer is the same whether or not the email belongs to an account.
export async function requestPasswordResetAction(input: unknown) {
  return runPublicAction(forgotPasswordSchema, input, async (values) => {
    await requestPasswordReset(values);
    return null;
  });
}
