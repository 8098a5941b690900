"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";

export type SuggestionItem = { id: string; title: string; description: string; happenedOn: string; tool: string | null; standards: number };

/**
 * Where the page says what was decided. The suggestion (and with the last one, its whole card)
 * leaves the page, so the confirmation is the page's own status (`?done=`), focused there.
 */
function decidedHref(decision: "accept" | "dismiss", recordId: string, from: "list" | "record") {
  if (decision === "accept") return from === "record" ? `/records/${recordId}?done=accepted` : `/records?done=accepted&record=${recordId}`;
  return `/records?done=dismissed&record=${recordId}`;
}

/** What the student's learning apps sent: Accept makes it their record (keeping its standards), Dismiss hides it. */
export function SuggestionList({
  items,
  from,
  decide,
}: {
  items: readonly SuggestionItem[];
  /** The page it is on: the list of records, or the suggestion's own page. */
  from: "list" | "record";
  decide: ServerAction<{ recordId: string; decision: "accept" | "dismiss" }, { id: string; status: "RECORDED" | "DISMISSED" }>;
}) {
  const t = useTranslations("records.suggestions");
  const locale = useLocale();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Until the page with the confirmation arrives, nothing more can be pressed.
  const [moving, startMoving] = useTransition();

  async function run(item: SuggestionItem, decision: "accept" | "dismiss") {
    setBusy(item.id);
    const result = await decide({ recordId: item.id, decision }).catch(() => null);
    if (!result?.ok) {
      setBusy(null);
      setError(result?.message ?? t("failed"));
      return;
    }
    setError(null);
    startMoving(() => router.push(decidedHref(decision, item.id, from), { scroll: false }));
    setBusy(null);
  }

  return (
    <div className="space-y-3">
      <FormError message={error} />
      {items.length ? (
        <ul className="space-y-3">
          {items.map((s) => (
            <li key={s.id} className="rounded-md border border-amber-200 bg-amber-50/50 p-3 text-sm">
              <p className="font-medium">{s.title}</p>
              <p className="text-slate-700">{s.description}</p>
              <p className="text-xs text-slate-600">
                {formatDay(s.happenedOn, locale)}
                {s.tool ? ` · ${t("from", { tool: s.tool })}` : ""}
                {s.standards ? ` · ${t("standardsLinked", { count: s.standards })}` : ""}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button
                  type="button"
                  disabled={busy !== null || moving}
                  onClick={() => run(s, "accept")}
                  aria-label={t("acceptOf", { title: s.title })}
                >
                  {t("accept")}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy !== null || moving}
                  onClick={() => run(s, "dismiss")}
                  aria-label={t("dismissOf", { title: s.title })}
                >
                  {t("dismiss")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("none")}</p>
      )}
    </div>
  );
}
