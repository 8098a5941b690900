"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { OnDemand, OpeningForm } from "@/components/ui/on-demand";
import type { ServerAction } from "@/lib/errors";
import type { CommentInput } from "@/lib/conversation/schemas";

// The form, and react-hook-form with it, is fetched when someone opens one, not with the page.
const ThreadForm = dynamic(() => import("./thread-form").then((m) => m.ThreadForm), { ssr: false, loading: OpeningForm });

type Props = { planId: string; action: ServerAction<CommentInput, { id: string }> };

/** "Write a comment": opens a form that starts a thread on the plan itself. */
export function PlanCommentForm({ planId, action }: Props) {
  const t = useTranslations("conversation");
  return (
    <OnDemand text={t("writeComment")}>
      {(onClose) => (
        <ThreadForm
          planId={planId}
          action={action}
          fieldId="comment-body"
          label={t("addComment")}
          autoFocus
          onDone={onClose}
          onCancel={onClose}
        />
      )}
    </OnDemand>
  );
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
