// The forms of a password reset, shared by the browser and the server actions.
import { z } from "zod";
import { newPassword } from "./account-schema";
import { RESET_LINK_MINUTES } from "./password-rules";

export { RESET_LINK_MINUTES };

export const RESET_LINK_SENT = `If that email belongs to an account, we have sent a link to reset the password. It works for ${RESET_LINK_MINUTES} minutes.`;
export const RESET_LINK_UNUSABLE = "This link has expired or was already used. Ask for a new one.";

export const forgotPasswordSchema = z.object({
  // Trimmed before it is checked: a pasted address often carries a space.
  email: z
    .string("auth.validation.emailRequired")
    .trim()
    .toLowerCase()
    .max(254, "auth.validation.emailRequired")
    .pipe(z.email("auth.validation.emailRequired")),
});
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    token: z.string(RESET_LINK_UNUSABLE).trim().min(1, RESET_LINK_UNUSABLE).max(100, RESET_LINK_UNUSABLE),
    // The same rules as changing a password on the account page.
    password: newPassword,
    confirmPassword: z.string("auth.validation.confirmPasswordRequired"),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "auth.validation.passwordsDiffer",
    // Checked even while the password breaks a rule, so both messages show at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const sendResetLinkSchema = z.object({ userId: z.string().trim().min(1).max(64) });
