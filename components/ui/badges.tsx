import { useTranslations } from "next-intl";
import type { PlanStatus } from "@/lib/generated/prisma/enums.ts";
import { isBeingRevised } from "@/lib/plans/labels";

const STATUS_STYLE: Record<PlanStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800 ring-slate-300",
  SUBMITTED: "bg-amber-50 text-amber-900 ring-amber-300",
  IN_REVIEW: "bg-sky-50 text-sky-900 ring-sky-300",
  CHANGES_REQUESTED: "bg-rose-50 text-rose-900 ring-rose-300",
  ACTIVE: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  COMPLETED: "bg-indigo-50 text-indigo-900 ring-indigo-300",
  ARCHIVED: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** A plan's status; a plan that was approved before and is back in the making says "being revised". */
export function StatusBadge({ status, approvedAt }: { status: PlanStatus; approvedAt: Date | null }) {
  const t = useTranslations();
  const label = t(`plans.status.${status}`);
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status]}`}>
      {isBeingRevised({ status, approvedAt }) ? t("common.badges.beingRevised", { status: label }) : label}
    </span>
  );
}

/**
 * A level: its name in text beside a swatch of its colour (never colour alone). Null means not
 * rated yet, or — when `rated` — rated, but the method says "not yet" (n times).
 */
export function LevelBadge({ level, rated = false }: { level: { name: string; colour: string } | null; rated?: boolean }) {
  const t = useTranslations("common.badges");
  if (!level) {
    return (
      <span className="inline-flex rounded-full bg-white px-2.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-300 ring-inset">
        {rated ? t("notYet") : t("notRated")}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-white px-2.5 py-0.5 text-xs font-medium text-slate-900 ring-1 ring-slate-300 ring-inset">
      <span aria-hidden="true" className="size-2.5 rounded-full ring-1 ring-black/20" style={{ backgroundColor: level.colour }} />
      {level.name}
    </span>
  );
}

export function ProgressBar({ mastered, total, percent }: { mastered: number; total: number; percent: number }) {
  const t = useTranslations("common.badges");
  const label = t("progress", { mastered, total });
  return (
    <div className="space-y-1">
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
      >
        <div className="h-full rounded-full bg-emerald-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-700">
        {percent}% · {label}
      </p>
    </div>
  );
}
