"use client";

import { useTranslations } from "next-intl";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { CommentInput } from "@/lib/conversation/schemas";
import { useConversationForm } from "./use-conversation-form";

// Loaded on demand by comment-form.tsx: it brings react-hook-form.

const resolver = lazyZodResolver<CommentInput>(() => import("@/lib/conversation/schemas").then((m) => m.commentSchema));

type Props = { planId: string; action: ServerAction<CommentInput, { id: string }> };

/** Starts a thread on the plan or (with `goalId`) on one goal; posting closes it (`onDone`) and focus moves to the new thread. */
export function ThreadForm({
  planId,
  goalId,
  action,
  fieldId,
  label,
  autoFocus,
  onDone,
  onCancel,
}: Props & { goalId?: string; fieldId: string; label: string; autoFocus?: boolean; onDone?: () => void; onCancel?: () => void }) {
  const t = useTranslations("conversation");
  const { form, server, onSubmit } = useConversationForm<CommentInput>({
    resolver,
    defaults: goalId ? { planId, goalId, body: "" } : { planId, body: "" },
    action,
    focusId: (id) => `comment-${id}`,
    onDone,
  });
  const error = form.formState.errors.body?.message;
  const busy = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-3">
      <FormError message={server.error} />
      <Field id={fieldId} label={label} error={error}>
        <textarea
          id={fieldId}
          rows={3}
          autoFocus={autoFocus}
          className={inputClass}
          {...describedBy(fieldId, { error })}
          {...form.register("body")}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? t("posting") : t("postComment")}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
