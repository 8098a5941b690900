"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button, type Variant } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { fieldErrorsOf, type ServerAction } from "@/lib/errors";
import type { DeletePlanInput } from "@/lib/plans/lifecycle-schemas";
import { transitionSchema, type TransitionInput, type TransitionName } from "@/lib/plans/schemas";
import { DeleteDraft } from "./delete-draft";

const LABEL: Record<TransitionName, string> = {
  submit: "Submit for review",
  withdraw: "Withdraw submission",
  startReview: "Start review",
  requestChanges: "Request changes",
  approve: "Approve plan",
  sendBack: "Send back to draft",
  complete: "Mark completed",
  reopen: "Reopen plan",
  archive: "Archive",
};
const VARIANT: Record<TransitionName, Variant> = {
  submit: "primary",
  withdraw: "secondary",
  startReview: "secondary",
  requestChanges: "danger",
  approve: "primary",
  sendBack: "danger",
  complete: "secondary",
  reopen: "secondary",
  archive: "secondary",
};
/** What the panel says (and focuses) once the change is made. */
const DONE: Record<TransitionName, string> = {
  submit: "Submitted for review. Your teacher was told.",
  withdraw: "Submission withdrawn: the plan is a draft again and your teacher was told.",
  startReview: "Review started.",
  requestChanges: "Changes requested. The student was told.",
  approve: "Plan approved. The student and their family were told.",
  sendBack: "Sent back to draft. Evidence, ratings and comments stay; the student and their family were told why.",
  complete: "Marked completed.",
  reopen: "Plan reopened. The student and their family were told why.",
  archive: "Archived.",
};
/** Transitions that need a note, and how the hint names them. */
const NOTE_NEEDED: Partial<Record<TransitionName, string>> = {
  requestChanges: "request changes",
  sendBack: "send the plan back to draft",
  reopen: "reopen it",
};

/** The status changes this actor may make now, with an optional note; and deleting a draft, for its student. */
export function TransitionPanel({
  planId,
  version,
  transitions,
  action,
  deleteDraft,
}: {
  planId: string;
  version: number;
  transitions: TransitionName[];
  action: ServerAction<TransitionInput, unknown>;
  /** Given only when the actor may delete this plan. */
  deleteDraft?: { title: string; action: ServerAction<DeletePlanInput, { id: string }> };
}) {
  const router = useRouter();
  const form = useForm<{ note: string }>({ defaultValues: { note: "" } });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const noteError = form.formState.errors.note?.message;

  async function run(transition: TransitionName) {
    form.clearErrors();
    setError(null);
    setDone(null);
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
    setDone((d) => ({ message: DONE[transition], n: (d?.n ?? 0) + 1 }));
    router.refresh();
  }

  if (transitions.length === 0 && !deleteDraft && !done) return null;
  const needsNote = transitions.flatMap((t) => NOTE_NEEDED[t] ?? []);
  const teacher = needsNote.length > 0 || transitions.includes("approve");
  return (
    <div className="space-y-3">
      {done ? <FocusedStatus key={done.n}>{done.message}</FocusedStatus> : null}
      <FormError message={error} />
      {transitions.length ? (
        <>
          <Field
            id="transition-note"
            label={teacher ? "Note to the student" : "Note (optional)"}
            hint={
              needsNote.length
                ? `Required when you ${needsNote.join(" or ")}; shown to the student and on the timeline.`
                : "Shown on the plan's timeline."
            }
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
        </>
      ) : null}
      {deleteDraft ? <DeleteDraft planId={planId} version={version} title={deleteDraft.title} action={deleteDraft.action} /> : null}
    </div>
  );
}
