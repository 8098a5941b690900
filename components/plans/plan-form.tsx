"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { ProfileSuggestions } from "@/components/profiles/profile-suggestions";
import { StandardPicker } from "@/components/standards/standard-picker";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass, useMessageText } from "@/components/ui/field";
import { useIdempotencyKey } from "@/components/use-idempotency-key";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { PLAN_TYPES, SUBJECTS } from "@/lib/plans/labels";
import { EMPTY_GOAL } from "@/lib/plans/blanks";
import type { PlanFormInput } from "@/lib/plans/schemas";
import type { PlanSuggestions } from "@/lib/profiles/udl";
import type { PickerContext } from "@/lib/standards/queries";
import { GoalActivities } from "./activity-fields";
import { ConflictMerge } from "./conflict-merge";

const resolver = lazyZodResolver<PlanFormInput>(() => import("@/lib/plans/schemas").then((m) => m.planFormSchema));

type Props = {
  /** Where the goals' standard pickers search, and the standards the goals already link. */
  picker: PickerContext;
  initial: PlanFormInput;
  /** From the student's learner profile: settings for activities, ideas for showing mastery. */
  suggestions?: PlanSuggestions & { heading: string };
  /** A different submit (proposing a change to an active plan): its button, the line beside it, where to go after. */
  submit?: { label: string; note: string; href: string };
} & (
  | { plan?: undefined; create: ServerAction<PlanFormInput, { id: string }> }
  /** Editing an existing plan. */
  | {
      plan: { id: string; version: number };
      update: ServerAction<{ planId: string; version: number; plan: PlanFormInput }, { version: number }>;
    }
);

export function PlanForm(props: Props) {
  const { picker, initial, plan, suggestions } = props;
  const t = useTranslations("plans");
  const router = useRouter();
  // onBlur, not onTouched: in other modes react-hook-form validates a whole field array after
  // each add, so a new goal or activity would show errors before anything was typed.
  const form = useForm<PlanFormInput>({ resolver, defaultValues: initial, mode: "onBlur" });
  const goals = useFieldArray({ control: form.control, name: "goals", keyName: "key" });
  const { errors, isSubmitting } = form.formState;
  const server = useServerErrors(form, { pathPrefix: plan ? "plan." : "" });
  // Someone else saved first: what this editor had, for the merge view (components/plans/conflict-merge.tsx).
  const [conflict, setConflict] = useState<PlanFormInput | null>(null);
  // Creating: a retry after a lost answer returns the plan the first attempt made.
  const idempotency = useIdempotencyKey();

  const onSubmit = form.handleSubmit(async (values) => {
    let planId: string;
    if (props.plan) {
      const result = await props.update({ planId: props.plan.id, version: props.plan.version, plan: values });
      if (!server.apply(result)) {
        if (!result.ok && result.code === "CONFLICT" && !props.submit) {
          setConflict(values);
          server.setError(null);
        }
        return;
      }
      planId = props.plan.id;
    } else {
      const result = await props.create({ ...values, idempotencyKey: idempotency.key });
      if (!server.apply(result) || !result.ok) return;
      idempotency.renew();
      planId = result.data.id;
    }
    router.push(props.submit?.href ?? `/plans/${planId}`);
    router.refresh();
  });

  const text = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });
  const goalsError = useMessageText(errors.goals?.message ?? errors.goals?.root?.message);

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-8">
      <FormError message={server.error} />
      {conflict && props.plan ? (
        <ConflictMerge planId={props.plan.id} base={initial} mine={conflict} update={props.update} onCancel={() => setConflict(null)} />
      ) : null}
      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">{t("form.about")}</legend>
        <Field id="title" label={t("form.title")} error={errors.title?.message}>
          <input {...text("title", errors.title?.message)} {...form.register("title")} />
        </Field>
        <Field id="type" label={t("form.type")} error={errors.type?.message}>
          <select {...text("type", errors.type?.message)} {...form.register("type")}>
            {PLAN_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="summary" label={t("form.summary")} hint={t("form.summaryHint")} error={errors.summary?.message}>
          <textarea rows={3} {...text("summary", errors.summary?.message, true)} {...form.register("summary")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="startsOn" label={t("form.startsOn")} error={errors.startsOn?.message}>
            <input type="date" {...text("startsOn", errors.startsOn?.message)} {...form.register("startsOn", { deps: ["endsOn"] })} />
          </Field>
          <Field id="endsOn" label={t("form.endsOn")} error={errors.endsOn?.message}>
            <input type="date" {...text("endsOn", errors.endsOn?.message)} {...form.register("endsOn")} />
          </Field>
        </div>
      </fieldset>

      <div className="space-y-4">
        <div>
          <h2>{t("form.goals")}</h2>
          <p className="text-sm text-slate-700">{t("form.goalsIntro")}</p>
        </div>
        {goalsError ? (
          <p role="alert" className="text-sm text-rose-700">
            {goalsError}
          </p>
        ) : null}
        {goals.fields.map((goal, i) => {
          const e = errors.goals?.[i];
          const id = (name: string) => `goals-${i}-${name}`;
          return (
            <fieldset key={goal.key} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <legend className="px-1 font-semibold">{t("form.goalNumber", { number: i + 1 })}</legend>
              <div className="grid gap-4 sm:grid-cols-3">
                <Field id={id("subject")} label={t("form.subject")} error={e?.subject?.message}>
                  <select {...text(id("subject"), e?.subject?.message)} {...form.register(`goals.${i}.subject`)}>
                    {SUBJECTS.map((s) => (
                      <option key={s} value={s}>
                        {t(`subject.${s}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="sm:col-span-2">
                  <Field id={id("title")} label={t("form.goal")} error={e?.title?.message}>
                    <input {...text(id("title"), e?.title?.message)} {...form.register(`goals.${i}.title`)} />
                  </Field>
                </div>
              </div>
              <Field
                id={id("successCriteria")}
                label={t("goal.successCriteria")}
                hint={t("form.successCriteriaHint")}
                error={e?.successCriteria?.message}
              >
                <textarea
                  rows={2}
                  {...text(id("successCriteria"), e?.successCriteria?.message, true)}
                  {...form.register(`goals.${i}.successCriteria`)}
                />
              </Field>
              <Field
                id={id("masteryDemonstration")}
                label={t("goal.masteryDemonstration")}
                hint={t("form.masteryHint")}
                error={e?.masteryDemonstration?.message}
              >
                <textarea
                  rows={2}
                  {...text(id("masteryDemonstration"), e?.masteryDemonstration?.message, true)}
                  {...form.register(`goals.${i}.masteryDemonstration`)}
                />
              </Field>
              <ProfileSuggestions
                heading={suggestions?.heading ?? ""}
                items={(suggestions?.mastery ?? []).map((idea) => ({ value: idea, label: idea }))}
                target={t("form.masteryTarget", { number: i + 1 })}
                onPick={(idea) => {
                  // Added to what is there, never replacing what was typed.
                  const typed = form.getValues(`goals.${i}.masteryDemonstration`).trim();
                  form.setValue(`goals.${i}.masteryDemonstration`, typed ? `${typed}\n${idea}` : idea, {
                    shouldDirty: true,
                    shouldValidate: true,
                  });
                }}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <Field id={id("targetDate")} label={t("form.targetDate")} error={e?.targetDate?.message}>
                  <input type="date" {...text(id("targetDate"), e?.targetDate?.message)} {...form.register(`goals.${i}.targetDate`)} />
                </Field>
              </div>
              <Controller
                control={form.control}
                name={`goals.${i}.standardIds`}
                // A stored goal that came without the field still submits a list.
                defaultValue={[]}
                render={({ field }) => (
                  <StandardPicker
                    id={id("standardIds")}
                    owner={t("form.goalOwner", { number: i + 1 })}
                    context={picker}
                    value={field.value}
                    onChange={field.onChange}
                    error={e?.standardIds?.message}
                  />
                )}
              />
              <GoalActivities form={form} goal={i} settings={suggestions?.settings} suggestionHeading={suggestions?.heading} />
              {goals.fields.length > 1 ? (
                <Button type="button" variant="ghost" onClick={() => goals.remove(i)}>
                  {t("form.removeGoal", { number: i + 1 })}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        <Button type="button" variant="secondary" onClick={() => goals.append({ ...EMPTY_GOAL })}>
          {t("form.addGoal")}
        </Button>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("form.saving") : (props.submit?.label ?? (plan ? t("form.saveChanges") : t("form.saveDraft")))}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          {t("form.cancel")}
        </Button>
        <p className="text-sm text-slate-600">{props.submit?.note ?? t("form.saveNote")}</p>
      </div>
    </form>
  );
}
