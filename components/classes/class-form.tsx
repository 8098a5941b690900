"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { GradeOptions } from "@/components/people/person-create-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ClassFormInput } from "@/lib/classes/schemas";
import type { ServerAction } from "@/lib/errors";
import { lazyZodResolver } from "@/components/lazy-resolver";

const resolver = lazyZodResolver<ClassFormInput>(() => import("@/lib/classes/schemas").then((m) => m.classFormSchema));

/** A class (a section of a course, in a term): a new one, or an existing one (with its id). */
export function ClassForm({
  initial,
  courses,
  terms,
  save,
}: {
  initial: ClassFormInput;
  courses: { id: string; title: string; code: string | null }[];
  terms: { id: string; name: string }[];
  save: ServerAction<ClassFormInput, { id: string }>;
}) {
  const router = useRouter();
  const form = useForm<ClassFormInput>({ resolver, defaultValues: initial, mode: "onTouched" });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const editing = Boolean(initial.classId);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await save(values);
    if (!server.apply(result) || !result.ok) return;
    router.push(`/admin/classes/${result.data.id}?done=${editing ? "saved" : "created"}`);
  });
  const control = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      className="max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <FormError message={server.error} />
      <Field id="name" label="Class name" error={errors.name?.message}>
        <input {...control("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="courseId" label="Course" error={errors.courseId?.message}>
        <select {...control("courseId", errors.courseId?.message)} {...form.register("courseId")}>
          <option value="">Choose a course…</option>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code ? `${c.title} (${c.code})` : c.title}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="termId" label="Term" hint="A class counts while its term is on." error={errors.termId?.message}>
          <select {...control("termId", errors.termId?.message, true)} {...form.register("termId")}>
            <option value="">No term</option>
            {terms.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
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
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : editing ? "Save class" : "Add class"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
