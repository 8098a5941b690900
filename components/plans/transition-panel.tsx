"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button, type Variant } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { fieldErrorsOf, type ServerAction } from "@/lib/errors";
import { transitionSchema, type TransitionInput, type TransitionName } from "@/lib/plans/schemas";

const LABEL: Record<TransitionName, string> = {
  submit: "Submit for review",
  startReview: "Start review",
  requestChanges: "Request changes",
  approve: "Approve plan",
  complete: "Mark completed",
  archive: "Archive",
};
const VARIANT: Record<TransitionName, Variant> = {
  submit: "primary",
  startReview: "secondary",
  requestChanges: "danger",
  approve: "primary",
  complete: "secondary",
  archive: "secondary",
};

/** The status changes this actor may make now, with an optional note. */
export function TransitionPanel({
  planId,
  version,
  transitions,
  action,
}: {
  planId: string;
  version: number;
  transitions: TransitionName[];
  action: ServerAction<TransitionInput, unknown>;
}) {
  const router = useRouter();
  const form = useForm<{ note: string }>({ defaultValues: { note: "" } });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteError = form.formState.errors.note?.message;

  async function run(transition: TransitionName) {
    form.clearErrors();
    setError(null);
    const input = { planId, version, transition, note: form.getValues("note") };
    const parsed = transitionSchema.safeParse(input);
    if (!parsed.success) {
      const errs = fieldErrorsOf(parsed.error);
      if (errs.note) form.setError("note", { message: errs.note[0] });
      form.setFocus("note");
      return;
    }
    setBusy(true);
    const result = await action(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      if (result.fieldErrors?.note) form.setError("note", { message: result.fieldErrors.note[0] });
      return;
    }
    form.reset({ note: "" });
    router.refresh();
  }

  if (transitions.length === 0) return null;
  const teacher = transitions.includes("approve") || transitions.includes("requestChanges");
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Field
        id="transition-note"
        label={teacher ? "Note to the student" : "Note (optional)"}
        hint={teacher ? "Required when you request changes; shown to the student and on the timeline." : "Shown on the plan's timeline."}
        error={noteError}
      >
        <textarea
          id="transition-note"
          rows={3}
          className={inputClass}
          {...describedBy("transition-note", { hint: true, error: noteError })}
          {...form.register("note")}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        {transitions.map((t) => (
          <Button key={t} type="button" variant={VARIANT[t]} disabled={busy} onClick={() => run(t)}>
            {LABEL[t]}
          </Button>
        ))}
      </div>
    </div>
  );
}
