"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";

export type SuggestionItem = { id: string; title: string; description: string; happenedOn: string; tool: string | null; standards: number };

/** What the student's learning apps sent: Accept makes it their record (keeping its standards), Dismiss hides it. */
export function SuggestionList({
  items,
  decide,
}: {
  items: readonly SuggestionItem[];
  decide: ServerAction<{ recordId: string; decision: "accept" | "dismiss" }, { id: string; status: "RECORDED" | "DISMISSED" }>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; id?: string } | null>(null);

  async function run(item: SuggestionItem, decision: "accept" | "dismiss") {
    setBusy(item.id);
    const result = await decide({ recordId: item.id, decision });
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setDone(
      decision === "accept"
        ? { text: `“${item.title}” is now one of your records.`, id: item.id }
        : { text: `“${item.title}” was dismissed.` },
    );
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {done ? (
        <FocusedStatus>
          {done.text}{" "}
          {done.id ? (
            <Link href={`/records/${done.id}`} className="underline">
              Open it
            </Link>
          ) : null}
        </FocusedStatus>
      ) : null}
      <FormError message={error} />
      {items.length ? (
        <ul className="space-y-3">
          {items.map((s) => (
            <li key={s.id} className="rounded-md border border-amber-200 bg-amber-50/50 p-3 text-sm">
              <p className="font-medium">{s.title}</p>
              <p className="text-slate-700">{s.description}</p>
              <p className="text-xs text-slate-600">
                {formatDay(s.happenedOn)}
                {s.tool ? ` · from ${s.tool}` : ""}
                {s.standards ? ` · ${s.standards === 1 ? "1 standard" : `${s.standards} standards`} linked` : ""}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button type="button" disabled={busy !== null} onClick={() => run(s, "accept")} aria-label={`Accept ${s.title}`}>
                  Accept
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy !== null}
                  onClick={() => run(s, "dismiss")}
                  aria-label={`Dismiss ${s.title}`}
                >
                  Dismiss
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">No suggestions waiting.</p>
      )}
    </div>
  );
}
