import { z } from "zod";

export const signInSchema = z.object({
  // Trimmed before it is checked, so a space pasted around the address is forgiven.
  email: z.string().trim().toLowerCase().pipe(z.email("auth.validation.emailRequired")),
  password: z.string().min(1, "auth.validation.passwordRequired"),
});
export type SignInInput = z.infer<typeof signInSchema>;
