"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PlanForm } from "@/components/plans/plan-form";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { ProposeChangeInput } from "@/lib/plans/change-policy";
import type { PlanFormInput } from "@/lib/plans/schemas";
import type { PickerContext } from "@/lib/standards/queries";

// Its own module, apart from the plan page's proposal panel, so the plan page does not carry the
// whole plan form.

/** The propose page: the plan form filled with the current plan, and a note to the teacher. */
export function ProposeForm({
  plan,
  picker,
  initial,
  action,
}: {
  plan: { id: string; version: number };
  picker: PickerContext;
  initial: PlanFormInput;
  action: ServerAction<ProposeChangeInput, { id: string }>;
}) {
  const t = useTranslations("plans.proposal");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      <Field id="proposal-note" label={t("noteToTeacher")} hint={t("noteToTeacherHint")} error={noteError ?? undefined}>
        <textarea
          id="proposal-note"
          rows={3}
          className={inputClass}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...describedBy("proposal-note", { hint: true, error: noteError ?? undefined })}
        />
      </Field>
      <PlanForm
        picker={picker}
        initial={initial}
        plan={plan}
        submit={{
          label: t("send"),
          note: t("sendNote"),
          href: `/plans/${plan.id}#proposed-change`,
        }}
        update={async (input) => {
          // Fetched when sent, not with the page: the schema module brings zod (issue 12). If it
          // cannot be fetched (offline for a moment), the note goes as typed and the server checks it.
          const schema = await import("@/lib/plans/change-policy").then(
            (m) => m.changeNoteSchema,
            () => null,
          );
          const checked = schema?.safeParse(note);
          setNoteError(checked && !checked.success ? (checked.error.issues[0]?.message ?? null) : null);
          const result = await action({ ...input, note: checked?.success ? checked.data : note });
          if (!result.ok && result.fieldErrors?.note) setNoteError(result.fieldErrors.note[0] ?? null);
          return result.ok ? { ok: true, data: { version: input.version } } : result;
        }}
      />
    </div>
  );
}
