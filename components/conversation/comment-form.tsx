"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { CommentInput } from "@/lib/conversation/schemas";
import { useConversationForm } from "./use-conversation-form";

const resolver = lazyZodResolver<CommentInput>(() => import("@/lib/conversation/schemas").then((m) => m.commentSchema));

type Props = { planId: string; action: ServerAction<CommentInput, { id: string }> };

/** Starts a thread on the plan itself. */
export function PlanCommentForm({ planId, action }: Props) {
  const t = useTranslations("conversation");
  return <ThreadForm planId={planId} action={action} fieldId="comment-body" label={t("addComment")} />;
}

/** "Comment on this goal": a button that opens a small form, so a goal card stays calm. */
export function GoalCommentForm({ planId, goalId, action }: Props & { goalId: string }) {
  const t = useTranslations("conversation");
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const formId = `goal-comment-${goalId}`;
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => toggle.current?.focus());
  };
  if (!open)
    return (
      <button ref={toggle} type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        {t("commentOnGoal")}
      </button>
    );
  return (
    <div id={formId}>
      <ThreadForm
        planId={planId}
        goalId={goalId}
        action={action}
        fieldId={`${formId}-body`}
        label={t("yourCommentOnGoal")}
        autoFocus
        onDone={() => close(false)}
        onCancel={() => close(true)}
      />
    </div>
  );
}

function ThreadForm({
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
