import Link from "next/link";
import { EnrollmentDates, RosterTag, StateLabel } from "@/components/people/person-sections";
import { RunButton } from "@/components/people/run-button";
import { Table } from "@/components/ui/table";
import type { ClassForAdmin } from "@/lib/classes/queries";
import { ENROLLMENT_ROLE_LABEL } from "@/lib/classes/schemas";
import type { ServerAction } from "@/lib/errors";

type Row = ClassForAdmin["students"][number];

/** People in a class with their dates; current and upcoming ones can be ended. */
export function EnrollmentTable({
  caption,
  rows,
  classId,
  showRole,
  end,
}: {
  caption: string;
  rows: Row[];
  classId: string;
  showRole: boolean;
  end: ServerAction<{ enrollmentId: string }, unknown>;
}) {
  const wide = "hidden sm:table-cell";
  const columns = [
    { label: "Name" },
    ...(showRole ? [{ label: "As" }] : []),
    { label: "Dates", className: wide },
    { label: "Status" },
    { label: "Actions" },
  ];
  return (
    <Table caption={caption} columns={columns}>
      {rows.map((e) => (
        <tr key={e.id} className={e.state === "ended" ? "text-slate-500" : undefined}>
          <td className="px-4 py-3 font-medium">
            <Link href={`/admin/people/${e.person.id}`}>{e.person.name}</Link>
            <RosterTag show={e.fromRoster} />
            <span className="block text-xs font-normal text-slate-600 sm:hidden">
              <EnrollmentDates beginsOn={e.beginsOn} endsOn={e.endsOn} />
            </span>
          </td>
          {showRole ? <td className="px-4 py-3">{ENROLLMENT_ROLE_LABEL[e.role]}</td> : null}
          <td className={`px-4 py-3 ${wide}`}>
            <EnrollmentDates beginsOn={e.beginsOn} endsOn={e.endsOn} />
          </td>
          <td className="px-4 py-3">
            <StateLabel state={e.state} />
          </td>
          <td className="px-4 py-3">
            {e.state === "ended" ? null : (
              <RunButton
                action={end}
                input={{ enrollmentId: e.id }}
                label="End"
                confirm={{
                  question: `End ${e.person.name}'s place in this class from today? Yesterday becomes their last day. Nothing is deleted.`,
                  yes: "End enrollment",
                }}
                href={`/admin/classes/${classId}?done=ended`}
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
