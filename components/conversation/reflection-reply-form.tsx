"use client";

import { useTranslations } from "next-intl";
import { lazyZodResolver } from "@/components/lazy-resolver";
import type { ReflectionReplyInput } from "@/lib/conversation/schemas";
import type { ServerAction } from "@/lib/errors";
import { AnswerForm } from "./answer-form";

const resolver = lazyZodResolver<ReflectionReplyInput>(() => import("@/lib/conversation/schemas").then((m) => m.reflectionReplySchema));

/** A teacher's answer to a reflection; it appears under the reflection and takes focus. */
export function ReflectionReplyForm({
  planId,
  reflectionId,
  action,
}: {
  planId: string;
  reflectionId: string;
  action: ServerAction<ReflectionReplyInput, { id: string }>;
}) {
  const t = useTranslations("conversation");
  return (
    <AnswerForm<ReflectionReplyInput>
      fieldId={`reflection-answer-${reflectionId}`}
      resolver={resolver}
      defaults={{ planId, reflectionId, body: "" }}
      action={action}
      focusId={(id) => `reflection-reply-${id}`}
      words={{ open: t("answerReflection"), field: t("yourAnswer"), submit: t("postAnswer") }}
      rows={3}
    />
  );
}
