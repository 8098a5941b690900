import Link from "next/link";
import type { EvaluationDue } from "@/lib/agreements/due";
import { formatTime } from "@/lib/dates";

/** The teacher's independent study evaluations due, oldest first, each linking to its evaluation form. */
export function EvaluationsDueList({ items }: { items: EvaluationDue[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {items.map((d) => (
        <li key={d.agreementId} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm">
          <div>
            <Link href={d.href} className="font-medium underline">
              Evaluate {d.student.name}&apos;s independent study
            </Link>
            <div className="text-xs text-slate-600">{d.planTitle}</div>
          </div>
          <span className="text-slate-700">Due since {formatTime(d.dueSince)}</span>
        </li>
      ))}
    </ul>
  );
}
