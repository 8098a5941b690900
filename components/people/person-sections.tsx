// The sections of an admin's page about one person. Presentational: the page passes the
// data and the server actions.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { ENROLLMENT_ROLE_LABEL } from "@/lib/classes/schemas";
import { formatDay } from "@/lib/dates";
import type { ServerAction } from "@/lib/errors";
import type { PersonForAdmin } from "@/lib/people/admin-queries";
import { RunButton } from "./run-button";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id} className="space-y-4">
      <h2 id={id}>{title}</h2>
      {children}
    </Card>
  );
}

export function RosterTag({ show }: { show: boolean }) {
  return show ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">From the roster</span> : null;
}

/** Columns shown from a small tablet up; on a phone their text sits under the first column's. */
const WIDE = "hidden sm:table-cell";

const STATE_LABEL = { current: "Current", upcoming: "Starts later", ended: "Ended" } as const;

export function EnrollmentDates({ beginsOn, endsOn }: { beginsOn: Date | null; endsOn: Date | null }) {
  return (
    <>
      {beginsOn ? `From ${formatDay(beginsOn)}` : "From the start"}
      {endsOn ? ` to ${formatDay(endsOn)}` : ""}
    </>
  );
}

export function StateLabel({ state }: { state: keyof typeof STATE_LABEL }) {
  return <span className={state === "current" ? "text-emerald-800" : "text-slate-600"}>{STATE_LABEL[state]}</span>;
}

export function MembershipsTable({ person, end }: { person: PersonForAdmin; end: ServerAction<{ membershipId: string }, unknown> }) {
  return (
    <Table caption="Roles" columns={[{ label: "Role" }, { label: "At", className: WIDE }, { label: "Status" }, { label: "Actions" }]}>
      {person.memberships.map((m) => (
        <tr key={m.id}>
          <td className="px-4 py-3 font-medium">
            {ROLE_LABEL[m.role]}
            <RosterTag show={m.fromRoster} />
            <span className="block text-xs font-normal text-slate-600 sm:hidden">{m.organization.name}</span>
          </td>
          <td className={`px-4 py-3 ${WIDE}`}>{m.organization.name}</td>
          <td className="px-4 py-3 text-slate-700">{m.endedAt ? `Ended ${formatDay(m.endedAt)}` : `Since ${formatDay(m.since)}`}</td>
          <td className="px-4 py-3">
            {m.endedAt || (person.isSelf && m.role === "ADMIN") ? null : (
              <RunButton
                action={end}
                input={{ membershipId: m.id }}
                label="End"
                confirm={{
                  question: `End ${person.name}'s membership as ${ROLE_LABEL[m.role].toLowerCase()} at ${m.organization.name}? Their classes there end today too. Nothing is deleted.`,
                  yes: "End membership",
                }}
                href={`/admin/people/${person.id}?done=membership-ended`}
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function ClassesTable({ person }: { person: PersonForAdmin }) {
  if (person.classes.length === 0) return <p className="text-sm text-slate-700">Not in any class of yours.</p>;
  return (
    <Table caption="Classes" columns={[{ label: "Class" }, { label: "As" }, { label: "Dates", className: WIDE }, { label: "Status" }]}>
      {person.classes.map((e) => (
        <tr key={e.id}>
          <td className="px-4 py-3 font-medium">
            <Link href={`/admin/classes/${e.class.id}`}>{e.class.name}</Link>
            <span className="block text-xs font-normal text-slate-600">{e.class.schoolName}</span>
            <span className="block text-xs font-normal text-slate-600 sm:hidden">
              <EnrollmentDates beginsOn={e.beginsOn} endsOn={e.endsOn} />
            </span>
          </td>
          <td className="px-4 py-3">
            {ENROLLMENT_ROLE_LABEL[e.role]}
            <RosterTag show={e.fromRoster} />
          </td>
          <td className={`px-4 py-3 text-slate-700 ${WIDE}`}>
            <EnrollmentDates beginsOn={e.beginsOn} endsOn={e.endsOn} />
          </td>
          <td className="px-4 py-3">
            <StateLabel state={e.state} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

type Relative = { linkId: string; id: string; name: string; relationship: string; fromRoster: boolean; email?: string; here?: boolean };

/** A student's parents and guardians, or a guardian's children, each with a way to unlink. */
export function FamilyList({
  people,
  link,
  unlink,
  empty,
  doneHref,
}: {
  doneHref: string;
  people: Relative[];
  link: (relative: Relative) => { guardianId: string; studentId: string; question: string };
  unlink: ServerAction<{ guardianId: string; studentId: string }, unknown>;
  empty: string;
}) {
  if (people.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {people.map((r) => {
        const { question, ...input } = link(r);
        return (
          <li key={r.linkId} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="text-sm">
              {r.here === false ? <span className="font-medium">{r.name}</span> : <Link href={`/admin/people/${r.id}`}>{r.name}</Link>}
              <span className="text-slate-600"> · {r.relationship}</span>
              <RosterTag show={r.fromRoster} />
              {r.email ? <span className="block break-all text-slate-600">{r.email}</span> : null}
            </div>
            <RunButton action={unlink} input={input} label="Unlink" confirm={{ question, yes: "Unlink" }} href={doneHref} />
          </li>
        );
      })}
    </ul>
  );
}
