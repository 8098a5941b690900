import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter the email address you sign in with.").trim().toLowerCase(),
  password: z.string().min(1, "Enter your password."),
});
export type SignInInput = z.infer<typeof signInSchema>;
