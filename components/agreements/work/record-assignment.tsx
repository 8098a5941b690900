"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";

type Input = { planId: string; assignmentId: string; outcome: "COMPLETED" | "MISSED"; timeValueMinutes: number | null };

type Props = {
  planId: string;
  assignment: { id: string; title: string; status: string };
  action: ServerAction<Input, { evaluationDue: boolean }>;
};

/**
 * The teacher's "Record": completed, with the time value of the work in minutes as they judge
 * it, or missed. Kept mounted after the page refreshes so the confirmation stays where focus went.
 */
export function RecordAssignment({ planId, assignment, action }: Props) {
  const t = useTranslations("agreements.work");
  const router = useRouter();
  const id = useId();
  const [outcome, setOutcome] = useState<Input["outcome"] | "">("");
  const [minutes, setMinutes] = useState("");
  const [errors, setErrors] = useState<{ form?: string; outcome?: string; minutes?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (done) return <FocusedStatus>{done}</FocusedStatus>;
  if (assignment.status !== "ASSIGNED" && assignment.status !== "SUBMITTED") return null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!outcome) return setErrors({ outcome: t("record.chooseOutcome") });
    const value = minutes.trim() === "" ? null : Number(minutes);
    if (outcome === "COMPLETED" && (value === null || !Number.isInteger(value) || value < 0)) {
      return setErrors({ minutes: t("record.enterMinutes") });
    }
    setPending(true);
    const result = await action({ planId, assignmentId: assignment.id, outcome, timeValueMinutes: outcome === "COMPLETED" ? value : null });
    setPending(false);
    if (!result.ok) {
      return setErrors({
        form: result.message,
        outcome: result.fieldErrors?.outcome?.[0],
        minutes: result.fieldErrors?.timeValueMinutes?.[0],
      });
    }
    setDone(
      outcome === "COMPLETED"
        ? t("record.doneCompleted", { title: assignment.title, minutes: value ?? 0 })
        : `${t("record.doneMissed", { title: assignment.title })}${result.data.evaluationDue ? t("record.evaluationDue") : ""}`,
    );
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="mt-2">
      <fieldset className="space-y-2" aria-describedby={errors.outcome ? `${id}-outcome-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("record.legend", { title: assignment.title })}</legend>
        <FormError message={errors.form} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {(
            [
              ["COMPLETED", t("status.COMPLETED")],
              ["MISSED", t("status.MISSED")],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-outcome`}
                value={value}
                className="size-4"
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              {label}
            </label>
          ))}
        </div>
        {errors.outcome ? (
          <p id={`${id}-outcome-error`} role="alert" className="text-sm text-rose-700">
            {errors.outcome}
          </p>
        ) : null}
        {outcome === "COMPLETED" ? (
          <div className="max-w-xs space-y-1">
            <label htmlFor={`${id}-minutes`} className="block text-sm font-medium text-slate-800">
              {t("record.minutes")}
            </label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="numeric"
              min={0}
              max={6000}
              className={inputClass}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              aria-invalid={errors.minutes ? true : undefined}
              aria-describedby={errors.minutes ? `${id}-minutes-error` : undefined}
            />
            {errors.minutes ? (
              <p id={`${id}-minutes-error`} role="alert" className="text-sm text-rose-700">
                {errors.minutes}
              </p>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("record.recording") : t("record.button")}
        </Button>
      </fieldset>
    </form>
  );
}
