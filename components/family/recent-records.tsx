import Link from "next/link";
import { Card } from "@/components/ui/layout";
import { formatDay } from "@/lib/dates";
import type { RecentRecord } from "@/lib/family/feedback";
import { SETTING_LABEL } from "@/lib/records/schemas";

export function RecentRecords({ records, studentId, childName }: { records: RecentRecord[]; studentId: string; childName: string }) {
  return (
    <Card aria-labelledby="records-heading">
      <h2 id="records-heading" className="mb-3">
        Learning records
      </h2>
      {records.length === 0 ? (
        <p className="text-sm text-slate-700">No learning records yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {records.map((r) => (
            <li key={r.id} className="py-2 text-sm">
              <Link href={`/records/${r.id}`} className="font-medium">
                {r.title}
              </Link>
              <span className="block text-slate-700">
                {formatDay(r.happenedOn)} · {SETTING_LABEL[r.setting]}
                {r.place ? ` · ${r.place}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href={`/students/${studentId}/records`} aria-label={`Learning records of ${childName}`}>
          All learning records
        </Link>
      </p>
    </Card>
  );
}
