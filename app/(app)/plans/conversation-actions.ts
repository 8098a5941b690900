"use server";

// Server actions for a plan's comment threads and reflections. Each is a public endpoint:
// runAction parses the input with the form's schema, finds the actor, and the lib command
// authorizes them against the plan.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { runAction } from "@/lib/auth/action";
import { addComment, replyToComment, setThreadResolved } from "@/lib/conversation/comments";
import { addReflection, replyToReflection } from "@/lib/conversation/reflections";
import { commentSchema, reflectionReplySchema, reflectionSchema, replySchema, resolveSchema } from "@/lib/conversation/schemas";

async function onPlan<S extends z.ZodType<{ planId: string }>, T>(
  schema: S,
  input: unknown,
  run: (actor: Actor, input: unknown) => Promise<T>,
) {
  const result = await runAction(schema, input, run);
  // Every page under the layout: the plan's, notification counts, the review queue's open threads.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addCommentAction(input: unknown) {
  return onPlan(commentSchema, input, addComment);
}

export async function replyToCommentAction(input: unknown) {
  return onPlan(replySchema, input, replyToComment);
}

export async function setThreadResolvedAction(input: unknown) {
  return onPlan(resolveSchema, input, setThreadResolved);
}

export async function addReflectionAction(input: unknown) {
  return onPlan(reflectionSchema, input, addReflection);
}

export async function replyToReflectionAction(input: unknown) {
  return onPlan(reflectionReplySchema, input, replyToReflection);
}
