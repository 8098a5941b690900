import Link from "next/link";
import { EmptyState } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import { formatTime } from "@/lib/dates";
import type { RosterImportStatus } from "@/lib/generated/prisma/enums.ts";
import type { RosterImportSummary } from "@/lib/roster/queries";
import { changeSummary } from "./roster-report";

export const IMPORT_STATUS_LABEL: Record<RosterImportStatus, string> = {
  CHECKED: "Checked, not applied",
  APPLIED: "Applied",
  FAILED: "Failed, nothing changed",
};

/** The district's latest imports: when, who, which file, what happened. */
export function ImportHistory({ imports }: { imports: RosterImportSummary[] }) {
  return (
    <section aria-labelledby="roster-history-heading" className="mt-10">
      <h2 id="roster-history-heading" className="mb-3">
        Recent imports
      </h2>
      {imports.length === 0 ? (
        <EmptyState>No roster has been imported yet.</EmptyState>
      ) : (
        <Table
          caption="Recent roster imports"
          columns={[{ label: "Checked" }, { label: "By" }, { label: "File" }, { label: "Status" }, { label: "Changes" }]}
        >
          {imports.map((i) => (
            <tr key={i.id}>
              <td className="px-4 py-3 whitespace-nowrap">
                <Link href={`/admin/roster/${i.id}`}>{formatTime(i.createdAt)}</Link>
              </td>
              <td className="px-4 py-3">{i.actorName ?? "Command line"}</td>
              <td className="px-4 py-3 break-all">{i.fileName}</td>
              <td className="px-4 py-3">{IMPORT_STATUS_LABEL[i.status]}</td>
              <td className="px-4 py-3 text-slate-700">
                {i.counts ? `${i.status === "APPLIED" ? "" : "Would be: "}${changeSummary({ counts: i.counts })}` : "—"}
                {i.errorCount ? ` · ${i.errorCount} ${i.errorCount === 1 ? "row" : "rows"} skipped` : ""}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
