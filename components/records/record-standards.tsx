"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { StandardPicker } from "@/components/standards/standard-picker";
import { Button } from "@/components/ui/button";
import { FocusedStatus } from "@/components/ui/focused-status";
import type { ServerAction } from "@/lib/errors";
import type { PickerContext } from "@/lib/standards/queries";

type Link = { recordId: string; standardId: string };

/**
 * The standards a record shows, chosen with the standard picker: each choice links (or
 * unlinks) at once, so the history records who did it and when. A standard a teacher rated the
 * record on is listed apart, without a remove button: it stays linked. "Ask for review" sends
 * the record to the student's teachers; without a linked standard it explains what is missing.
 */
export function RecordStandards({
  recordId,
  picker,
  linked,
  rated,
  reviewRequested,
  link,
  unlink,
  askForReview,
}: {
  recordId: string;
  picker: PickerContext;
  /** Linked standards not yet rated: the student may unlink these. */
  linked: string[];
  /** Linked standards a teacher rated the record on. */
  rated: { id: string; label: string }[];
  reviewRequested: boolean;
  link: ServerAction<Link, { linked: boolean }>;
  unlink: ServerAction<Link, { unlinked: boolean }>;
  askForReview: ServerAction<{ recordId: string }, { requestedAt: Date }>;
}) {
  const t = useTranslations("records.standards");
  const router = useRouter();
  const [value, setValue] = useState(linked);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(chosen: string[]) {
    // Choosing a rated standard again in the search: it is linked already.
    const next = chosen.filter((id) => !rated.some((r) => r.id === id));
    const added = next.filter((id) => !value.includes(id));
    const removed = value.filter((id) => !next.includes(id));
    setValue(next);
    setError(next.length < chosen.length ? t("alreadyRated") : undefined);
    setStatus(null);
    for (const standardId of added) {
      const result = await link({ recordId, standardId });
      if (!result.ok) {
        setError(result.fieldErrors?.standardId?.[0] ?? result.message);
        setValue((v) => v.filter((id) => id !== standardId));
      }
    }
    for (const standardId of removed) {
      const result = await unlink({ recordId, standardId });
      if (!result.ok) {
        setError(result.message);
        setValue((v) => [...v, standardId]);
      }
    }
    router.refresh();
  }

  async function ask() {
    setBusy(true);
    setStatus(null);
    const result = await askForReview({ recordId });
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors?.standardId?.[0] ?? result.message);
      return;
    }
    setError(undefined);
    setStatus(t("asked"));
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {rated.length ? (
        <div className="space-y-1">
          <p id="rated-standards" className="text-sm font-medium text-slate-800">
            {t("ratedBy")}
          </p>
          <ul aria-labelledby="rated-standards" className="list-disc space-y-1 pl-5 text-sm">
            {rated.map((r) => (
              <li key={r.id}>{r.label}</li>
            ))}
          </ul>
          <p className="text-xs text-slate-600">{t("stayLinked")}</p>
        </div>
      ) : null}
      <StandardPicker id="record-standards" owner={t("owner")} context={picker} value={value} onChange={change} error={error} />
      <div className="space-y-2 border-t border-slate-100 pt-3">
        {status ? <FocusedStatus>{status}</FocusedStatus> : null}
        <Button type="button" onClick={ask} disabled={busy}>
          {busy ? t("asking") : reviewRequested ? t("askAgain") : t("ask")}
        </Button>
        <p className="text-xs text-slate-600">{t("explain")}</p>
      </div>
    </div>
  );
}
