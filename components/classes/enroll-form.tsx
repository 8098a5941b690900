"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { PersonPicker, type PickedPerson } from "@/components/people/person-picker";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { EnrollInput } from "@/lib/classes/schemas";
import { ENROLLMENT_ROLE_LABEL } from "@/lib/classes/labels";
import type { ServerAction } from "@/lib/errors";
import type { PickPeopleInput } from "@/lib/people/admin-schemas";
import { lazyZodResolver } from "@/components/lazy-resolver";

const resolver = lazyZodResolver<EnrollInput>(() => import("@/lib/classes/schemas").then((m) => m.enrollSchema));

/**
 * Puts someone in the class: a student of the class's school, or one of its teachers as a
 * (co-)teacher or aide. Found by name or email, never from a list of the whole school.
 */
export function EnrollForm({
  classId,
  schoolId,
  staff,
  search,
  enroll,
}: {
  classId: string;
  schoolId: string;
  /** Teachers and aides, or students. */
  staff: boolean;
  search: ServerAction<PickPeopleInput, PickedPerson[]>;
  enroll: ServerAction<EnrollInput, { id: string }>;
}) {
  const router = useRouter();
  const prefix = staff ? "staff" : "student";
  const initial: EnrollInput = { classId, userId: "", role: staff ? "TEACHER" : "STUDENT", beginsOn: "" };
  const form = useForm<EnrollInput>({ resolver, defaultValues: initial });
  const server = useServerErrors(form);
  const [pickerKey, setPickerKey] = useState(0);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!server.apply(await enroll(values))) return;
    form.reset(initial);
    setPickerKey((k) => k + 1);
    router.push(`/admin/classes/${classId}?done=${staff ? "staff-added" : "enrolled"}`);
  });

  return (
    <form
      onSubmit={onSubmit}
      onFocus={resolver.preload}
      noValidate
      aria-label={staff ? "Add a teacher or aide" : "Enroll a student"}
      className="space-y-3"
    >
      <FormError message={server.error} />
      <Controller
        control={form.control}
        name="userId"
        render={({ field }) => (
          <PersonPicker
            key={pickerKey}
            id={`${prefix}-userId`}
            label={staff ? "Find a teacher" : "Find a student"}
            role={staff ? "TEACHER" : "STUDENT"}
            organizationId={schoolId}
            search={search}
            value={field.value}
            onChange={field.onChange}
            inputRef={field.ref}
            error={errors.userId?.message}
          />
        )}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {staff ? (
          <Field id={`${prefix}-role`} label="As" error={errors.role?.message}>
            <select
              id={`${prefix}-role`}
              className={inputClass}
              {...describedBy(`${prefix}-role`, { error: errors.role?.message })}
              {...form.register("role")}
            >
              {(["TEACHER", "AIDE"] as const).map((r) => (
                <option key={r} value={r}>
                  {ENROLLMENT_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id={`${prefix}-beginsOn`} label="First day (optional)" hint="Today when left empty." error={errors.beginsOn?.message}>
          <input
            type="date"
            id={`${prefix}-beginsOn`}
            className={inputClass}
            {...describedBy(`${prefix}-beginsOn`, { hint: true, error: errors.beginsOn?.message })}
            {...form.register("beginsOn")}
          />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : staff ? "Add to class" : "Enroll student"}
      </Button>
    </form>
  );
}
