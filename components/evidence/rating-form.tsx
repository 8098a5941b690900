"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { ratingFormSchema, type RatingFormInput } from "@/lib/evidence/schemas";
import { LEVEL_DESCRIPTION, LEVEL_LABEL, LEVELS } from "@/lib/mastery/levels";

/** A teacher's rating of one piece of evidence against one goal. */
export function RatingForm({
  planId,
  evidenceId,
  goalId,
  action,
}: {
  planId: string;
  evidenceId: string;
  goalId: string;
  action: ServerAction<RatingFormInput & { planId: string }, { id: string }>;
}) {
  const router = useRouter();
  const form = useForm<RatingFormInput>({
    resolver: zodResolver(ratingFormSchema),
    defaultValues: { evidenceId, goalId, level: undefined, feedback: "" },
  });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const id = `rating-${evidenceId}`;
  const onSubmit = form.handleSubmit(async (values) => {
    if (!server.apply(await action({ ...values, planId }))) return;
    form.reset({ evidenceId, goalId, level: undefined, feedback: "" });
    router.refresh();
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label="Rate this evidence"
    >
      <FormError message={server.error} />
      <fieldset aria-describedby={errors.level ? `${id}-level-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Proficiency</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-4">
          {LEVELS.map((level) => (
            <label
              key={level}
              className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 bg-white p-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
            >
              <input type="radio" value={level} className="mt-1" {...form.register("level")} />
              <span>
                <span className="font-medium">{LEVEL_LABEL[level]}</span>
                <span className="block text-xs text-slate-600">{LEVEL_DESCRIPTION[level]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.level ? (
          <p id={`${id}-level-error`} role="alert" className="mt-1 text-sm text-rose-700">
            {errors.level.message}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${id}-feedback`} label="Feedback for the student" error={errors.feedback?.message}>
        <textarea
          id={`${id}-feedback`}
          rows={2}
          className={inputClass}
          {...describedBy(`${id}-feedback`, { error: errors.feedback?.message })}
          {...form.register("feedback")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save rating"}
      </Button>
    </form>
  );
}
