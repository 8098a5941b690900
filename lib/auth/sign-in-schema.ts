import { z } from "zod";

export const signInSchema = z.object({
  // Trimmed before it is checked, so a space pasted around the address is forgiven.
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the email address you sign in with.")),
  password: z.string().min(1, "Enter your password."),
});
export type SignInInput = z.infer<typeof signInSchema>;
