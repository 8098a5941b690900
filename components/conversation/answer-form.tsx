"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { DefaultValues, Path } from "react-hook-form";
import type { LazyResolver } from "@/components/lazy-resolver";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { useConversationForm } from "./use-conversation-form";

type Words = { open: string; field: string; submit: string };

/**
 * A button that opens a short answer form in place (a reply to a thread, an answer to a
 * reflection). Posting empties it, closes it and moves focus to what was posted;
 * cancelling returns focus to the button.
 */
export function AnswerForm<T extends { body: string }>({
  fieldId,
  resolver,
  defaults,
  action,
  focusId,
  words,
  rows = 2,
}: {
  fieldId: string;
  resolver: LazyResolver<T>;
  defaults: DefaultValues<T>;
  action: ServerAction<T, { id: string }>;
  focusId: (id: string) => string;
  words: Words;
  rows?: number;
}) {
  const t = useTranslations("conversation");
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => toggle.current?.focus());
  };
  const { form, server, onSubmit } = useConversationForm<T>({ resolver, defaults, action, focusId, onDone: () => close(false) });
  const error = form.formState.errors.body?.message as string | undefined;
  const busy = form.formState.isSubmitting;
  if (!open)
    return (
      <button ref={toggle} type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)}>
        {words.open}
      </button>
    );
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="w-full space-y-3">
      <FormError message={server.error} />
      <Field id={fieldId} label={words.field} error={error}>
        <textarea
          id={fieldId}
          rows={rows}
          autoFocus
          className={inputClass}
          {...describedBy(fieldId, { error })}
          {...form.register("body" as Path<T>)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? t("posting") : words.submit}
        </Button>
        <Button type="button" variant="ghost" onClick={() => close(true)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
