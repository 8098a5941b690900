import type { ServerAction } from "@/lib/errors";
import type { CommentInput, ReflectionInput, ReflectionReplyInput, ReplyInput, ResolveInput } from "@/lib/conversation/schemas";

/** The conversation's server actions, as the plan page hands them down. */
export type ConversationActions = {
  addCommentAction: ServerAction<CommentInput, { id: string }>;
  replyToCommentAction: ServerAction<ReplyInput, { id: string }>;
  setThreadResolvedAction: ServerAction<ResolveInput, { id: string; resolved: boolean }>;
  addReflectionAction: ServerAction<ReflectionInput, { id: string }>;
  replyToReflectionAction: ServerAction<ReflectionReplyInput, { id: string }>;
};
