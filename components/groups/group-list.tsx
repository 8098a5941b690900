import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay } from "@/lib/dates";

type Group = {
  id: string;
  name: string;
  note: string;
  meetsOn: Date | null;
  class: { id: string; name: string };
  standards: { id: string; code: string; description: string }[];
  members: { id: string; name: string }[];
  activityCount: number;
};

/** Saved learning groups: name, date, standards, note and members; `extra` adds a form under each (the class page). */
export function GroupList({
  groups,
  empty,
  showClass = false,
  headingLevel = 3,
  extra,
}: {
  groups: Group[];
  empty: string;
  showClass?: boolean;
  headingLevel?: 3 | 4;
  extra?: (group: Group) => ReactNode;
}) {
  if (groups.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="space-y-4">
      {groups.map((g) => (
        <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <Heading id={`group-${g.id}`} className="font-semibold">
            {g.name}
          </Heading>
          <p className="text-xs text-slate-700">
            {showClass ? (
              <>
                <Link href={`/teacher/classes/${g.class.id}/groups`} className="underline">
                  {g.class.name}
                </Link>{" "}
                ·{" "}
              </>
            ) : null}
            {g.meetsOn ? `Meets on ${formatDay(g.meetsOn)} · ` : ""}
            {g.standards.map((s) => s.code).join(", ")}
            {g.activityCount ? ` · ${g.activityCount} shared ${g.activityCount === 1 ? "activity" : "activities"} on plans` : ""}
          </p>
          {g.note ? <p className="mt-2 whitespace-pre-line">{g.note}</p> : null}
          <p className="mt-2">
            <span className="font-medium">Members: </span>
            {g.members.map((m, i) => (
              <span key={m.id}>
                {i ? ", " : ""}
                <Link href={`/students/${m.id}`} className="underline">
                  {m.name}
                </Link>
              </span>
            ))}
          </p>
          {extra ? <div className="mt-3 border-t border-slate-100 pt-3">{extra(g)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
