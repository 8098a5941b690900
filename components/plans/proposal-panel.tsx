"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { RevisionDiff } from "@/components/plans/revision-diff";
import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Card } from "@/components/ui/layout";
import { formatTime } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import type { DecideChangeInput, WithdrawChangeInput } from "@/lib/plans/change-policy";
import type { PlanChanges } from "@/lib/plans/changes";

/**
 * The plan page's "Proposed change" panel: the student's way to propose a change to an
 * active plan, the waiting proposal with what it changes (the teacher approves or
 * declines it, the student may withdraw it), and the earlier proposals.
 */
export function ProposalPanel({
  changes,
  decide,
  withdraw,
}: {
  changes: PlanChanges;
  decide: ServerAction<DecideChangeInput, { status: "APPROVED" | "DECLINED" }>;
  withdraw: ServerAction<WithdrawChangeInput, { id: string }>;
}) {
  const t = useTranslations("plans.proposal");
  const locale = useLocale();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { pending, decided, allowed, planId } = changes;
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving from "Send the proposal" (or a notification) lands here: say where the reader is.
  useEffect(() => {
    if (window.location.hash === "#proposed-change") heading.current?.focus();
  }, []);
  if (!pending && !allowed.propose && decided.length === 0 && !done) return null;

  async function run(kind: "approve" | "decline" | "withdraw") {
    if (!pending) return;
    setError(null);
    setNoteError(null);
    if (kind === "decline" && !note.trim()) {
      setNoteError(t("declineNoteRequired"));
      document.getElementById("change-note")?.focus();
      return;
    }
    setBusy(true);
    const result =
      kind === "withdraw"
        ? await withdraw({ planId, changeId: pending.id })
        : await decide({ planId, changeId: pending.id, decision: kind, note });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      if (result.fieldErrors?.note) setNoteError(result.fieldErrors.note[0] ?? null);
      return;
    }
    setNote("");
    setDone(kind === "approve" ? t("done.approve") : kind === "decline" ? t("done.decline") : t("done.withdraw"));
    router.refresh();
  }

  return (
    <Card id="proposed-change" aria-labelledby="proposed-change-heading">
      <h2 id="proposed-change-heading" ref={heading} tabIndex={-1} className="mb-3">
        {t("heading")}
      </h2>
      {done ? <FocusedStatus className="mb-3">{done}</FocusedStatus> : null}
      {allowed.propose ? (
        <div className="mb-3 space-y-2 text-sm">
          <p>{t("intro")}</p>
          <ButtonLink href={`/plans/${planId}/propose`} variant="secondary">
            {t("propose")}
          </ButtonLink>
        </div>
      ) : null}
      {pending ? (
        <div className="space-y-4">
          <p className="text-sm">
            {t.rich("pending", {
              name: pending.proposedBy,
              when: formatTime(pending.createdAt, locale),
              strong: (chunks) => <span className="font-medium">{chunks}</span>,
            })}
          </p>
          {pending.note ? <p className="rounded-md bg-slate-50 p-3 text-sm whitespace-pre-line">{pending.note}</p> : null}
          {pending.stale ? <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">{t("stale")}</p> : null}
          <RevisionDiff diff={pending.diff} standards={pending.standards} labels={[t("planNow"), t("proposed")]} />
          <FormError message={error} />
          {allowed.decide ? (
            <div className="space-y-3">
              <Field id="change-note" label={t("noteToStudent")} hint={t("noteHint")} error={noteError ?? undefined}>
                <textarea
                  id="change-note"
                  rows={3}
                  className={inputClass}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  {...describedBy("change-note", { hint: true, error: noteError ?? undefined })}
                />
              </Field>
              <div className="flex flex-wrap gap-2">
                <Button type="button" disabled={busy || pending.stale} onClick={() => void run("approve")}>
                  {t("approve")}
                </Button>
                <Button type="button" variant="danger" disabled={busy} onClick={() => void run("decline")}>
                  {t("decline")}
                </Button>
              </div>
            </div>
          ) : null}
          {pending.withdraw ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void run("withdraw")}>
              {t("withdraw")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {decided.length ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium">{t("earlier", { count: decided.length })}</summary>
          <ul className="mt-2 space-y-2">
            {decided.map((c) => (
              <li key={c.id}>
                <p>
                  {t("proposedOn", { name: c.proposedBy, when: formatTime(c.createdAt, locale) })} ·{" "}
                  <span className="font-medium">{t(`decided.${c.status}`)}</span>
                  {c.status !== "WITHDRAWN" && c.decidedAt
                    ? ` ${t("decidedBy", { name: c.decidedBy ?? "", when: formatTime(c.decidedAt, locale) })}`
                    : ""}
                </p>
                {c.note ? <p className="text-slate-700">{t("note", { note: c.note })}</p> : null}
                {c.decisionNote ? <p className="text-slate-700">{t("answer", { answer: c.decisionNote })}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
