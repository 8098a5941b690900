"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import type { ServerAction } from "@/lib/errors";

type GoalLink = { recordId: string; goalId: string };

/** Goals of the student's own plans this learning counts toward: a select to link one, a button to unlink each. */
export function RecordGoals({
  recordId,
  linked,
  options,
  link,
  unlink,
}: {
  recordId: string;
  linked: { id: string; label: string }[];
  options: { id: string; label: string }[];
  link?: ServerAction<GoalLink, { linked: boolean }>;
  unlink?: ServerAction<GoalLink, { unlinked: boolean }>;
}) {
  const t = useTranslations("records.goals");
  const router = useRouter();
  const [goalId, setGoalId] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const choices = options.filter((o) => !linked.some((l) => l.id === o.id));

  async function run(action: () => ReturnType<ServerAction<GoalLink, unknown>>) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setFieldError(result.fieldErrors?.goalId?.[0]);
      setError(result.fieldErrors?.goalId ? null : result.message);
      return;
    }
    setFieldError(undefined);
    setError(null);
    setGoalId("");
    router.refresh();
    select.current?.focus();
  }

  return (
    <div className="space-y-3">
      {linked.length ? (
        <ul className="space-y-1 text-sm">
          {linked.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>{g.label}</span>
              {unlink ? (
                <Button
                  type="button"
                  variant="ghost"
                  disabled={busy}
                  aria-label={t("unlinkOf", { goal: g.label })}
                  onClick={() => run(() => unlink({ recordId, goalId: g.id }))}
                >
                  {t("unlink")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("none")}</p>
      )}
      {link ? (
        choices.length ? (
          <div className="space-y-2">
            <FormError message={error} />
            <Field id="record-goal" label={t("label")} error={fieldError}>
              <select
                ref={select}
                id="record-goal"
                className={inputClass}
                value={goalId}
                onChange={(e) => setGoalId(e.target.value)}
                {...describedBy("record-goal", { error: fieldError })}
              >
                <option value="">{t("choose")}</option>
                {choices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => run(() => link({ recordId, goalId }))}>
              {t("link")}
            </Button>
          </div>
        ) : (
          <p className="text-xs text-slate-600">{options.length ? t("allLinked") : t("noGoals")}</p>
        )
      ) : null}
    </div>
  );
}
