"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { useIdempotencyKey } from "@/components/use-idempotency-key";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { ACCEPT_ATTRIBUTE } from "@/lib/evidence/files";
import type { EvidenceFormInput } from "@/lib/evidence/schemas";

const KINDS = ["TEXT", "LINK", "FILE"] as const;
const resolver = lazyZodResolver<EvidenceFormInput>(() => import("@/lib/evidence/schemas").then((m) => m.evidenceFormSchema));

/**
 * Adds evidence (text, a link or a file up to 10 MB) to one goal: the open form, which AddEvidence
 * loads on demand. Focus goes to its first choice as it opens; after a save `onSaved` gets the
 * title (AddEvidence confirms it and closes the form), and Cancel calls `onCancel`.
 */
export function EvidenceForm({
  planId,
  goalId,
  action,
  onSaved,
  onCancel,
}: {
  planId: string;
  goalId: string;
  action: ServerAction<FormData, { id: string }>;
  onSaved: (title: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("evidence.form");
  const router = useRouter();
  const empty: EvidenceFormInput = { planId, goalId, kind: "TEXT", title: "", text: "", url: "", reflection: "", file: undefined };
  const form = useForm<EvidenceFormInput>({ resolver, defaultValues: empty });
  const server = useServerErrors(form);
  const idempotency = useIdempotencyKey();
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" });
  const id = (name: string) => `evidence-${goalId}-${name}`;
  useEffect(() => form.setFocus("kind"), [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    const data = new FormData();
    for (const key of ["planId", "goalId", "kind", "title", "text", "url", "reflection"] as const) data.set(key, values[key]);
    if (values.kind === "FILE" && values.file) data.set("file", values.file);
    // The same key on every attempt until one succeeds: a retry after a lost answer adds nothing twice.
    data.set("idempotencyKey", idempotency.key);
    if (!server.apply(await action(data))) return;
    idempotency.renew();
    onSaved(values.title);
    router.refresh();
  });

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="space-y-4 rounded-md border border-indigo-200 bg-indigo-50/40 p-4"
      aria-label={t("add")}
    >
      <FormError message={server.error} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("kind")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" value={k} {...form.register("kind")} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={id("title")} label={t("title")} error={errors.title?.message}>
        <input
          id={id("title")}
          className={inputClass}
          {...describedBy(id("title"), { error: errors.title?.message })}
          {...form.register("title")}
        />
      </Field>
      {kind === "TEXT" ? (
        <Field id={id("text")} label={t("text")} error={errors.text?.message}>
          <textarea
            id={id("text")}
            rows={4}
            className={inputClass}
            {...describedBy(id("text"), { error: errors.text?.message })}
            {...form.register("text")}
          />
        </Field>
      ) : null}
      {kind === "LINK" ? (
        <Field id={id("url")} label={t("url")} error={errors.url?.message}>
          <input
            id={id("url")}
            type="url"
            placeholder="https://"
            className={inputClass}
            {...describedBy(id("url"), { error: errors.url?.message })}
            {...form.register("url")}
          />
        </Field>
      ) : null}
      {kind === "FILE" ? (
        <Field id={id("file")} label={t("file")} hint={t("fileHint")} error={errors.file?.message}>
          <input
            id={id("file")}
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            className="block w-full text-sm"
            {...describedBy(id("file"), { hint: true, error: errors.file?.message })}
            onChange={(e) => form.setValue("file", e.target.files?.[0], { shouldValidate: true })}
          />
        </Field>
      ) : null}
      <Field id={id("reflection")} label={t("reflection")} hint={t("reflectionHint")} error={errors.reflection?.message}>
        <textarea
          id={id("reflection")}
          rows={2}
          className={inputClass}
          {...describedBy(id("reflection"), { hint: true, error: errors.reflection?.message })}
          {...form.register("reflection")}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("uploading") : t("save")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
