import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ProgressBar, StatusBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { formatDay } from "@/lib/dates";
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
  const t = useTranslations("plans");
  const locale = useLocale();
  if (plans.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Table
      caption={caption}
      columns={[
        { label: t("list.plan") },
        ...(showStudent ? [{ label: t("list.student") }] : []),
        { label: t("list.status") },
        ...(showOpenThreads ? [{ label: t("list.openThreads") }] : []),
        { label: t("list.dates") },
        { label: t("list.progress"), className: "w-56" },
      ]}
    >
      {plans.map((p) => (
        <tr key={p.id}>
          <td className="px-4 py-3">
            <Link href={`/plans/${p.id}`} className="font-medium">
              {p.title}
            </Link>
            <div className="text-xs text-slate-600">
              {t(`type.${p.type}`)} · {t("list.goalCount", { count: p.goalCount })}
            </div>
          </td>
          {showStudent ? <td className="px-4 py-3">{p.student.name}</td> : null}
          <td className="px-4 py-3">
            <StatusBadge status={p.status} approvedAt={p.approvedAt} />
          </td>
          {showOpenThreads ? <td className="px-4 py-3 text-slate-700">{p.openThreads ?? 0}</td> : null}
          <td className="px-4 py-3 whitespace-nowrap text-slate-700">
            {formatDay(p.startsOn, locale)} – {formatDay(p.endsOn, locale)}
          </td>
          <td className="px-4 py-3">
            <ProgressBar {...p.progress} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
