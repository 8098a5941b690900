"use client";

import { reflectionReplySchema, type ReflectionReplyInput } from "@/lib/conversation/schemas";
import type { ServerAction } from "@/lib/errors";
import { AnswerForm } from "./answer-form";

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
  return (
    <AnswerForm<ReflectionReplyInput>
      fieldId={`reflection-answer-${reflectionId}`}
      schema={reflectionReplySchema}
      defaults={{ planId, reflectionId, body: "" }}
      action={action}
      focusId={(id) => `reflection-reply-${id}`}
      words={{ open: "Answer this reflection", field: "Your answer to the student", submit: "Post answer" }}
      rows={3}
    />
  );
}
