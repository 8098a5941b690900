"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { attachmentsFormSchema, type AttachmentsFormInput } from "@/lib/records/schemas";
import { FileChooser } from "./file-chooser";

/** Adds photos, files or links to a record the student already saved. */
export function AttachmentForm({ recordId, action }: { recordId: string; action: ServerAction<FormData, { count: number }> }) {
  const router = useRouter();
  const [added, setAdded] = useState<number | null>(null);
  const empty: AttachmentsFormInput = { recordId, links: "", files: [] };
  const form = useForm<AttachmentsFormInput>({ resolver: zodResolver(attachmentsFormSchema), defaultValues: empty });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const files = useWatch({ control: form.control, name: "files" });

  const onSubmit = form.handleSubmit(async (values) => {
    const data = new FormData();
    data.set("recordId", values.recordId);
    data.set("links", values.links);
    for (const file of values.files) data.append("files", file);
    // A failed request (offline, or a body over the server's limit) throws instead of answering.
    const result = await action(data).catch(() => null);
    if (!result) {
      server.setError("These could not be sent, so nothing was added. Check your connection and try again, or add fewer files at a time.");
      return;
    }
    if (!server.apply(result) || !result.ok) return;
    form.reset(empty);
    setAdded(result.data.count);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add photos, files or links" className="space-y-3">
      {added !== null ? <FocusedStatus>{added === 1 ? "Added 1 attachment." : `Added ${added} attachments.`}</FocusedStatus> : null}
      <FormError message={server.error} />
      <FileChooser
        prefix="more"
        files={files}
        onChange={(next) => form.setValue("files", next, { shouldValidate: true })}
        error={errors.files?.message ?? errors.files?.root?.message}
      />
      <Field id="more-links" label="Links (optional)" hint="One web address per line." error={errors.links?.message}>
        <textarea
          id="more-links"
          rows={2}
          inputMode="url"
          className={inputClass}
          {...describedBy("more-links", { hint: true, error: errors.links?.message })}
          {...form.register("links")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add to record"}
      </Button>
    </form>
  );
}
