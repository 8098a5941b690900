"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { UpdatePersonInput } from "@/lib/people/admin-schemas";
import { GradeOptions } from "./person-create-form";
import { StatusMessage } from "./status-message";

const resolver = lazyZodResolver<UpdatePersonInput>(() => import("@/lib/people/admin-schemas").then((m) => m.updatePersonSchema));

export function PersonEditForm({
  initial,
  isStudent,
  update,
}: {
  initial: UpdatePersonInput;
  isStudent: boolean;
  update: ServerAction<UpdatePersonInput, { id: string }>;
}) {
  const router = useRouter();
  const form = useForm<UpdatePersonInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const server = useServerErrors(form);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await update(values);
    if (!server.apply(result)) return;
    form.reset(values);
    setSaved("Saved.");
    router.refresh();
  });
  const control = (id: string, error?: string) => ({ id, className: inputClass, ...describedBy(id, { error }) });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Edit details" className="space-y-4">
      <FormError message={server.error} />
      <StatusMessage message={saved} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="edit-name" label="Full name" error={errors.name?.message}>
          <input autoComplete="off" {...control("edit-name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="edit-email" label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="off" {...control("edit-email", errors.email?.message)} {...form.register("email")} />
        </Field>
        {isStudent ? (
          <Field id="edit-gradeLevel" label="Grade" error={errors.gradeLevel?.message}>
            <select {...control("edit-gradeLevel", errors.gradeLevel?.message)} {...form.register("gradeLevel")}>
              <GradeOptions />
            </select>
          </Field>
        ) : null}
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
