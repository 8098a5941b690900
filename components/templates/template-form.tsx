"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { StandardPicker } from "@/components/standards/standard-picker";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass, useMessageText } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { PLAN_TYPES, SUBJECTS } from "@/lib/plans/labels";
import { EMPTY_TEMPLATE_GOAL } from "@/lib/templates/blanks";
import type { TemplateFormInput, TemplateUpdateInput } from "@/lib/templates/schemas";
import type { PickerContext } from "@/lib/standards/queries";
import { ActivityFields } from "./activity-fields";

const resolver = lazyZodResolver<TemplateFormInput>(() => import("@/lib/templates/schemas").then((m) => m.templateFormSchema));

type Props = {
  /** Where the goals' standard pickers search, and the standards the goals already link. */
  picker: PickerContext;
  initial: TemplateFormInput;
} & (
  | { template?: undefined; create: ServerAction<TemplateFormInput, { id: string }> }
  | {
      template: { id: string; version: number };
      update: ServerAction<TemplateUpdateInput, { version: number; updated: number; leftAsTheyAre: number }>;
    }
);

/** A template's name, kind, description and goals with suggested activities: a plan form without dates or a student. */
export function TemplateForm(props: Props) {
  const { picker, initial, template } = props;
  const t = useTranslations("templates.form");
  const p = useTranslations("plans");
  const router = useRouter();
  const form = useForm<TemplateFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const goals = useFieldArray({ control: form.control, name: "goals", keyName: "key" });
  const { errors, isSubmitting } = form.formState;
  const server = useServerErrors(form, { pathPrefix: template ? "template." : "" });

  const onSubmit = form.handleSubmit(async (values) => {
    if (props.template) {
      const result = await props.update({ templateId: props.template.id, version: props.template.version, template: values });
      if (!server.apply(result) || !result.ok) return;
      const { updated, leftAsTheyAre } = result.data;
      router.push(`/templates/${props.template.id}?updated=${updated}&kept=${leftAsTheyAre}`);
    } else {
      const result = await props.create(values);
      if (!server.apply(result) || !result.ok) return;
      router.push(`/templates/${result.data.id}?saved=1`);
    }
    router.refresh();
  });

  const text = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });
  const goalsError = useMessageText(errors.goals?.message ?? errors.goals?.root?.message);

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-8">
      <FormError message={server.error} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">{t("about")}</legend>
        <Field id="name" label={t("name")} hint={t("nameHint")} error={errors.name?.message}>
          <input {...text("name", errors.name?.message, true)} {...form.register("name")} />
        </Field>
        <Field id="type" label={p("form.type")} error={errors.type?.message}>
          <select {...text("type", errors.type?.message)} {...form.register("type")}>
            {PLAN_TYPES.map((type) => (
              <option key={type} value={type}>
                {p(`type.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="description" label={t("description")} hint={t("descriptionHint")} error={errors.description?.message}>
          <textarea rows={3} {...text("description", errors.description?.message, true)} {...form.register("description")} />
        </Field>
      </fieldset>

      <div className="space-y-4">
        <div>
          <h2>{p("form.goals")}</h2>
          <p className="text-sm text-slate-700">{t("goalsIntro")}</p>
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
              <legend className="px-1 font-semibold">{p("form.goalNumber", { number: i + 1 })}</legend>
              <div className="grid gap-4 sm:grid-cols-3">
                <Field id={id("subject")} label={p("form.subject")} error={e?.subject?.message}>
                  <select {...text(id("subject"), e?.subject?.message)} {...form.register(`goals.${i}.subject`)}>
                    {SUBJECTS.map((s) => (
                      <option key={s} value={s}>
                        {p(`subject.${s}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="sm:col-span-2">
                  <Field id={id("title")} label={p("form.goal")} error={e?.title?.message}>
                    <input {...text(id("title"), e?.title?.message)} {...form.register(`goals.${i}.title`)} />
                  </Field>
                </div>
              </div>
              <Field id={id("successCriteria")} label={p("goal.successCriteria")} error={e?.successCriteria?.message}>
                <textarea
                  rows={2}
                  {...text(id("successCriteria"), e?.successCriteria?.message)}
                  {...form.register(`goals.${i}.successCriteria`)}
                />
              </Field>
              <Field id={id("masteryDemonstration")} label={p("goal.masteryDemonstration")} error={e?.masteryDemonstration?.message}>
                <textarea
                  rows={2}
                  {...text(id("masteryDemonstration"), e?.masteryDemonstration?.message)}
                  {...form.register(`goals.${i}.masteryDemonstration`)}
                />
              </Field>
              <Controller
                control={form.control}
                name={`goals.${i}.standardIds`}
                // A stored goal that came without the field still submits a list.
                defaultValue={[]}
                render={({ field }) => (
                  <StandardPicker
                    id={id("standardIds")}
                    owner={p("form.goalOwner", { number: i + 1 })}
                    context={picker}
                    value={field.value}
                    onChange={field.onChange}
                    error={e?.standardIds?.message}
                  />
                )}
              />
              <ActivityFields goalIndex={i} control={form.control} register={form.register} errors={errors.goals} />
              {goals.fields.length > 1 ? (
                <Button type="button" variant="ghost" onClick={() => goals.remove(i)}>
                  {p("form.removeGoal", { number: i + 1 })}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        <Button type="button" variant="secondary" onClick={() => goals.append({ ...EMPTY_TEMPLATE_GOAL })}>
          {p("form.addGoal")}
        </Button>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? p("form.saving") : template ? p("form.saveChanges") : t("save")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          {p("form.cancel")}
        </Button>
        {template ? <p className="text-sm text-slate-600">{t("editNote")}</p> : null}
      </div>
    </form>
  );
}
