"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { StatusMessage } from "@/components/people/status-message";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { TermFormInput } from "@/lib/classes/schemas";
import type { ServerAction } from "@/lib/errors";
import { SchoolSelect } from "./school-select";
import { lazyZodResolver } from "@/components/lazy-resolver";

const resolver = lazyZodResolver<TermFormInput>(() => import("@/lib/classes/schemas").then((m) => m.termFormSchema));

/** A school's term (a semester, a year): a new one or an existing one (with its id). */
export function TermForm({
  initial,
  schools,
  schoolName,
  save,
}: {
  initial: TermFormInput;
  schools: { id: string; name: string }[];
  schoolName?: string;
  save: ServerAction<TermFormInput, { id: string }>;
}) {
  const router = useRouter();
  const form = useForm<TermFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const server = useServerErrors(form);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const editing = Boolean(initial.termId);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await save(values);
    if (!server.apply(result) || !result.ok) return;
    if (!editing) return router.push(`/admin/classes/terms/${result.data.id}?done=created`);
    form.reset(values);
    setSaved("Saved.");
    router.refresh();
  });
  const control = (id: string, error?: string) => ({ id, className: inputClass, ...describedBy(id, { error }) });

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <FormError message={server.error} />
      <StatusMessage message={saved} />
      <SchoolSelect
        schools={schools}
        fixed={schoolName}
        error={errors.organizationId?.message}
        register={form.register("organizationId")}
      />
      <Field id="name" label="Name" error={errors.name?.message}>
        <input {...control("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="startsOn" label="First day" error={errors.startsOn?.message}>
          <input type="date" {...control("startsOn", errors.startsOn?.message)} {...form.register("startsOn", { deps: ["endsOn"] })} />
        </Field>
        <Field id="endsOn" label="Last day" error={errors.endsOn?.message}>
          <input type="date" {...control("endsOn", errors.endsOn?.message)} {...form.register("endsOn")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : editing ? "Save term" : "Add term"}
      </Button>
    </form>
  );
}
