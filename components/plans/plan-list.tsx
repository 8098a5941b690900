import Link from "next/link";
import { ProgressBar, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
import { PLAN_TYPE_LABEL } from "@/lib/plans/labels";
import type { PlanSummary } from "@/lib/plans/queries";

/** A table of plans; `showStudent` for teachers, guardians and admins; `showOpenThreads` on the review queue. */
export function PlanList({
  plans,
  showStudent,
  showOpenThreads,
  empty,
  caption,
}: {
  plans: (PlanSummary & { openThreads?: number })[];
  showStudent?: boolean;
  showOpenThreads?: boolean;
  empty: string;
  caption: string;
}) {
  if (plans.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Table
      caption={caption}
      columns={[
        { label: "Plan" },
        ...(showStudent ? [{ label: "Student" }] : []),
        { label: "Status" },
        ...(showOpenThreads ? [{ label: "Open threads" }] : []),
        { label: "Dates" },
        { label: "Progress", className: "w-56" },
      ]}
    >
      {plans.map((p) => (
        <tr key={p.id}>
          <td className="px-4 py-3">
            <Link href={`/plans/${p.id}`} className="font-medium">
              {p.title}
            </Link>
            <div className="text-xs text-slate-600">
              {PLAN_TYPE_LABEL[p.type]} · {p.goalCount} {p.goalCount === 1 ? "goal" : "goals"}
            </div>
          </td>
          {showStudent ? <td className="px-4 py-3">{p.student.name}</td> : null}
          <td className="px-4 py-3">
            <StatusBadge status={p.status} approvedAt={p.approvedAt} />
          </td>
          {showOpenThreads ? <td className="px-4 py-3 text-slate-700">{p.openThreads ?? 0}</td> : null}
          <td className="px-4 py-3 whitespace-nowrap text-slate-700">
            {formatDay(p.startsOn)} – {formatDay(p.endsOn)}
          </td>
          <td className="px-4 py-3">
            <ProgressBar {...p.progress} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
