"use server";

// Server actions for learning groups. Each is a public endpoint: runAction parses the input with
// the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addGroupActivity, saveGroup } from "@/lib/groups/commands";
import { groupActivitySchema, groupFormSchema } from "@/lib/groups/schemas";

export async function saveGroupAction(input: unknown) {
  const result = await runAction(groupFormSchema, input, saveGroup);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addGroupActivityAction(input: unknown) {
  const result = await runAction(groupActivitySchema, input, addGroupActivity);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
