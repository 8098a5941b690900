"use client";

import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { reflectionReplySchema, type ReflectionReplyInput } from "@/lib/conversation/schemas";
import { useConversationForm } from "./use-conversation-form";

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
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const fieldId = `reflection-answer-${reflectionId}`;
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => toggle.current?.focus());
  };
  const { form, server, onSubmit } = useConversationForm<ReflectionReplyInput>({
    schema: reflectionReplySchema,
    defaults: { planId, reflectionId, body: "" },
    action,
    focusId: (id) => `reflection-reply-${id}`,
    onDone: () => close(false),
  });
  const error = form.formState.errors.body?.message;
  const busy = form.formState.isSubmitting;
  if (!open)
    return (
      <button ref={toggle} type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        Answer this reflection
      </button>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={server.error} />
      <Field id={fieldId} label="Your answer to the student" error={error}>
        <textarea id={fieldId} rows={3} autoFocus className={inputClass} {...describedBy(fieldId, { error })} {...form.register("body")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Posting…" : "Post answer"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => close(true)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
