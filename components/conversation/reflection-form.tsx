"use client";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import { REFLECTION_PROMPTS, reflectionSchema, type ReflectionInput } from "@/lib/conversation/schemas";
import { useConversationForm } from "./use-conversation-form";

/** The student reflects on the whole plan or one goal, answering at least one prompt. */
export function ReflectionForm({
  planId,
  goals,
  action,
}: {
  planId: string;
  goals: { id: string; title: string; number: number }[];
  action: ServerAction<ReflectionInput, { id: string }>;
}) {
  const defaults: ReflectionInput = { planId, goalId: "", learned: "", hard: "", next: "" };
  const { form, server, onSubmit } = useConversationForm<ReflectionInput>({
    schema: reflectionSchema,
    defaults,
    action,
    focusId: (id) => `reflection-${id}`,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="reflection-form-heading">
      <h3 id="reflection-form-heading" className="text-base font-semibold">
        Write a reflection
      </h3>
      <FormError message={server.error} />
      <Field id="reflection-goal" label="What is it about?" error={errors.goalId?.message}>
        <select
          id="reflection-goal"
          className={inputClass}
          {...describedBy("reflection-goal", { error: errors.goalId?.message })}
          {...form.register("goalId")}
        >
          <option value="">The whole plan</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              Goal {g.number}: {g.title}
            </option>
          ))}
        </select>
      </Field>
      <p className="text-sm text-slate-700">Answer at least one question, in your own words.</p>
      {REFLECTION_PROMPTS.map((prompt) => {
        const id = `reflection-${prompt.name}`;
        const error = errors[prompt.name]?.message;
        return (
          <Field key={prompt.name} id={id} label={prompt.label} error={error}>
            <textarea id={id} rows={3} className={inputClass} {...describedBy(id, { error })} {...form.register(prompt.name)} />
          </Field>
        );
      })}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save reflection"}
      </Button>
    </form>
  );
}
