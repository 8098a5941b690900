import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

/** The rules for a new password, wherever one is set. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "account.validation.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "account.validation.passwordTooLong");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "account.validation.currentPasswordRequired"),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.validation.newPasswordsDiffer" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "account.validation.passwordNotNew" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
