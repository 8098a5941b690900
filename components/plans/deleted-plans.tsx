"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { EmptyState } from "@/components/ui/layout";
import type { ServerAction } from "@/lib/errors";
import type { RestorePlanInput } from "@/lib/plans/lifecycle-schemas";

export type DeletedPlanItem = { id: string; title: string; typeLabel: string; deletedOn: string; goneOn: string };

/**
 * The student's recently deleted drafts, each with Restore. Arriving from "Delete draft",
 * the result is said first (and focused), with its own Restore button right there.
 * Restoring opens the plan again.
 */
export function DeletedPlans({
  plans,
  justDeleted,
  restore,
}: {
  plans: DeletedPlanItem[];
  justDeleted: DeletedPlanItem | null;
  restore: ServerAction<RestorePlanInput, { id: string }>;
}) {
  const t = useTranslations("plans.deleted");
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(planId: string) {
    setBusy(planId);
    setError(null);
    const result = await restore({ planId });
    if (!result.ok) {
      setBusy(null);
      setError(result.message);
      return;
    }
    router.push(`/plans/${result.data.id}`);
  }

  const restoreButton = (p: DeletedPlanItem, variant: "primary" | "secondary") => (
    <Button type="button" variant={variant} disabled={busy !== null} onClick={() => run(p.id)}>
      {busy === p.id ? t("restoring") : t("restore")}
      <span className="sr-only"> {t("quoted", { title: p.title })}</span>
    </Button>
  );

  return (
    <div className="space-y-6">
      <FormError message={error} />
      {justDeleted ? (
        <div className="flex flex-wrap items-center gap-3">
          <FocusedStatus>{t("justDeleted", { title: justDeleted.title })}</FocusedStatus>
          {restoreButton(justDeleted, "primary")}
        </div>
      ) : null}
      {plans.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t("listLabel")}>
          {plans.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div>
                <p className="font-medium">{p.title}</p>
                <p className="text-xs text-slate-700">{t("item", { type: p.typeLabel, deletedOn: p.deletedOn, goneOn: p.goneOn })}</p>
              </div>
              {restoreButton(p, "secondary")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
