"use client";

import { useTranslations } from "next-intl";
import { lazyZodResolver } from "@/components/lazy-resolver";
import type { ReplyInput } from "@/lib/conversation/schemas";
import type { ServerAction } from "@/lib/errors";
import { AnswerForm } from "./answer-form";

const resolver = lazyZodResolver<ReplyInput>(() => import("@/lib/conversation/schemas").then((m) => m.replySchema));

/** "Reply" opens a form under the thread; the reply lands at the thread's end and takes focus. */
export function ReplyForm({
  planId,
  threadId,
  action,
}: {
  planId: string;
  threadId: string;
  action: ServerAction<ReplyInput, { id: string }>;
}) {
  const t = useTranslations("conversation");
  return (
    <AnswerForm<ReplyInput>
      fieldId={`reply-${threadId}`}
      resolver={resolver}
      defaults={{ planId, parentId: threadId, body: "" }}
      action={action}
      focusId={(id) => `comment-${id}`}
      words={{ open: t("reply"), field: t("yourReply"), submit: t("postReply") }}
    />
  );
}
