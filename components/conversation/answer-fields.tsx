"use client";

import { useTranslations } from "next-intl";
import type { DefaultValues, Path } from "react-hook-form";
import type { LazyResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { useConversationForm } from "./use-conversation-form";

// Loaded on demand by answer-form.tsx: it brings react-hook-form.

export type AnswerWords = { open: string; field: string; submit: string };

export type AnswerProps<T extends { body: string }> = {
  fieldId: string;
  resolver: LazyResolver<T>;
  defaults: DefaultValues<T>;
  action: ServerAction<T, { id: string }>;
  focusId: (id: string) => string;
  words: AnswerWords;
  rows?: number;
};

/** The open answer form: posting empties and closes it (`onDone`), Cancel closes it with focus back on its button (`onCancel`). */
export function AnswerFields<T extends { body: string }>({
  fieldId,
  resolver,
  defaults,
  action,
  focusId,
  words,
  rows = 2,
  onDone,
  onCancel,
}: AnswerProps<T> & { onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("conversation");
  const { form, server, onSubmit } = useConversationForm<T>({ resolver, defaults, action, focusId, onDone });
  const error = form.formState.errors.body?.message as string | undefined;
  const busy = form.formState.isSubmitting;
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
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
