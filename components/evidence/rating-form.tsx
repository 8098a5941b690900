"use client";

import { useRouter } from "next/navigation";
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { RatingFormInput } from "@/lib/evidence/schemas";
import type { LevelView } from "@/lib/mastery/levels";

const resolver = lazyZodResolver<RatingFormInput>(() => import("@/lib/evidence/schemas").then((m) => m.ratingFormSchema));

/**
 * A teacher's rating of one piece of evidence against one goal, on the school's scale (`levels`,
 * lowest first; the form starts on the scale's default level). The form and its levels are named
 * after the evidence (`evidenceTitle`), so a screen reader tells one rating form from the next.
 * With `shortcuts` (a queue of many to rate), 1–9 pick the level while focus is in the form but
 * not in the feedback, and Enter in the feedback saves (Shift+Enter for a new line); a hint says so.
 * Without `onSaved`, a saved rating is confirmed in a status that takes focus. `actions` go beside
 * the save button (the plan page's Cancel).
 */
export function RatingForm({
  planId,
  evidenceId,
  goalId,
  levels,
  evidenceTitle,
  action,
  label = `Rate “${evidenceTitle}”`,
  shortcuts = false,
  onSaved,
  actions,
}: {
  planId: string;
  evidenceId: string;
  goalId: string;
  evidenceTitle: string;
  levels: readonly LevelView[];
  action: ServerAction<RatingFormInput & { planId: string }, { id: string }>;
  /** The form's accessible name; by default "Rate “<evidence title>”". */
  label?: string;
  shortcuts?: boolean;
  /** Called after a rating is saved (a queue moves focus on); the page is refreshed either way. */
  onSaved?: () => void;
  actions?: ReactNode;
}) {
  const router = useRouter();
  const startLevel = levels.find((l) => l.isDefault)?.id ?? "";
  const form = useForm<RatingFormInput>({
    resolver,
    defaultValues: { evidenceId, goalId, levelId: startLevel, feedback: "" },
  });
  const server = useServerErrors(form);
  const [saved, setSaved] = useState<{ level: string; n: number } | null>(null);
  const { errors, isSubmitting } = form.formState;
  const id = shortcuts ? `rating-${evidenceId}-${goalId}` : `rating-${evidenceId}`;
  const onSubmit = form.handleSubmit(async (values) => {
    if (!server.apply(await action({ ...values, planId }))) return;
    form.reset({ evidenceId, goalId, levelId: startLevel, feedback: "" });
    // A queue moves focus on itself; otherwise the confirmation takes focus (the button stays put).
    if (onSaved) onSaved();
    else setSaved((s) => ({ level: levels.find((l) => l.id === values.levelId)?.name ?? "", n: (s?.n ?? 0) + 1 }));
    router.refresh();
  });
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (!shortcuts || event.altKey || event.ctrlKey || event.metaKey) return;
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
  const save = (
    <Button type="submit" disabled={isSubmitting}>
      {isSubmitting ? "Saving…" : "Save rating"}
    </Button>
  );
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
      {saved ? (
        <FocusedStatus key={saved.n}>
          Rating saved: {saved.level} for “{evidenceTitle}”.
        </FocusedStatus>
      ) : null}
      <FormError message={server.error} />
      {shortcuts ? (
        <p id={hintId} className="text-xs text-slate-700">
          Keys: <kbd>1</kbd>–<kbd>{Math.min(9, levels.length)}</kbd> choose a level, then type feedback; <kbd>Enter</kbd> saves (
          <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line).
        </p>
      ) : null}
      <fieldset
        aria-describedby={[shortcuts ? hintId : "", errors.levelId ? `${id}-level-error` : ""].filter(Boolean).join(" ") || undefined}
      >
        <legend className="text-sm font-medium text-slate-800">
          Proficiency<span className="sr-only"> for “{evidenceTitle}”</span>
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
                  {shortcuts && i < 9 ? <span className="text-slate-600">{i + 1} · </span> : null}
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
      <Field id={`${id}-feedback`} label="Feedback for the student" error={errors.feedback?.message}>
        <textarea
          id={`${id}-feedback`}
          rows={2}
          className={inputClass}
          {...withHint(describedBy(`${id}-feedback`, { error: errors.feedback?.message }), shortcuts ? hintId : null)}
          {...form.register("feedback")}
        />
      </Field>
      {actions ? (
        <div className="flex flex-wrap gap-2">
          {save}
          {actions}
        </div>
      ) : (
        save
      )}
    </form>
  );
}

/** The feedback box is described by the keys hint too, when there is one. */
function withHint(props: ReturnType<typeof describedBy>, hintId: string | null) {
  if (!hintId) return props;
  return { ...props, "aria-describedby": [hintId, props["aria-describedby"]].filter(Boolean).join(" ") };
}
