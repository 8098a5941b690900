"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { EvaluationFormInput } from "@/lib/agreements/work-schemas";
import type { ServerAction } from "@/lib/errors";
import { formatDay } from "@/lib/dates";

type Values = EvaluationFormInput;

const resolver = lazyZodResolver<Values>(() => import("@/lib/agreements/work-schemas").then((m) => m.evaluationFormSchema));

type Props = {
  planId: string;
  /** The latest day a return to the classroom may be set for (five school days ahead). */
  returnHint: string;
  action: ServerAction<{ planId: string; evaluation: Values }, { id: string }>;
};

/** The teacher's dated evaluation: continue with changes, or return to the classroom on a date. */
export function EvaluationForm({ planId, returnHint, action }: Props) {
  const t = useTranslations("agreements.work");
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({
    resolver,
    defaultValues: { outcome: undefined as unknown as Values["outcome"], notes: "", returnOn: "" },
  });
  const server = useServerErrors(form, { pathPrefix: "evaluation." });
  const [done, setDone] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const outcome = useWatch({ control: form.control, name: "outcome" });

  const onSubmit = form.handleSubmit(async (values) => {
    const evaluation = { ...values, returnOn: values.outcome === "RETURN_TO_CLASSROOM" ? values.returnOn : "" };
    const result = await action({ planId, evaluation });
    if (!server.apply(result)) return;
    setDone(
      values.outcome === "RETURN_TO_CLASSROOM"
        ? t("evaluate.doneReturn", { date: locale === "en" ? evaluation.returnOn : formatDay(evaluation.returnOn, locale) })
        : t("evaluate.doneContinue"),
    );
    router.refresh();
  });

  if (done) return <FocusedStatus>{done}</FocusedStatus>;
  const outcomeError = errors.outcome?.message;
  const notesError = errors.notes?.message;
  const returnError = errors.returnOn?.message;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4">
      <FormError message={server.error} />
      <fieldset className="space-y-2" aria-describedby={outcomeError ? "evaluation-outcome-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("evaluate.outcome")}</legend>
        {(["CONTINUE_WITH_CHANGES", "RETURN_TO_CLASSROOM"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" value={value} className="size-4" {...form.register("outcome")} />
            {t(`outcome.${value}`)}
          </label>
        ))}
        {outcomeError ? (
          <p id="evaluation-outcome-error" role="alert" className="text-sm text-rose-700">
            {outcomeError}
          </p>
        ) : null}
      </fieldset>
      <Field id="evaluation-notes" label={t("evaluate.notes")} hint={t("evaluate.notesHint")} error={notesError}>
        <textarea
          id="evaluation-notes"
          rows={4}
          className={inputClass}
          {...describedBy("evaluation-notes", { error: notesError, hint: true })}
          {...form.register("notes")}
        />
      </Field>
      {outcome === "RETURN_TO_CLASSROOM" ? (
        <Field id="evaluation-returnOn" label={t("evaluate.returnOn")} hint={returnHint} error={returnError}>
          <input
            id="evaluation-returnOn"
            type="date"
            className={`${inputClass} max-w-xs`}
            {...describedBy("evaluation-returnOn", { error: returnError, hint: true })}
            {...form.register("returnOn")}
          />
        </Field>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("evaluate.recording") : t("evaluate.button")}
      </Button>
    </form>
  );
}
