"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button, type Variant } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";
import type { DeletePlanInput } from "@/lib/plans/lifecycle-schemas";
import type { TransitionInput, TransitionName } from "@/lib/plans/schemas";
import { DeleteDraft } from "./delete-draft";

// The schema (and zod with it) is fetched when the panel is first focused or used, not with the
// page (issue 12: first-load budget).
const loadSchema = () => import("@/lib/plans/schemas").then((m) => m.transitionSchema);
const preload = () => void loadSchema().catch(() => undefined);

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
/** Transitions that need a note (the hint names them). */
const NOTE_NEEDED = ["requestChanges", "sendBack", "reopen"] as const satisfies readonly TransitionName[];
type NoteNeeded = (typeof NOTE_NEEDED)[number];
const needsNoteFor = (name: TransitionName): name is NoteNeeded => (NOTE_NEEDED as readonly TransitionName[]).includes(name);

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
  const t = useTranslations("plans.transition");
  const router = useRouter();
  // One field: plain state, not react-hook-form, which would be in the plan page's first load
  // only for this (issue 12). The schema still checks it before it is sent.
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const noteField = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(transition: TransitionName) {
    setNoteError(undefined);
    setError(null);
    setDone(null);
    const input = { planId, version, transition, note };
    setBusy(true);
    // If the schema cannot be fetched (offline for a moment), the server checks the same one.
    const parsed = await loadSchema().then(
      (schema) => schema.safeParse(input),
      () => null,
    );
    if (parsed && !parsed.success) {
      setBusy(false);
      const issue = parsed.error.issues.find((i) => i.path.join(".") === "note");
      if (issue) setNoteError(issue.message);
      noteField.current?.focus();
      return;
    }
    const result = await action(parsed ? parsed.data : input);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      if (result.fieldErrors?.note) setNoteError(result.fieldErrors.note[0]);
      return;
    }
    setNote("");
    setDone((d) => ({ message: t(`done.${transition}`), n: (d?.n ?? 0) + 1 }));
    router.refresh();
  }

  if (transitions.length === 0 && !deleteDraft && !done) return null;
  const needsNote = transitions.filter(needsNoteFor).map((name) => t(`noteNeeded.${name}`));
  const teacher = needsNote.length > 0 || transitions.includes("approve");
  return (
    <div className="space-y-3" onFocus={preload}>
      {done ? <FocusedStatus key={done.n}>{done.message}</FocusedStatus> : null}
      <FormError message={error} />
      {transitions.length ? (
        <>
          <Field
            id="transition-note"
            label={teacher ? t("noteToStudent") : t("noteOptional")}
            hint={needsNote.length ? t("noteRequiredHint", { actions: needsNote.join(t("or")) }) : t("noteHint")}
            error={noteError}
          >
            <textarea
              id="transition-note"
              rows={3}
              className={inputClass}
              ref={noteField}
              name="note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              {...describedBy("transition-note", { hint: true, error: noteError })}
            />
          </Field>
          <div className="flex flex-wrap gap-2">
            {transitions.map((name) => (
              <Button key={name} type="button" variant={VARIANT[name]} disabled={busy} onClick={() => run(name)}>
                {t(`label.${name}`)}
              </Button>
            ))}
          </div>
        </>
      ) : null}
      {deleteDraft ? <DeleteDraft planId={planId} version={version} title={deleteDraft.title} action={deleteDraft.action} /> : null}
    </div>
  );
}
