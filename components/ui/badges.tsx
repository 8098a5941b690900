import type { PlanStatus, Proficiency } from "@/lib/generated/prisma/enums.ts";
import { LEVEL_LABEL } from "@/lib/mastery/levels";
import { planStatusText } from "@/lib/plans/labels";

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
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status]}`}>
      {planStatusText({ status, approvedAt })}
    </span>
  );
}

const LEVEL_STYLE: Record<Proficiency, string> = {
  BEGINNING: "bg-orange-50 text-orange-900 ring-orange-300",
  DEVELOPING: "bg-yellow-50 text-yellow-900 ring-yellow-400",
  PROFICIENT: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  ADVANCED: "bg-violet-50 text-violet-900 ring-violet-300",
};

export function LevelBadge({ level }: { level: Proficiency | null }) {
  if (!level) {
    return (
      <span className="inline-flex rounded-full bg-white px-2.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-300 ring-inset">
        Not rated yet
      </span>
    );
  }
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${LEVEL_STYLE[level]}`}>
      {LEVEL_LABEL[level]}
    </span>
  );
}

export function ProgressBar({ mastered, total, percent }: { mastered: number; total: number; percent: number }) {
  const label = `${mastered} of ${total} ${total === 1 ? "goal" : "goals"} at Proficient or above`;
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
