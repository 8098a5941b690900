"use server";

// Server actions for templates and the plans made from them. Each is a public endpoint:
// runAction parses the input with the form's schema, finds the actor, and the lib command
// authorizes them against the template, the class or the plan.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import {
  applyTemplate,
  archiveTemplate,
  createTemplate,
  startPlanFromTemplate,
  syncTemplateApplication,
  unlinkTemplate,
  updateTemplate,
} from "@/lib/templates/commands";
import {
  applySchema,
  startFromTemplateSchema,
  syncSchema,
  templateArchiveSchema,
  templateFormSchema,
  templateUpdateSchema,
  unlinkSchema,
} from "@/lib/templates/schemas";

function refresh() {
  revalidatePath("/", "layout");
}

export async function createTemplateAction(input: unknown) {
  const result = await runAction(templateFormSchema, input, createTemplate);
  if (result.ok) refresh();
  return result;
}

export async function updateTemplateAction(input: unknown) {
  const result = await runAction(templateUpdateSchema, input, updateTemplate);
  if (result.ok) refresh();
  return result;
}

export async function archiveTemplateAction(input: unknown) {
  const result = await runAction(templateArchiveSchema, input, archiveTemplate);
  if (result.ok) refresh();
  return result;
}

export async function applyTemplateAction(input: unknown) {
  const result = await runAction(applySchema, input, applyTemplate);
  if (result.ok) refresh();
  return result;
}

export async function syncPlansAction(input: unknown) {
  const result = await runAction(syncSchema, input, syncTemplateApplication);
  if (result.ok) refresh();
  return result;
}

export async function startPlanFromTemplateAction(input: unknown) {
  const result = await runAction(startFromTemplateSchema, input, startPlanFromTemplate);
  if (result.ok) refresh();
  return result;
}

export async function unlinkTemplateAction(input: unknown) {
  const result = await runAction(unlinkSchema, input, unlinkTemplate);
  if (result.ok) refresh();
  return result;
}
