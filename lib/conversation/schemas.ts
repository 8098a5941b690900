// One schema per form, shared by the client form and the server action.
import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/idempotency/schemas";

const id = z.string().trim().min(1).max(64);
const body = (empty: string) => z.string().trim().min(1, empty).max(4000, "conversation.validation.tooLong");

/** A new thread: on the plan, or on one of its goals. */
export const commentSchema = z.object({
  planId: id,
  goalId: id.optional(),
  body: body("conversation.validation.commentRequired"),
  idempotencyKey: idempotencyKeySchema,
});
export type CommentInput = z.infer<typeof commentSchema>;

/** A reply names the thread's first comment. */
export const replySchema = z.object({
  planId: id,
  parentId: id,
  body: body("conversation.validation.replyRequired"),
  idempotencyKey: idempotencyKeySchema,
});
export type ReplyInput = z.infer<typeof replySchema>;

export const resolveSchema = z.object({ planId: id, threadId: id, resolved: z.boolean() });
export type ResolveInput = z.infer<typeof resolveSchema>;

const answer = z.string().trim().max(4000, "conversation.validation.answerTooLong");

export { REFLECTION_PROMPTS } from "./prompts";

export const reflectionSchema = z
  .object({
    planId: id,
    /** "" is the whole plan. */
    goalId: z.union([z.literal(""), id]),
    learned: answer,
    hard: answer,
    next: answer,
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((r) => r.learned || r.hard || r.next, { path: ["learned"], message: "conversation.validation.answerRequired" });
export type ReflectionInput = z.infer<typeof reflectionSchema>;

export const reflectionReplySchema = z.object({
  planId: id,
  reflectionId: id,
  body: body("conversation.validation.reflectionReplyRequired"),
  idempotencyKey: idempotencyKeySchema,
});
export type ReflectionReplyInput = z.infer<typeof reflectionReplySchema>;
