"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { GradeOptions } from "@/components/people/person-create-form";
import { StatusMessage } from "@/components/people/status-message";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { CourseFormInput } from "@/lib/classes/schemas";
import type { ServerAction } from "@/lib/errors";
import { SUBJECT_LABEL, SUBJECTS } from "@/lib/plans/labels";
import { SchoolSelect } from "./school-select";
import { lazyZodResolver } from "@/components/lazy-resolver";

const resolver = lazyZodResolver<CourseFormInput>(() => import("@/lib/classes/schemas").then((m) => m.courseFormSchema));

/** A course of a school's catalogue: a new one (at a chosen school) or an existing one (with its id). */
export function CourseForm({
  initial,
  schools,
  schoolName,
  save,
}: {
  initial: CourseFormInput;
  schools: { id: string; name: string }[];
  /** The school of an existing course. */
  schoolName?: string;
  save: ServerAction<CourseFormInput, { id: string }>;
}) {
  const router = useRouter();
  const form = useForm<CourseFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const server = useServerErrors(form);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const editing = Boolean(initial.courseId);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await save(values);
    if (!server.apply(result) || !result.ok) return;
    if (!editing) return router.push(`/admin/classes/courses/${result.data.id}?done=created`);
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
      <Field id="title" label="Title" error={errors.title?.message}>
        <input {...control("title", errors.title?.message)} {...form.register("title")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="code" label="Code (optional)" error={errors.code?.message}>
          <input {...control("code", errors.code?.message)} {...form.register("code")} />
        </Field>
        <Field id="subject" label="Subject" error={errors.subject?.message}>
          <select {...control("subject", errors.subject?.message)} {...form.register("subject")}>
            {SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {SUBJECT_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="gradeLevel" label="Grade (optional)" error={errors.gradeLevel?.message}>
          <select {...control("gradeLevel", errors.gradeLevel?.message)} {...form.register("gradeLevel")}>
            <GradeOptions empty="Any grade" />
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : editing ? "Save course" : "Add course"}
      </Button>
    </form>
  );
}
