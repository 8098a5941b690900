"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { MoveStudentInput } from "@/lib/classes/schemas";
import type { ServerAction } from "@/lib/errors";
import { lazyZodResolver } from "@/components/lazy-resolver";

const resolver = lazyZodResolver<MoveStudentInput>(() => import("@/lib/classes/schemas").then((m) => m.moveStudentSchema));

/** Moves a student of this class to another class of the school, from today. */
export function MoveForm({
  classId,
  students,
  targets,
  move,
}: {
  classId: string;
  students: { enrollmentId: string; name: string }[];
  targets: { id: string; name: string }[];
  move: ServerAction<MoveStudentInput, { id: string }>;
}) {
  const router = useRouter();
  const form = useForm<MoveStudentInput>({ resolver, defaultValues: { enrollmentId: "", toClassId: "" } });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    if (!server.apply(await move(values))) return;
    router.push(`/admin/classes/${classId}?done=moved`);
  });
  const control = (id: string, error?: string) => ({ id, className: inputClass, ...describedBy(id, { error }) });
  const studentError = errors.enrollmentId ? "Choose a student of this class." : undefined;

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Move a student" className="space-y-3">
      <FormError message={server.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="move-enrollmentId" label="Student" error={studentError}>
          <select {...control("move-enrollmentId", studentError)} {...form.register("enrollmentId")}>
            <option value="">Choose a student…</option>
            {students.map((s) => (
              <option key={s.enrollmentId} value={s.enrollmentId}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="move-toClassId" label="To class" error={errors.toClassId?.message}>
          <select {...control("move-toClassId", errors.toClassId?.message)} {...form.register("toClassId")}>
            <option value="">Choose a class…</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Moving…" : "Move student"}
      </Button>
    </form>
  );
}
