"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";
import type { RestoreRevisionInput } from "@/lib/plans/change-policy";
import type { FieldChange, PlanDiff, TextPart } from "@/lib/plans/diff";

type Standards = Record<string, { code: string; description: string }>;

/** One side of a changed field: the older side marks what was removed, the newer what was added, in words as well as colour. */
function Parts({ parts, side }: { parts: TextPart[]; side: "before" | "after" }) {
  const t = useTranslations("plans.diff");
  const shown = parts.filter((p) => p.change === "same" || (side === "before" ? p.change === "removed" : p.change === "added"));
  if (!shown.some((p) => p.text.trim())) return <span className="text-slate-600 italic">{t("empty")}</span>;
  return (
    <>
      {shown.map((p, i) =>
        p.change === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.change === "removed" ? (
          <del key={i} className="rounded-sm bg-rose-100 text-rose-950 decoration-rose-800">
            <span className="sr-only">{t("removedMark")}</span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-950 decoration-emerald-800">
            <span className="sr-only">{t("addedMark")}</span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </>
  );
}

function FieldRow({ change, labels }: { change: FieldChange; labels: [string, string] }) {
  const t = useTranslations("plans.fields");
  return (
    <div className="border-t border-slate-100 py-2 first:border-t-0">
      <p className="text-sm font-medium text-slate-900">{t(change.labelKey)}</p>
      <div className="mt-1 grid gap-2 text-sm md:grid-cols-2">
        {(["before", "after"] as const).map((side, i) => (
          <div key={side}>
            <p className="text-xs text-slate-600">{labels[i]}</p>
            <p className="whitespace-pre-line text-slate-900">
              <Parts parts={change.parts} side={side} />
            </p>
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * Two states of a plan side by side, only where they differ: plan fields, then each goal
 * added, removed or changed (with its standards and activities).
 */
export function RevisionDiff({
  diff,
  standards,
  labels,
}: {
  diff: PlanDiff;
  standards: Standards;
  /** What the two sides are called: "Version 2" / "Version 5", "Now" / "Proposed". */
  labels: [string, string];
}) {
  const t = useTranslations("plans.diff");
  const code = (id: string) => standards[id]?.code ?? t("standardGone");
  if (diff.changeCount === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {diff.unchangedGoals
          ? t("summaryWithUnchanged", { count: diff.changeCount, unchanged: diff.unchangedGoals })
          : t("summary", { count: diff.changeCount })}
      </p>
      {diff.fields.length ? (
        <section aria-label={t("about")} className="rounded-md border border-slate-200 p-3">
          <h3 className="text-base font-semibold">{t("about")}</h3>
          {diff.fields.map((f) => (
            <FieldRow key={f.field} change={f} labels={labels} />
          ))}
        </section>
      ) : null}
      {diff.goals.map((g, i) => (
        <section
          key={g.id ?? `new-${i}`}
          aria-label={t("goalLabel", { title: g.title, kind: t(`kind.${g.kind}`) })}
          className="rounded-md border border-slate-200 p-3"
        >
          <h3 className="text-base font-semibold">
            {t("goal", { title: g.title })} <span className="text-sm font-normal text-slate-700">— {t(`kind.${g.kind}`)}</span>
          </h3>
          {g.fields.map((f) => (
            <FieldRow key={f.field} change={f} labels={labels} />
          ))}
          {g.standards.added.length || g.standards.removed.length ? (
            <div className="border-t border-slate-100 py-2 text-sm">
              <p className="font-medium text-slate-900">{t("standards")}</p>
              {g.standards.added.length ? <p>{t("standardsAdded", { codes: g.standards.added.map(code).join(", ") })}</p> : null}
              {g.standards.removed.length ? <p>{t("standardsRemoved", { codes: g.standards.removed.map(code).join(", ") })}</p> : null}
            </div>
          ) : null}
          {g.activities.map((a, j) => (
            <div key={a.id ?? `a-${j}`} className="mt-2 rounded-md bg-slate-50 p-2">
              <p className="text-sm font-medium">{t("activity", { title: a.title, kind: t(`kind.${a.kind}`) })}</p>
              {a.fields.map((f) => (
                <FieldRow key={f.field} change={f} labels={labels} />
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

/** Restores a past revision after a confirmation; the history page then says what happened. */
export function RestoreButton({
  planId,
  version,
  number,
  action,
}: {
  planId: string;
  version: number;
  number: number;
  action: ServerAction<RestoreRevisionInput, { version: number; number: number }>;
}) {
  const t = useTranslations("plans.diff");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  async function restore() {
    setBusy(true);
    setError(null);
    const result = await action({ planId, version, number });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.push(`/plans/${planId}/history?restored=${number}&as=${result.data.number}`);
    router.refresh();
  }

  if (!confirming) {
    return (
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setConfirming(true);
          requestAnimationFrame(() => confirmRef.current?.focus());
        }}
      >
        {t("restore", { number })}
      </Button>
    );
  }
  return (
    <div ref={confirmRef} tabIndex={-1} role="group" aria-label={t("restore", { number })} className="space-y-2">
      <FormError message={error} />
      <p className="text-sm">{t("restoreQuestion", { number })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={() => void restore()}>
          {busy ? t("restoring") : t("restoreConfirm", { number })}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
