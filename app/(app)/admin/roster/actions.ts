"use server";

import { isForm, NOT_A_FORM } from "@/lib/auth/form-input";
// Server actions of the roster import page. Each is a public endpoint: runAction parses the
// input, finds the actor, and the lib command lets only a district administrator through.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { applyRoster, checkRoster } from "@/lib/roster/commands";
import { applyRosterSchema, rosterUploadSchema } from "@/lib/roster/schemas";

export async function checkRosterAction(form: FormData) {
  if (!isForm(form)) return NOT_A_FORM;
  const files = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && f.size > 0);
  const result = await runAction(rosterUploadSchema, { files }, checkRoster);
  if (result.ok) revalidatePath("/admin/roster");
  return result;
}

export async function applyRosterAction(input: unknown) {
  const result = await runAction(applyRosterSchema, input, applyRoster);
  // People, classes and counts change everywhere.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
