"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import { CORE_SUBJECTS, GRADE_KEYS } from "@/lib/agreements/lists";
import type { StudyPolicyFormInput } from "@/lib/agreements/schemas";
import type { RemoveStudyPolicyInput } from "@/lib/agreements/settings-schemas";
import type { ServerAction } from "@/lib/errors";
import { SUBJECT_LABEL } from "@/lib/plans/labels";

const resolver = lazyZodResolver<StudyPolicyFormInput>(() => import("@/lib/agreements/schemas").then((m) => m.studyPolicyFormSchema));

const gradeName = (grade: string) => (grade === "K" ? "Kindergarten" : `Grade ${grade}`);

/** The board's policies (element 4 of every agreement) for the district or one school. */
export function StudyPolicyForm({
  initial,
  policyId,
  done,
  save,
  remove,
}: {
  initial: StudyPolicyFormInput;
  /** A school's own policy, which can be removed (never the district's). */
  policyId?: string;
  /** Where to go after saving or removing, with what happened. */
  done: { saved: string; removed: string };
  save: ServerAction<StudyPolicyFormInput, { id: string; version: number }>;
  remove?: ServerAction<RemoveStudyPolicyInput, { organizationId: string }>;
}) {
  const router = useRouter();
  const form = useForm<StudyPolicyFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const server = useServerErrors(form);
  const [removing, setRemoving] = useState(false);
  const { errors, isSubmitting } = form.formState;
  const busy = isSubmitting || removing;

  const onSubmit = form.handleSubmit(async (values) => {
    if (server.apply(await save(values))) router.push(done.saved);
  });
  async function onRemove() {
    if (!remove || !policyId || initial.version === undefined) return;
    setRemoving(true);
    const result = await remove({ policyId, version: initial.version });
    setRemoving(false);
    if (server.apply(result)) router.push(done.removed);
  }

  const daysErrors = errors.maxDaysToDue;
  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="max-w-3xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <FormError message={server.error} />
      <fieldset aria-describedby="maxDaysToDue-hint">
        <legend className="text-sm font-medium text-slate-800">Longest time from assigning work to its due date</legend>
        <p id="maxDaysToDue-hint" className="mb-2 text-xs text-slate-600">
          In school days, per grade: a whole number from 1 to 60.
        </p>
        <div className="grid grid-cols-3 gap-3 min-[420px]:grid-cols-4 sm:grid-cols-7">
          {GRADE_KEYS.map((grade, i) => {
            const id = `maxDaysToDue-${i}`;
            const error = daysErrors?.[i]?.message;
            return (
              <div key={grade} className="space-y-1">
                <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                  <span aria-hidden="true">{grade === "K" ? "K" : `Gr. ${grade}`}</span>
                  <span className="sr-only">{gradeName(grade)}</span>
                </label>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={60}
                  step={1}
                  className={inputClass}
                  {...describedBy(id, { error })}
                  {...form.register(`maxDaysToDue.${i}`, { valueAsNumber: true })}
                />
                {error ? (
                  <p id={`${id}-error`} className="text-xs text-rose-700" role="alert">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        {daysErrors?.message ? (
          <p className="mt-2 text-sm text-rose-700" role="alert">
            {daysErrors.message}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="missedAssignmentsLimit"
        label="Missed assignments allowed before an evaluation"
        hint="When a student misses this many, their teacher evaluates whether independent study still serves them."
        error={errors.missedAssignmentsLimit?.message}
      >
        <input
          id="missedAssignmentsLimit"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          step={1}
          className={`${inputClass} max-w-32`}
          {...describedBy("missedAssignmentsLimit", { hint: true, error: errors.missedAssignmentsLimit?.message })}
          {...form.register("missedAssignmentsLimit", { valueAsNumber: true })}
        />
      </Field>
      <Field
        id="satisfactoryProgress"
        label="Level of satisfactory progress"
        hint="What satisfactory progress means, as every agreement will state it."
        error={errors.satisfactoryProgress?.message}
      >
        <textarea
          id="satisfactoryProgress"
          rows={4}
          className={inputClass}
          {...describedBy("satisfactoryProgress", { hint: true, error: errors.satisfactoryProgress?.message })}
          {...form.register("satisfactoryProgress")}
        />
      </Field>
      <fieldset aria-describedby={`requiredSubjects-hint${errors.requiredSubjects ? " requiredSubjects-error" : ""}`}>
        <legend className="text-sm font-medium text-slate-800">Core subjects every agreement must cover</legend>
        <p id="requiredSubjects-hint" className="mb-2 text-xs text-slate-600">
          An agreement cannot be sent for signatures until it covers each subject ticked here.
        </p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {CORE_SUBJECTS.map((subject) => (
            <label key={subject} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" value={subject} className="size-4" {...form.register("requiredSubjects")} />
              {SUBJECT_LABEL[subject]}
            </label>
          ))}
        </div>
        {errors.requiredSubjects ? (
          <p id="requiredSubjects-error" className="mt-1 text-sm text-rose-700" role="alert">
            {errors.requiredSubjects.message}
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-slate-700">
        Agreements copy these policies when they are sent for signatures: a change here never alters an agreement already sent.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {isSubmitting ? "Saving…" : "Save policies"}
        </Button>
        {remove && policyId ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={onRemove}>
            {removing ? "Removing…" : "Use the district's policies instead"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
