"use client";

import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { FrameworkImported } from "@/lib/standards/commands";
import type { FrameworkUploadInput } from "@/lib/standards/schemas";

const resolver = lazyZodResolver<FrameworkUploadInput>(() => import("@/lib/standards/schemas").then((m) => m.frameworkUploadSchema));

const FILE = "framework-file";
const OWNER = "framework-owner";

/** Upload a CASE 1.0 package for the district or one school; the counts of what changed take focus. */
export function FrameworkUpload({
  owners,
  action,
}: {
  owners: { id: string; name: string; type: string }[];
  action: ServerAction<FormData, FrameworkImported>;
}) {
  const form = useForm<FrameworkUploadInput>({
    resolver,
    defaultValues: { organizationId: owners[0]?.id ?? "" },
  });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<FrameworkImported | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) resultRef.current?.focus();
  }, [done]);

  const onSubmit = form.handleSubmit(async ({ organizationId, file }) => {
    const data = new FormData();
    data.set("organizationId", organizationId);
    data.set("file", file);
    setDone(null);
    const result = await action(data);
    if (server.apply(result) && result.ok) setDone(result.data);
  });
  const fileError = errors.file?.message;
  const ownerError = errors.organizationId?.message;

  return (
    <Card aria-labelledby="upload-heading" className="mb-8">
      <h2 id="upload-heading" className="mb-3">
        Import a framework
      </h2>
      <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4" aria-labelledby="upload-heading">
        <FormError message={server.error} />
        <Field id={OWNER} label="Owner" hint="A district's frameworks are shared by all its schools." error={ownerError}>
          <select
            id={OWNER}
            className={inputClass}
            {...describedBy(OWNER, { hint: true, error: ownerError })}
            {...form.register("organizationId")}
          >
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
                {o.type === "DISTRICT" ? " (district)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={FILE}
          label="CASE package"
          hint="A CASE 1.0 JSON package (CFPackage), up to 10 MB. Importing it again updates the framework in place; items it no longer has are retired, never deleted."
          error={fileError}
        >
          <input
            id={FILE}
            type="file"
            accept=".json,application/json"
            className="block w-full text-sm"
            {...describedBy(FILE, { hint: true, error: fileError })}
            onChange={(e) => {
              const file = e.target.files?.[0];
              form.setValue("file", file as File, { shouldValidate: Boolean(file) });
              setDone(null);
            }}
          />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Importing…" : "Import framework"}
        </Button>
      </form>
      {done ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <p className="font-semibold">
            {done.framework.created ? "Imported" : "Re-imported"} “{done.framework.title}”: {done.created} created, {done.updated} updated,{" "}
            {done.retired} retired, {done.unchanged} unchanged.
          </p>
          {done.warningCount ? (
            <details className="mt-2">
              <summary>
                {done.warningCount} {done.warningCount === 1 ? "warning" : "warnings"} (imported anyway)
              </summary>
              <ul className="mt-1 list-disc pl-5">
                {done.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
