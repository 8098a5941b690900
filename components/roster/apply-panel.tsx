"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/layout";
import type { ServerAction } from "@/lib/errors";
import type { RosterImportStatus } from "@/lib/generated/prisma/enums.ts";
import { canApply, type CheckedImport, type RosterReport } from "@/lib/roster/report";
import type { ApplyRosterInput } from "@/lib/roster/schemas";
import { changeSummary, CountsTable } from "./roster-report";

/** Applies a checked import, then shows what changed (focus moves to it). */
export function ApplyPanel({
  importId,
  report,
  status,
  apply,
}: {
  importId: string;
  report: RosterReport;
  status: RosterImportStatus;
  apply: ServerAction<ApplyRosterInput, CheckedImport>;
}) {
  const [result, setResult] = useState<RosterReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function onApply() {
    setPending(true);
    setError(null);
    const outcome = await apply({ importId });
    setPending(false);
    if (outcome.ok) setResult(outcome.data.report);
    else setError(outcome.message);
  }

  if (result) {
    return (
      <Card aria-labelledby="roster-result-heading" className="space-y-4">
        <h2 id="roster-result-heading" ref={resultRef} tabIndex={-1}>
          Roster applied
        </h2>
        <p className="text-sm">
          {changeSummary(result)}. {result.errorCount ? `${result.errorCount} rows with problems were skipped.` : ""}
        </p>
        <CountsTable report={result} caption="What changed" />
        <p className="text-sm">
          See the <Link href="/admin/people">people</Link> and the <Link href="/admin/classes">classes</Link> of the district.
        </p>
      </Card>
    );
  }
  if (status === "APPLIED") return null;
  const blocked = !canApply(report);
  return (
    <Card aria-labelledby="roster-apply-heading" className="space-y-3">
      <h2 id="roster-apply-heading">Apply</h2>
      <p id="roster-apply-help" className="text-sm text-slate-700">
        {blocked
          ? "These files cannot be applied until the problems with whole files are fixed. Correct the export and check it again."
          : `${report.errorCount ? `The ${report.errorCount} rows with problems are skipped; everything else is applied. ` : ""}Pathways checks the files again against what it holds now, then makes every change at once, or none if anything goes wrong.`}
      </p>
      {error ? (
        <p
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-800"
        >
          {error}
        </p>
      ) : null}
      <Button type="button" onClick={onApply} disabled={blocked || pending} aria-describedby="roster-apply-help">
        {pending ? "Applying…" : "Apply these changes"}
      </Button>
    </Card>
  );
}
