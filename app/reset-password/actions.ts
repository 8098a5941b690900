"use server";

import { runPublicAction } from "@/lib/auth/action";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/password-reset-schema";

// No one is signed in here: the link's token is what authorizes the change.
export async function resetPasswordAction(input: unknown) {
  return runPublicAction(resetPasswordSchema, input, async (values) => {
    await resetPassword(values);
    return null;
  });
}
