"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { ratingsInWords } from "@/lib/mastery/rating-counts";
import { MAX_LEVELS, MAX_POINTS, MIN_POINTS } from "@/lib/mastery/scale-limits";
import type { LevelInput, ScaleFormInput } from "@/lib/mastery/scale-schemas";
import { lazyZodResolver } from "@/components/lazy-resolver";

const resolver = lazyZodResolver<ScaleFormInput>(() => import("@/lib/mastery/scale-schemas").then((m) => m.scaleFormSchema));

const NEW_LEVEL: LevelInput = { id: "", name: "", points: 0, colour: "#64748b", description: "", proficient: false, isDefault: false };
const HEX = /^#[0-9a-fA-F]{6}$/;

/** A proficiency scale: its name and its levels, lowest first (add, remove, reorder). */
export function ScaleForm({
  initial,
  owners,
  ratings = {},
  save,
}: {
  initial: ScaleFormInput;
  /** Who may own a new scale (the district, the admin's schools); empty when editing. */
  owners: { id: string; name: string }[];
  /** How many ratings use each existing level, up to a cap (RATINGS_COUNTED_UP_TO): those cannot be removed. */
  ratings?: Record<string, number>;
  save: ServerAction<ScaleFormInput, { id: string; version: number; recomputing?: number }>;
}) {
  const router = useRouter();
  const form = useForm<ScaleFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const levels = useFieldArray({ control: form.control, name: "levels" });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const editing = Boolean(initial.scaleId);
  const values = useWatch({ control: form.control, name: "levels" });
  const levelsError = errors.levels?.message ?? errors.levels?.root?.message;
  // Removing or moving a level re-renders the list and can remove or disable the button that was
  // used: after the render, focus goes to the element named here, and the change is announced.
  const [focusAfter, setFocusAfter] = useState<{ id: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (focusAfter) document.getElementById(focusAfter.id)?.focus();
  }, [focusAfter]);
  // The same words twice would not be announced again: a trailing no-break space makes them new.
  const announce = (message: string) => setAnnouncement((prev) => (prev === message ? `${message}\u00a0` : message));

  const onSubmit = form.handleSubmit(async (v) => {
    const result = await save(v);
    if (!server.apply(result) || !result.ok) return;
    const recomputing = result.data.recomputing ?? 0;
    router.push(
      `/admin/mastery/scales/${result.data.id}?done=${editing ? "saved" : "created"}${recomputing ? `&recomputing=${recomputing}` : ""}`,
    );
    router.refresh();
  });
  const control = (id: string, error?: string, hint = false) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });

  function removeLevel(i: number) {
    const left = levels.fields.length - 1;
    levels.remove(i);
    // The level that took its place, else the one before it, else "Add a level".
    setFocusAfter({ id: left === 0 ? "add-level" : `level-${Math.min(i, left - 1)}-name` });
    announce("Level removed");
  }

  function moveLevel(i: number, to: number) {
    const last = levels.fields.length - 1;
    const name = values[i]?.name.trim() || "The level";
    levels.move(i, to);
    // Stay on the same button unless it is now disabled (top or bottom): then the other one.
    const up = to < i ? to > 0 : to === last;
    setFocusAfter({ id: `level-${to}-${up ? "up" : "down"}` });
    announce(`${name} moved to position ${to + 1} of ${last + 1}`);
  }

  function setDefault(index: number) {
    values.forEach((_, j) => form.setValue(`levels.${j}.isDefault`, j === index, { shouldDirty: true }));
    void form.trigger("levels");
  }

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <FormError message={server.error} />
      {editing ? null : (
        <Field
          id="organizationId"
          label="Owner"
          hint="The district's scales can be used by every school."
          error={errors.organizationId?.message}
        >
          <select {...control("organizationId", errors.organizationId?.message, true)} {...form.register("organizationId")}>
            {owners.length > 1 ? <option value="">Choose…</option> : null}
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="name" label="Name" error={errors.name?.message}>
        <input {...control("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="description" label="Description (optional)" error={errors.description?.message}>
        <input {...control("description", errors.description?.message)} {...form.register("description")} />
      </Field>

      <fieldset className="space-y-3" aria-describedby="levels-hint levels-error">
        <legend className="text-base font-semibold text-slate-900">Levels</legend>
        <p id="levels-hint" className="text-xs text-slate-600">
          Lowest first, each with more points than the one above it (whole numbers from {MIN_POINTS} to {MAX_POINTS}). Mark the levels that
          count as proficient, and the one the rating form starts on.
        </p>
        <div id="levels-error">
          {levelsError ? (
            <p className="text-sm text-rose-700" role="alert">
              {levelsError}
            </p>
          ) : null}
        </div>
        <ol className="space-y-3">
          {levels.fields.map((field, i) => {
            const e = errors.levels?.[i];
            const p = `level-${i}`;
            const level = values[i];
            const used = level?.id ? (ratings[level.id] ?? 0) : 0;
            const colour = level?.colour ?? "";
            return (
              <li key={field.id}>
                <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-medium text-slate-800">
                    Level {i + 1}
                    {level?.name ? `: ${level.name}` : ""}
                  </legend>
                  <div className="grid gap-3 sm:grid-cols-[1fr_7rem]">
                    <Field id={`${p}-name`} label="Name" error={e?.name?.message}>
                      <input {...control(`${p}-name`, e?.name?.message)} {...form.register(`levels.${i}.name`)} />
                    </Field>
                    <Field id={`${p}-points`} label="Points" error={e?.points?.message}>
                      <input
                        {...control(`${p}-points`, e?.points?.message)}
                        type="number"
                        inputMode="numeric"
                        step={1}
                        min={MIN_POINTS}
                        max={MAX_POINTS}
                        {...form.register(`levels.${i}.points`, { valueAsNumber: true })}
                      />
                    </Field>
                  </div>
                  <Field id={`${p}-colour`} label="Colour" hint="Shown beside the level's name, never alone." error={e?.colour?.message}>
                    <div className="flex items-center gap-2">
                      <input
                        type="color"
                        aria-label={`Colour picker for level ${i + 1}`}
                        className="h-10 w-12 shrink-0 cursor-pointer rounded border border-slate-300 bg-white"
                        value={HEX.test(colour) ? colour.toLowerCase() : "#000000"}
                        onChange={(ev) => form.setValue(`levels.${i}.colour`, ev.target.value, { shouldDirty: true, shouldValidate: true })}
                      />
                      <input
                        {...control(`${p}-colour`, e?.colour?.message, true)}
                        spellCheck={false}
                        autoComplete="off"
                        {...form.register(`levels.${i}.colour`)}
                      />
                    </div>
                  </Field>
                  <Field id={`${p}-description`} label="Description (optional)" error={e?.description?.message}>
                    <input {...control(`${p}-description`, e?.description?.message)} {...form.register(`levels.${i}.description`)} />
                  </Field>
                  <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                    <label className="inline-flex items-center gap-2">
                      <input type="checkbox" className="size-4" {...form.register(`levels.${i}.proficient`)} />
                      Counts as proficient
                    </label>
                    <label className="inline-flex items-center gap-2">
                      <input
                        type="radio"
                        name="defaultLevel"
                        className="size-4"
                        checked={Boolean(level?.isDefault)}
                        onChange={() => setDefault(i)}
                      />
                      Default level
                    </label>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Button id={`${p}-up`} type="button" variant="secondary" disabled={i === 0} onClick={() => moveLevel(i, i - 1)}>
                      Move up<span className="sr-only"> level {i + 1}</span>
                    </Button>
                    <Button
                      id={`${p}-down`}
                      type="button"
                      variant="secondary"
                      disabled={i === levels.fields.length - 1}
                      onClick={() => moveLevel(i, i + 1)}
                    >
                      Move down<span className="sr-only"> level {i + 1}</span>
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      disabled={levels.fields.length === 1 || used > 0}
                      onClick={() => removeLevel(i)}
                      aria-describedby={used ? `${p}-used` : undefined}
                    >
                      Remove<span className="sr-only"> level {i + 1}</span>
                    </Button>
                    {used ? (
                      <span id={`${p}-used`} className="text-xs text-slate-600">
                        Used by {ratingsInWords(used)}: it can be renamed but not removed.
                      </span>
                    ) : null}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          id="add-level"
          type="button"
          variant="secondary"
          disabled={levels.fields.length >= MAX_LEVELS}
          onClick={() => {
            const top = Math.max(-1, ...values.map((l) => (Number.isFinite(l.points) ? l.points : 0)));
            levels.append({ ...NEW_LEVEL, points: Math.min(MAX_POINTS, top + 1) }, { focusName: `levels.${levels.fields.length}.name` });
          }}
        >
          Add a level
        </Button>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : editing ? "Save scale" : "Create scale"}
      </Button>
    </form>
  );
}
