"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";

type Props = {
  planId: string;
  assignment: { id: string; title: string; status: string };
  /** The student's evidence on this plan, newest first. */
  evidence: { id: string; title: string }[];
  action: ServerAction<{ planId: string; assignmentId: string; evidenceId: string }, { id: string }>;
};

/**
 * The student's "Mark submitted", with evidence from their plan when they have it. Kept mounted
 * after the page refreshes so that the confirmation stays where focus went.
 */
export function SubmitAssignment({ planId, assignment, evidence, action }: Props) {
  const t = useTranslations("agreements.work.submit");
  const router = useRouter();
  const id = useId();
  const [evidenceId, setEvidenceId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (done) return <FocusedStatus>{done}</FocusedStatus>;
  if (assignment.status !== "ASSIGNED") return null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await action({ planId, assignmentId: assignment.id, evidenceId });
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?.evidenceId?.[0] ?? result.message);
      return;
    }
    setDone(t("done", { title: assignment.title }));
    router.refresh();
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="mt-2 flex flex-wrap items-end gap-2"
      aria-label={t("formLabel", { title: assignment.title })}
    >
      <FormError message={error} />
      {evidence.length ? (
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={`${id}-evidence`} className="block text-sm font-medium text-slate-800">
            {t("evidenceLabel", { title: assignment.title })}
          </label>
          <select id={`${id}-evidence`} className={inputClass} value={evidenceId} onChange={(e) => setEvidenceId(e.target.value)}>
            <option value="">{t("noEvidence")}</option>
            {evidence.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("marking") : t("button")}
      </Button>
    </form>
  );
}
