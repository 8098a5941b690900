"use server";

import { runAction } from "@/lib/auth/action";
import { preferencesSchema } from "@/lib/notifications/kinds";
import { savePreferences } from "@/lib/notifications/preferences";

/** Saves the signed-in person's own email choices; nobody else's can be named. */
export async function savePreferencesAction(input: unknown) {
  return runAction(preferencesSchema, input, savePreferences);
}
