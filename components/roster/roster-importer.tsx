"use client";

import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { CheckedImport } from "@/lib/roster/report";
import type { ApplyRosterInput, RosterUploadInput } from "@/lib/roster/schemas";
import { ApplyPanel } from "./apply-panel";
import { RosterReportView } from "./roster-report";

const resolver = lazyZodResolver<RosterUploadInput>(() => import("@/lib/roster/schemas").then((m) => m.rosterUploadSchema));

const FIELD = "roster-files";

/** Upload a OneRoster export, see the dry run's report (focus moves to it), then apply it. */
export function RosterImporter({
  check,
  apply,
}: {
  check: ServerAction<FormData, CheckedImport>;
  apply: ServerAction<ApplyRosterInput, CheckedImport>;
}) {
  const form = useForm<RosterUploadInput>({ resolver, defaultValues: { files: [] } });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const [checked, setChecked] = useState<CheckedImport | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (checked) headingRef.current?.focus();
  }, [checked]);

  const onSubmit = form.handleSubmit(async ({ files }) => {
    const data = new FormData();
    for (const file of files) data.append("files", file);
    const result = await check(data);
    if (server.apply(result) && result.ok) setChecked(result.data);
  });
  const error = errors.files?.message;

  return (
    <>
      <Card className="mb-8">
        <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Check roster files" className="space-y-4">
          <FormError message={server.error} />
          <Field
            id={FIELD}
            label="OneRoster export"
            hint="The export's .zip, or its CSV files (manifest.csv, orgs.csv, academicSessions.csv, courses.csv, classes.csv, users.csv, enrollments.csv), up to 10 MB. Nothing changes until you apply."
            error={error}
          >
            <input
              id={FIELD}
              type="file"
              multiple
              accept=".zip,.csv,application/zip,text/csv"
              className="block w-full text-sm"
              {...describedBy(FIELD, { hint: true, error })}
              onChange={(e) => {
                form.setValue("files", Array.from(e.target.files ?? []), { shouldValidate: true });
                setChecked(null);
              }}
            />
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Checking…" : "Check files"}
          </Button>
        </form>
      </Card>
      {checked ? (
        <div key={checked.id} className="mb-8">
          <RosterReportView report={checked.report} heading="Check results" headingRef={headingRef} />
          <ApplyPanel importId={checked.id} report={checked.report} status="CHECKED" apply={apply} />
        </div>
      ) : null}
    </>
  );
}
