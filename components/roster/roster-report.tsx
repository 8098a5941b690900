import type { Ref } from "react";
import { Table } from "@/components/ui/table";
import { canApply, DEACTIVATABLE, ENTITIES, ENTITY_LABEL, totalChanges, type EntityCounts, type RosterReport } from "@/lib/roster/report";

/** How many problem rows the page lists; the report keeps up to 1000 and the total. */
const SHOWN_ERRORS = 200;

const sum = (report: Pick<RosterReport, "counts">, key: keyof EntityCounts) => ENTITIES.reduce((n, e) => n + report.counts[e][key], 0);

/** "12 created, 3 updated and 1 deactivated" */
export function changeSummary(report: Pick<RosterReport, "counts">): string {
  return `${sum(report, "created")} created, ${sum(report, "updated")} updated and ${sum(report, "deactivated")} deactivated`;
}

/** Counts per entity: created, updated, deactivated (for what a roster can end) and unchanged. */
export function CountsTable({ report, caption }: { report: Pick<RosterReport, "counts">; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={[{ label: "Records" }, { label: "Created" }, { label: "Updated" }, { label: "Deactivated" }, { label: "Unchanged" }]}
    >
      {ENTITIES.map((e) => {
        const c = report.counts[e];
        return (
          <tr key={e}>
            <th scope="row" className="px-4 py-2 text-left font-medium">
              {ENTITY_LABEL[e]}
            </th>
            <td className="px-4 py-2 tabular-nums">{c.created}</td>
            <td className="px-4 py-2 tabular-nums">{c.updated}</td>
            <td className="px-4 py-2 tabular-nums">
              {DEACTIVATABLE.has(e) ? (
                c.deactivated
              ) : (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">kept</span>
                </>
              )}
            </td>
            <td className="px-4 py-2 tabular-nums">{c.unchanged}</td>
          </tr>
        );
      })}
    </Table>
  );
}

/** What a check found: the counts, notes, problems with whole files, and the rows that are skipped. */
export function RosterReportView({
  report,
  heading,
  applied = false,
  headingRef,
}: {
  report: RosterReport;
  heading: string;
  applied?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const shown = report.errors.slice(0, SHOWN_ERRORS);
  const more = report.errorCount - shown.length;
  const summary = !canApply(report)
    ? "These files cannot be imported: fix the problems below in the export and check it again."
    : applied
      ? `Applied: ${changeSummary(report)}.`
      : totalChanges(report) === 0
        ? "Pathways already matches these files: applying them changes nothing."
        : `Nothing has changed yet. Applying would create ${sum(report, "created")}, update ${sum(report, "updated")} and deactivate ${sum(report, "deactivated")} records; ${sum(report, "unchanged")} are unchanged.`;
  return (
    <section aria-labelledby="roster-report-heading" className="mb-8 space-y-6">
      <div className="space-y-1">
        <h2 id="roster-report-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <p className="text-sm text-slate-700">{summary}</p>
      </div>
      {report.failure ? (
        <p className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-800">Applying failed: {report.failure}</p>
      ) : null}
      {report.fileErrors.length ? (
        <div className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
          <h3 className="font-semibold">Problems with whole files</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {report.fileErrors.map((e, i) => (
              <li key={i}>
                <span className="font-medium">
                  {e.file}
                  {e.line ? `, line ${e.line}` : ""}:
                </span>{" "}
                {e.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <CountsTable report={report} caption={applied ? "What changed" : "What would change"} />
      <p className="text-xs text-slate-600">
        Schools, terms, courses and classes are kept when a later export no longer lists them. People lose the roles the roster gave them,
        enrollments end and guardian links are removed; their records stay.
      </p>
      {report.files.length ? (
        <div>
          <h3 className="text-base font-semibold">Files</h3>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
            {report.files.map((f) => (
              <li key={f.name}>
                {f.name}: {f.mode === "absent" ? "not in this export" : `${f.mode}, ${f.rows} ${f.rows === 1 ? "row" : "rows"}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.notes.length ? (
        <div>
          <h3 className="text-base font-semibold">Notes</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.errorCount ? (
        <div className="space-y-2">
          <h3 className="text-base font-semibold">Rows that cannot be imported ({report.errorCount})</h3>
          <p className="text-sm text-slate-700">
            These rows are skipped; everything else is imported. What they describe stays as it is in Pathways: a row with a problem never
            deactivates anyone. Correct them in your student information system and import again.
          </p>
          <Table caption="Rows that cannot be imported" columns={[{ label: "File" }, { label: "Line" }, { label: "Reason" }]}>
            {shown.map((e, i) => (
              <tr key={i}>
                <td className="px-4 py-2 whitespace-nowrap">{e.file}</td>
                <td className="px-4 py-2 tabular-nums">{e.line}</td>
                <td className="px-4 py-2">{e.reason}</td>
              </tr>
            ))}
          </Table>
          {more > 0 ? <p className="text-sm text-slate-700">…and {more} more.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
