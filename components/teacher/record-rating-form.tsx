"use client";

import { useRouter } from "next/navigation";
import type { KeyboardEvent, ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { LevelView } from "@/lib/mastery/levels";
import type { RecordRatingInput } from "@/lib/records/review-schemas";

const resolver = lazyZodResolver<RecordRatingInput>(() => import("@/lib/records/review-schemas").then((m) => m.recordRatingSchema));

/**
 * A teacher's rating of a learning record against one linked standard, on the scale that standard
 * is rated on (`levels`, lowest first; it starts on the scale's default level). As the evidence
 * queue's form (components/evidence/rating-form.tsx): 1–9 pick the level while focus is in the
 * form but not in the feedback, Enter in the feedback saves, Shift+Enter makes a new line.
 */
export function RecordRatingForm({
  recordId,
  standardId,
  levels,
  action,
  label,
  onSaved,
  actions,
}: {
  recordId: string;
  standardId: string;
  levels: readonly LevelView[];
  action: ServerAction<RecordRatingInput, { id: string }>;
  label: string;
  /** Called after the rating is saved (the queue moves focus on); the page is refreshed either way. */
  onSaved?: () => void;
  /** Beside the save button (the queue's Cancel). */
  actions?: ReactNode;
}) {
  const router = useRouter();
  const startLevel = levels.find((l) => l.isDefault)?.id ?? "";
  const blank = { recordId, standardId, levelId: startLevel, feedback: "" };
  const form = useForm<RecordRatingInput>({ resolver, defaultValues: blank });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const id = `record-rating-${recordId}-${standardId}`;
  const onSubmit = form.handleSubmit(async (values) => {
    if (!server.apply(await action(values))) return;
    form.reset(blank);
    onSaved?.();
    router.refresh();
  });
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const typing =
      event.target instanceof HTMLTextAreaElement || (event.target instanceof HTMLInputElement && event.target.type !== "radio");
    const level = /^[1-9]$/.test(event.key) ? levels[Number(event.key) - 1] : undefined;
    if (!typing && level) {
      event.preventDefault();
      form.setValue("levelId", level.id, { shouldValidate: form.formState.isSubmitted, shouldDirty: true });
      form.setFocus("feedback");
    } else if (event.target instanceof HTMLTextAreaElement && event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };
  const hintId = `${id}-keys`;
  const feedbackId = `${id}-feedback`;
  const feedbackProps = describedBy(feedbackId, { error: errors.feedback?.message });
  return (
    <form
      id={id}
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      onKeyDown={onKeyDown}
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={label}
    >
      <FormError message={server.error} />
      <p id={hintId} className="text-xs text-slate-700">
        Keys: <kbd>1</kbd>–<kbd>{Math.min(9, levels.length)}</kbd> choose a level, then type feedback; <kbd>Enter</kbd> saves (
        <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line).
      </p>
      <fieldset aria-describedby={[hintId, errors.levelId ? `${id}-level-error` : ""].filter(Boolean).join(" ")}>
        {/* Named after what it rates too: one record is rated on several standards, one form each. */}
        <legend className="text-sm font-medium text-slate-800">
          Proficiency<span className="sr-only"> — {label}</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-[repeat(auto-fit,minmax(9rem,1fr))]">
          {levels.map((level, i) => (
            <label
              key={level.id}
              className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 bg-white p-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
            >
              <input type="radio" value={level.id} className="mt-1" {...form.register("levelId")} />
              <span>
                <span className="flex items-center gap-1.5 font-medium">
                  {i < 9 ? <span className="text-slate-600">{i + 1} · </span> : null}
                  <span
                    aria-hidden="true"
                    className="size-2.5 rounded-full ring-1 ring-black/20"
                    style={{ backgroundColor: level.colour }}
                  />
                  {level.name}
                </span>
                {level.description ? <span className="block text-xs text-slate-600">{level.description}</span> : null}
              </span>
            </label>
          ))}
        </div>
        {errors.levelId ? (
          <p id={`${id}-level-error`} role="alert" className="mt-1 text-sm text-rose-700">
            {errors.levelId.message}
          </p>
        ) : null}
      </fieldset>
      <Field id={feedbackId} label="Feedback for the student" error={errors.feedback?.message}>
        <textarea
          id={feedbackId}
          rows={2}
          className={inputClass}
          {...feedbackProps}
          aria-describedby={[hintId, feedbackProps["aria-describedby"]].filter(Boolean).join(" ")}
          {...form.register("feedback")}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save rating"}
        </Button>
        {actions}
      </div>
    </form>
  );
}
