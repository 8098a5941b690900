"use server";

// The learner profile's server actions. Public endpoints: runAction parses the input with
// the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { updateProfile } from "@/lib/profiles/commands";
import { profileUpdateSchema } from "@/lib/profiles/schemas";

export async function updateProfileAction(input: unknown) {
  const result = await runAction(profileUpdateSchema, input, updateProfile);
  if (result.ok) revalidatePath("/profile");
  return result;
}
