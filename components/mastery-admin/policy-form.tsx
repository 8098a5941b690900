"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldError, type Resolver } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { DEFAULT_TIMES, DEFAULT_WEIGHT, describeMethod, METHOD_KINDS, METHOD_LABEL, type MethodKind } from "@/lib/mastery/method-kinds";
import type { PolicyFormInput, RemovePolicyInput } from "@/lib/mastery/policy-schemas";
import { lazyZodResolver } from "@/components/lazy-resolver";

const policyResolver = lazyZodResolver(() => import("@/lib/mastery/policy-schemas").then((m) => m.policyFormSchema));

/** The form's values: every method's number kept while the admin tries methods; the schema keeps the chosen one's. */
type Values = Omit<PolicyFormInput, "method"> & { method: { kind: MethodKind; weight: number; n: number } };

const PARAMETER: Partial<Record<MethodKind, { field: "weight" | "n"; label: string; min: number; max: number; hint: string }>> = {
  WEIGHTED_AVERAGE: { field: "weight", label: "Weight of the latest rating (%)", min: 1, max: 99, hint: "A whole number from 1 to 99." },
  DECAYING_AVERAGE: {
    field: "weight",
    label: "Weight of each new rating (%)",
    min: 50,
    max: 99,
    hint: "A whole number from 50 to 99: newer ratings count more than older ones.",
  },
  N_TIMES: { field: "n", label: "Number of times (n)", min: 1, max: 10, hint: "A whole number from 1 to 10." },
};

/** How mastery is calculated for the district, a school or a framework: the scale and the method. */
export function PolicyForm({
  initial,
  scales,
  where,
  policyId,
  save,
  remove,
}: {
  initial: Values;
  scales: { id: string; name: string }[];
  /** "Riverside Elementary School", "the district", … for messages. */
  where: string;
  /** The organization's or framework's own policy, which can be removed (not the district's). */
  policyId?: string;
  save: ServerAction<PolicyFormInput, { id: string; version: number; recomputeTotal: number }>;
  remove?: ServerAction<RemovePolicyInput, { fallbackId: string }>;
}) {
  const router = useRouter();
  const form = useForm<Values>({
    resolver: policyResolver as unknown as Resolver<Values>,
    defaultValues: initial,
    mode: "onTouched",
  });
  const server = useServerErrors(form);
  const [removing, setRemoving] = useState(false);
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "method.kind" });
  const parameter = PARAMETER[kind];
  const methodErrors = errors.method as { kind?: FieldError; weight?: FieldError; n?: FieldError } | undefined;
  const parameterError = parameter ? methodErrors?.[parameter.field]?.message : undefined;

  const done = (what: string) => router.push(`/admin/mastery?done=${what}&where=${encodeURIComponent(where)}#policies`);
  const onSubmit = form.handleSubmit(async (v) => {
    const result = await save(v);
    if (!server.apply(result)) return;
    done("policy");
  });
  async function onRemove() {
    if (!remove || !policyId || initial.version === undefined) return;
    setRemoving(true);
    const result = await remove({ policyId, version: initial.version });
    setRemoving(false);
    if (!server.apply(result)) return;
    done("policy-removed");
  }

  return (
    <form
      onSubmit={onSubmit}
      onFocus={policyResolver.preload}
      noValidate
      className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <FormError message={server.error} />
      <Field id="scaleId" label="Scale" hint="The levels teachers rate on and mastery is shown in." error={errors.scaleId?.message}>
        <select
          id="scaleId"
          className={inputClass}
          {...describedBy("scaleId", { hint: true, error: errors.scaleId?.message })}
          {...form.register("scaleId")}
        >
          <option value="">Choose…</option>
          {scales.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-2" aria-describedby={methodErrors?.kind ? "method-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Calculation method</legend>
        {METHOD_KINDS.map((k) => (
          <label key={k} className="flex items-start gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-indigo-600">
            <input
              type="radio"
              value={k}
              className="mt-0.5 size-4 shrink-0"
              {...form.register("method.kind")}
              aria-describedby={`method-${k}-text`}
            />
            <span>
              <span className="block font-medium text-slate-900">{METHOD_LABEL[k]}</span>
              <span id={`method-${k}-text`} className="block text-slate-700">
                {describeMethod(
                  k === "WEIGHTED_AVERAGE" || k === "DECAYING_AVERAGE"
                    ? { kind: k, weight: DEFAULT_WEIGHT }
                    : k === "N_TIMES"
                      ? { kind: k, n: DEFAULT_TIMES }
                      : { kind: k },
                )}
              </span>
            </span>
          </label>
        ))}
        {methodErrors?.kind ? (
          <p id="method-error" className="text-sm text-rose-700" role="alert">
            {methodErrors.kind.message}
          </p>
        ) : null}
      </fieldset>
      {parameter ? (
        <Field id={`method-${parameter.field}`} label={parameter.label} hint={parameter.hint} error={parameterError}>
          <input
            id={`method-${parameter.field}`}
            type="number"
            inputMode="numeric"
            step={1}
            min={parameter.min}
            max={parameter.max}
            className={`${inputClass} max-w-32`}
            {...describedBy(`method-${parameter.field}`, { hint: true, error: parameterError })}
            {...form.register(`method.${parameter.field}`, { valueAsNumber: true })}
          />
        </Field>
      ) : null}
      <p className="text-sm text-slate-700">Saving recomputes every level this policy decides, in the background.</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting || removing}>
          {isSubmitting ? "Saving…" : "Save policy"}
        </Button>
        {remove && policyId ? (
          <Button type="button" variant="secondary" disabled={isSubmitting || removing} onClick={onRemove}>
            {removing ? "Removing…" : "Use the district's policy instead"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
