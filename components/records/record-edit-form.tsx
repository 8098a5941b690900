"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { RecordEditInput } from "@/lib/records/schemas";
import { RecordFields, type RecordFieldValues } from "./record-fields";

const resolver = lazyZodResolver<RecordEditInput>(() => import("@/lib/records/schemas").then((m) => m.recordEditSchema));

/**
 * "Edit" opens the record's fields in place. Saving checks the version: if the record
 * changed elsewhere the conflict message shows and what was typed stays in the form.
 */
export function RecordEditForm({
  initial,
  today,
  action,
}: {
  initial: RecordEditInput;
  today: string;
  action: ServerAction<RecordEditInput, { version: number }>;
}) {
  const t = useTranslations("records.edit");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const form = useForm<RecordEditInput>({ resolver, defaultValues: initial });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!server.apply(result) || !result.ok) return;
    form.reset({ ...values, version: result.data.version });
    setOpen(false);
    setSaved(true);
    router.refresh();
  });

  if (!open) {
    return (
      <div className="space-y-2">
        {saved ? <FocusedStatus>{t("saved")}</FocusedStatus> : null}
        <button
          ref={opener}
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          {t("open")}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label={t("open")} className="max-w-xl space-y-4">
      <FormError message={server.error} />
      <RecordFields prefix="edit" register={form.register as unknown as UseFormRegister<RecordFieldValues>} errors={errors} today={today} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setOpen(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        >
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
