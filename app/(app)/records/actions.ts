"use server";

import { isForm, NOT_A_FORM } from "@/lib/auth/form-input";
// Server actions for learning records. Each is a public endpoint: runAction parses the
// input with the form's schema, finds the actor, and the lib command authorizes them.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import {
  addAttachments,
  createRecord,
  decideSuggestion,
  deleteRecord,
  linkGoal,
  linkStandard,
  removeAttachment,
  requestReview,
  unlinkGoal,
  unlinkStandard,
  updateRecord,
} from "@/lib/records/commands";
import {
  attachmentRemoveSchema,
  attachmentsFormSchema,
  goalLinkSchema,
  recordEditSchema,
  recordFormSchema,
  recordIdSchema,
  standardLinkSchema,
  suggestionSchema,
} from "@/lib/records/schemas";

function refresh(recordId?: unknown) {
  if (typeof recordId === "string") revalidatePath(`/records/${recordId}`);
  revalidatePath("/records");
}

const recordIdOf = (input: unknown) => (input as { recordId?: unknown } | null)?.recordId;

/** The text fields of a multipart form, and its chosen files (empty ones dropped: a browser sends one when none is chosen). */
function fromForm(form: FormData, names: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = form.get(name);
    out[name] = typeof v === "string" ? v : "";
  }
  out.files = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && f.size > 0);
  return out;
}

export async function createRecordAction(form: FormData) {
  if (!isForm(form)) return NOT_A_FORM;
  const input = fromForm(form, ["title", "description", "setting", "place", "happenedOn", "hours", "minutes", "withWhom", "links"]);
  const key = form.get("idempotencyKey");
  if (typeof key === "string" && key) input.idempotencyKey = key;
  const result = await runAction(recordFormSchema, input, createRecord);
  if (result.ok) refresh(result.data.id);
  return result;
}

export async function updateRecordAction(input: unknown) {
  const result = await runAction(recordEditSchema, input, updateRecord);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function deleteRecordAction(input: unknown) {
  const result = await runAction(recordIdSchema, input, deleteRecord);
  if (result.ok) refresh();
  return result;
}

export async function addAttachmentsAction(form: FormData) {
  if (!isForm(form)) return NOT_A_FORM;
  const input = fromForm(form, ["recordId", "links"]);
  const result = await runAction(attachmentsFormSchema, input, addAttachments);
  if (result.ok) refresh(input.recordId);
  return result;
}

export async function removeAttachmentAction(input: unknown) {
  const result = await runAction(attachmentRemoveSchema, input, removeAttachment);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function linkStandardAction(input: unknown) {
  const result = await runAction(standardLinkSchema, input, linkStandard);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function unlinkStandardAction(input: unknown) {
  const result = await runAction(standardLinkSchema, input, unlinkStandard);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function linkGoalAction(input: unknown) {
  const result = await runAction(goalLinkSchema, input, linkGoal);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function unlinkGoalAction(input: unknown) {
  const result = await runAction(goalLinkSchema, input, unlinkGoal);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function requestReviewAction(input: unknown) {
  const result = await runAction(recordIdSchema, input, requestReview);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}

export async function decideSuggestionAction(input: unknown) {
  const result = await runAction(suggestionSchema, input, decideSuggestion);
  if (result.ok) refresh(recordIdOf(input));
  return result;
}
