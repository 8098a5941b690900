"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { lazyZodResolver } from "@/components/lazy-resolver";
import type { ServerAction } from "@/lib/errors";
import { REFLECTION_PROMPTS } from "@/lib/conversation/prompts";
import type { ReflectionInput } from "@/lib/conversation/schemas";
import { useConversationForm } from "./use-conversation-form";

const resolver = lazyZodResolver<ReflectionInput>(() => import("@/lib/conversation/schemas").then((m) => m.reflectionSchema));

// Loaded on demand by reflection-on-demand.tsx: it brings react-hook-form.

export type ReflectionFormProps = {
  planId: string;
  goals: { id: string; title: string; number: number }[];
  action: ServerAction<ReflectionInput, { id: string }>;
};

/**
 * The student reflects on the whole plan or one goal, answering at least one prompt. Focus starts
 * on what it is about; saving closes it (`onClose`) and focus moves to the reflection.
 */
export function ReflectionForm({ planId, goals, action, onClose }: ReflectionFormProps & { onClose: () => void }) {
  const t = useTranslations("conversation");
  const defaults: ReflectionInput = { planId, goalId: "", learned: "", hard: "", next: "" };
  const { form, server, onSubmit } = useConversationForm<ReflectionInput>({
    resolver,
    defaults,
    action,
    focusId: (id) => `reflection-${id}`,
    onDone: onClose,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4" aria-labelledby="reflection-form-heading">
      <h3 id="reflection-form-heading" className="text-base font-semibold">
        {t("writeReflection")}
      </h3>
      <FormError message={server.error} />
      <Field id="reflection-goal" label={t("about")} error={errors.goalId?.message}>
        <select
          id="reflection-goal"
          autoFocus
          className={inputClass}
          {...describedBy("reflection-goal", { error: errors.goalId?.message })}
          {...form.register("goalId")}
        >
          <option value="">{t("wholePlan")}</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {t("goalTitle", { number: g.number, title: g.title })}
            </option>
          ))}
        </select>
      </Field>
      <p className="text-sm text-slate-700">{t("answerOne")}</p>
      {REFLECTION_PROMPTS.map((prompt) => {
        const id = `reflection-${prompt.name}`;
        const error = errors[prompt.name]?.message;
        return (
          <Field key={prompt.name} id={id} label={t(`prompt.${prompt.name}`)} error={error}>
            <textarea id={id} rows={3} className={inputClass} {...describedBy(id, { error })} {...form.register(prompt.name)} />
          </Field>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("saveReflection")}
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
