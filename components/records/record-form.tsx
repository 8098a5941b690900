"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useIdempotencyKey } from "@/components/use-idempotency-key";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { RecordFormInput } from "@/lib/records/schemas";
import { FileChooser } from "./file-chooser";
import { RecordFields, type RecordFieldValues } from "./record-fields";

const resolver = lazyZodResolver<RecordFormInput>(() => import("@/lib/records/schemas").then((m) => m.recordFormSchema));

const TEXT_FIELDS = ["title", "description", "setting", "place", "happenedOn", "hours", "minutes", "withWhom", "links"] as const;

/** "Record learning": one screen, quick from a phone; the photos go with the record in one request. */
export function RecordForm({ today, action }: { today: string; action: ServerAction<FormData, { id: string }> }) {
  const t = useTranslations("records.form");
  const router = useRouter();
  const form = useForm<RecordFormInput>({
    resolver,
    defaultValues: {
      title: "",
      description: "",
      setting: "COMMUNITY",
      place: "",
      happenedOn: "",
      hours: "",
      minutes: "",
      withWhom: "",
      links: "",
      files: [],
    },
  });
  const server = useServerErrors(form);
  const idempotency = useIdempotencyKey();
  const { errors, isSubmitting } = form.formState;
  const files = useWatch({ control: form.control, name: "files" });
  // Today in the student's own time zone (the server cannot know it), unless they already chose a day.
  useEffect(() => {
    if (form.getValues("happenedOn")) return;
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    form.setValue("happenedOn", local);
  }, [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    const data = new FormData();
    for (const key of TEXT_FIELDS) data.set(key, values[key]);
    for (const file of values.files) data.append("files", file);
    // The same key on every attempt until one succeeds: a retry after a lost answer records nothing twice.
    data.set("idempotencyKey", idempotency.key);
    // A failed request (offline, or a body over the server's limit) throws instead of answering.
    const result = await action(data).catch(() => null);
    // When the request itself fails (no connection, or the server refused its size): nothing was saved.
    if (!result) {
      server.setError(t("notSent"));
      return;
    }
    if (!server.apply(result) || !result.ok) return;
    idempotency.renew();
    router.push(`/records/${result.data.id}?added=1`);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label={t("label")} className="max-w-xl space-y-4">
      <FormError message={server.error} />
      <RecordFields
        prefix="record"
        register={form.register as unknown as UseFormRegister<RecordFieldValues>}
        errors={errors}
        today={today}
      />
      <FileChooser
        prefix="record"
        files={files}
        onChange={(next) => form.setValue("files", next, { shouldValidate: true })}
        error={errors.files?.message ?? errors.files?.root?.message}
      />
      <Field id="record-links" label={t("links")} hint={t("linksHint")} error={errors.links?.message}>
        <textarea
          id="record-links"
          rows={2}
          inputMode="url"
          className={inputClass}
          placeholder="https://"
          {...describedBy("record-links", { hint: true, error: errors.links?.message })}
          {...form.register("links")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
        {isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
