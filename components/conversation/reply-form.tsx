"use client";

import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { replySchema, type ReplyInput } from "@/lib/conversation/schemas";
import { useConversationForm } from "./use-conversation-form";

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
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const fieldId = `reply-${threadId}`;
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => toggle.current?.focus());
  };
  const { form, server, onSubmit } = useConversationForm<ReplyInput>({
    schema: replySchema,
    defaults: { planId, parentId: threadId, body: "" },
    action,
    focusId: (id) => `comment-${id}`,
    onDone: () => close(false),
  });
  const error = form.formState.errors.body?.message;
  const busy = form.formState.isSubmitting;
  if (!open)
    return (
      <button ref={toggle} type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        Reply
      </button>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="w-full space-y-3">
      <FormError message={server.error} />
      <Field id={fieldId} label="Your reply" error={error}>
        <textarea id={fieldId} rows={2} autoFocus className={inputClass} {...describedBy(fieldId, { error })} {...form.register("body")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Posting…" : "Post reply"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => close(true)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
