import { z } from "zod";

/** The rules for a new password, wherever one is set. */
export const newPassword = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password you have not been using." });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
