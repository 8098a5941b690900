import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { UpcomingDate } from "@/lib/family/upcoming";

const KIND: Record<UpcomingDate["kind"], string> = {
  "plan-end": "Plan ends",
  "goal-target": "Goal target date",
  "assignment-due": "Assignment due",
};

export function ComingUp({ dates, days }: { dates: UpcomingDate[]; days: number }) {
  return (
    <Card aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="mb-3">
        Coming up
      </h2>
      {dates.length === 0 ? (
        <p className="text-sm text-slate-700">No target or due dates in the next {Math.round(days / 7)} weeks.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {dates.map((d, i) => (
            <li key={`${d.kind}-${d.planId}-${i}`} className="py-2 text-sm">
              <span className="font-medium">{formatDay(d.on)}</span> · {KIND[d.kind]}
              {/* Text, not links: the plans table links each plan once. */}
              <span className="block text-slate-800">{d.kind === "plan-end" ? d.planTitle : `${d.title} — ${d.planTitle}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
