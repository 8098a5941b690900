"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { AttachmentsFormInput } from "@/lib/records/schemas";
import { FileChooser } from "./file-chooser";

const resolver = lazyZodResolver<AttachmentsFormInput>(() => import("@/lib/records/schemas").then((m) => m.attachmentsFormSchema));

/** Adds photos, files or links to a record the student already saved. */
export function AttachmentForm({ recordId, action }: { recordId: string; action: ServerAction<FormData, { count: number }> }) {
  const t = useTranslations("records.attach");
  const router = useRouter();
  const [added, setAdded] = useState<number | null>(null);
  const empty: AttachmentsFormInput = { recordId, links: "", files: [] };
  const form = useForm<AttachmentsFormInput>({ resolver, defaultValues: empty });
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
      server.setError(t("notSent"));
      return;
    }
    if (!server.apply(result) || !result.ok) return;
    form.reset(empty);
    setAdded(result.data.count);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label={t("label")} className="space-y-3">
      {added !== null ? <FocusedStatus>{t("added", { count: added })}</FocusedStatus> : null}
      <FormError message={server.error} />
      <FileChooser
        prefix="more"
        files={files}
        onChange={(next) => form.setValue("files", next, { shouldValidate: true })}
        error={errors.files?.message ?? errors.files?.root?.message}
      />
      <Field id="more-links" label={t("links")} hint={t("linksHint")} error={errors.links?.message}>
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
        {isSubmitting ? t("adding") : t("add")}
      </Button>
    </form>
  );
}
