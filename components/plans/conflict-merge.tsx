"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult, ServerAction } from "@/lib/errors";
import { allChoices, planMerge, type MergeChoice, type MergeSlot } from "@/lib/plans/diff";
import type { PlanFormInput } from "@/lib/plans/schemas";

type Latest = { version: number; content: PlanFormInput };
type Update = ServerAction<{ planId: string; version: number; plan: PlanFormInput }, { version: number }>;

/** The plan as saved now (app/(app)/plans/[id]/history/latest), read when a save met a conflict. */
async function fetchLatest(planId: string): Promise<ActionResult<Latest>> {
  try {
    const response = await fetch(`/plans/${encodeURIComponent(planId)}/history/latest`, { cache: "no-store" });
    return (await response.json()) as ActionResult<Latest>;
  } catch {
    return { ok: false, code: "INTERNAL", message: "plans.merge.loadFailed" };
  }
}

/**
 * Shown when someone else saved the plan while this person was editing it: each place
 * where their saved version differs from this person's, with a choice to keep theirs
 * ("mine") or take the other person's, then one save against the latest version. What
 * this person typed is never lost: it stays in the form behind this view.
 */
export function ConflictMerge({
  planId,
  base: loaded,
  mine: typed,
  update,
  onCancel,
}: {
  planId: string;
  base: PlanFormInput;
  mine: PlanFormInput;
  update: Update;
  onCancel: () => void;
}) {
  const t = useTranslations("plans.merge");
  const field = useTranslations("plans.fields");
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [sides, setSides] = useState({ base: loaded, mine: typed });
  const [latest, setLatest] = useState<Latest | null>(null);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const receive = useCallback((result: ActionResult<Latest>) => {
    if (result.ok) {
      setLatest(result.data);
      setError(null);
    } else setError(result.message);
    heading.current?.focus();
  }, []);
  const load = async () => receive(await fetchLatest(planId));
  useEffect(() => {
    let live = true;
    void fetchLatest(planId).then((result) => live && receive(result));
    return () => {
      live = false;
    };
  }, [planId, receive]);

  const merge = useMemo(() => (latest ? planMerge(sides.base, latest.content, sides.mine) : null), [latest, sides]);
  const choiceOf = (s: MergeSlot) => choices[s.key] ?? s.preset;

  async function save() {
    if (!latest || !merge) return;
    setBusy(true);
    setError(null);
    const plan = merge.result(choices);
    const result = await update({ planId, version: latest.version, plan });
    setBusy(false);
    if (result.ok) {
      router.push(`/plans/${planId}`);
      router.refresh();
      return;
    }
    if (result.code === "CONFLICT") {
      // They saved again: merge their newest version into what was chosen here.
      setSides({ base: latest.content, mine: plan });
      setChoices({});
      setNotice(t("savedAgain"));
      await load();
      return;
    }
    const details = Object.values(result.fieldErrors ?? {}).flat();
    setError([result.message, ...new Set(details)].join(" "));
    heading.current?.focus();
  }

  const groups = merge ? [...new Set(merge.slots.map((s) => s.group))] : [];
  return (
    <section aria-labelledby="merge-heading" id="merge" className="space-y-4 rounded-lg border-2 border-amber-400 bg-amber-50 p-5">
      <h2 id="merge-heading" ref={heading} tabIndex={-1}>
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-800">{t("intro")}</p>
      {notice ? <p className="text-sm font-medium text-slate-900">{notice}</p> : null}
      <FormError message={error} />
      {!merge ? (
        error ? (
          <Button type="button" variant="secondary" onClick={() => void load()}>
            {t("tryAgain")}
          </Button>
        ) : (
          <p className="text-sm">{t("loading")}</p>
        )
      ) : (
        <>
          {merge.slots.length === 0 ? (
            <p className="text-sm">{t("same")}</p>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" onClick={() => setChoices(allChoices(merge.slots, "mine"))}>
                {t("keepAllMine")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setChoices(allChoices(merge.slots, "theirs"))}>
                {t("takeAllTheirs")}
              </Button>
            </div>
          )}
          {groups.map((group) => (
            <div key={group || "plan"} className="space-y-3">
              <h3 className="text-base font-semibold">{group ? t("goal", { title: group }) : t("about")}</h3>
              {merge.slots
                .filter((s) => s.group === group)
                .map((s) => (
                  <fieldset key={s.key} className="space-y-2 rounded-md border border-slate-300 bg-white p-3">
                    <legend className="px-1 text-sm font-semibold">{field(s.labelKey)}</legend>
                    <p className="text-xs text-slate-700">{s.conflict ? t("bothChanged") : t("theyChanged")}</p>
                    <div className="grid gap-3 sm:grid-cols-2">
                      <Side title={t("yours")} text={s.mine} empty={t("empty")} />
                      <Side title={t("theirs")} text={s.theirs} empty={t("empty")} />
                    </div>
                    {s.conflict ? <Side title={t("before")} text={s.base} empty={t("empty")} /> : null}
                    <div className="flex flex-wrap gap-4 text-sm">
                      {(["mine", "theirs"] as const).map((side) => (
                        <label key={side} className="flex items-center gap-2">
                          <input
                            type="radio"
                            name={s.key}
                            value={side}
                            checked={choiceOf(s) === side}
                            onChange={() => setChoices((c) => ({ ...c, [s.key]: side }))}
                          />
                          {side === "mine" ? t("keepMine") : t("takeTheirs")}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
            </div>
          ))}
          <div className="flex flex-wrap gap-3">
            <Button type="button" disabled={busy} onClick={() => void save()}>
              {busy ? t("saving") : t("save")}
            </Button>
            <Button type="button" variant="ghost" onClick={onCancel}>
              {t("back")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function Side({ title, text, empty }: { title: string; text: string; empty: string }) {
  return (
    <div>
      <p className="text-xs font-semibold text-slate-700">{title}</p>
      <p className="text-sm whitespace-pre-line text-slate-900">{text || empty}</p>
    </div>
  );
}
