"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { ApplyInput } from "@/lib/templates/schemas";
import { plansCreatedMessage } from "./plans-created";
import { StatusMessage } from "@/components/people/status-message";

const resolver = lazyZodResolver<ApplyInput>(() => import("@/lib/templates/schemas").then((m) => m.applySchema));

/** Picks a class and the plans' dates; every student enrolled in it gets a linked draft. */
export function ApplyForm({
  templateId,
  classes,
  defaults,
  action,
}: {
  templateId: string;
  classes: { id: string; name: string; school: string }[];
  defaults: { startsOn: string; endsOn: string };
  action: ServerAction<ApplyInput, { applicationId: string; created: number }>;
}) {
  const t = useTranslations("templates");
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm<ApplyInput>({
    resolver,
    defaultValues: { templateId, classId: "", ...defaults },
    mode: "onTouched",
  });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const schools = new Set(classes.map((c) => c.school));
  const text = (id: string, error?: string) => ({ id: `apply-${id}`, className: inputClass, ...describedBy(`apply-${id}`, { error }) });

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await action(values);
    if (!server.apply(result) || !result.ok) return;
    setStatus(plansCreatedMessage(t, result.data.created));
    form.reset({ ...values, classId: "" });
    router.refresh();
  });

  if (classes.length === 0) {
    return (
      <div className="space-y-3">
        <StatusMessage message={status} />
        <p className="text-sm text-slate-700">{t("apply.allHaveIt")}</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4">
      <StatusMessage message={status} />
      <FormError message={server.error} />
      <Field id="apply-classId" label={t("apply.class")} error={errors.classId?.message}>
        <select {...text("classId", errors.classId?.message)} {...form.register("classId")}>
          <option value="">{t("apply.chooseClass")}</option>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {schools.size > 1 ? ` · ${c.school}` : ""}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="apply-startsOn" label={t("apply.startsOn")} error={errors.startsOn?.message}>
          <input type="date" {...text("startsOn", errors.startsOn?.message)} {...form.register("startsOn", { deps: ["endsOn"] })} />
        </Field>
        <Field id="apply-endsOn" label={t("apply.endsOn")} error={errors.endsOn?.message}>
          <input type="date" {...text("endsOn", errors.endsOn?.message)} {...form.register("endsOn")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("apply.creating") : t("apply.submit")}
      </Button>
    </form>
  );
}
