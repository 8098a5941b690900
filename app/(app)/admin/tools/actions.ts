"use server";

// Server actions for connected tools and activity mappings. Each is a public endpoint: runAction
// parses the input with the form's schema, finds the actor, and lib/xapi/tools.ts authorizes them
// against the schools (or district) they administer.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { addMappingSchema, createToolSchema, removeMappingSchema, revokeToolSchema } from "@/lib/xapi/schemas";
import { addMapping, createTool, removeMapping, revokeTool } from "@/lib/xapi/tools";

function refresh() {
  revalidatePath("/admin/tools");
}

export async function createToolAction(input: unknown) {
  const result = await runAction(createToolSchema, input, createTool);
  if (result.ok) refresh();
  return result;
}

export async function revokeToolAction(input: unknown) {
  const result = await runAction(revokeToolSchema, input, revokeTool);
  if (result.ok) refresh();
  return result;
}

export async function addMappingAction(input: unknown) {
  const result = await runAction(addMappingSchema, input, addMapping);
  if (result.ok) refresh();
  return result;
}

export async function removeMappingAction(input: unknown) {
  const result = await runAction(removeMappingSchema, input, removeMapping);
  if (result.ok) refresh();
  return result;
}
