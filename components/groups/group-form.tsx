"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { GroupFormInput } from "@/lib/groups/schemas";

const resolver = lazyZodResolver<GroupFormInput>(() => import("@/lib/groups/schemas").then((m) => m.groupFormSchema));

/** Name a group, adjust its members (every student of the class, the suggestion's ticked), add a note and a date, save. */
export function GroupForm({
  classId,
  standards,
  students,
  initial,
  action,
}: {
  classId: string;
  standards: { id: string; code: string }[];
  students: { id: string; name: string }[];
  initial: { name: string; studentIds: string[] };
  action: ServerAction<GroupFormInput, { id: string }>;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const defaults: GroupFormInput = {
    classId,
    name: initial.name,
    note: "",
    meetsOn: "",
    standardIds: standards.map((s) => s.id),
    studentIds: initial.studentIds,
  };
  const form = useForm<GroupFormInput>({ resolver, defaultValues: defaults });
  const server = useServerErrors(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    if (!server.apply(await action(values))) return;
    setSaved(values.name);
    router.refresh();
  });
  const membersError = errors.studentIds?.message ?? errors.studentIds?.root?.message;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4" aria-labelledby="new-group-heading">
      <FormError message={server.error} />
      <p className="text-sm text-slate-700">For {standards.map((s) => s.code).join(", ")}.</p>
      <Field id="group-name" label="Group name" error={errors.name?.message}>
        <input
          id="group-name"
          className={inputClass}
          {...describedBy("group-name", { error: errors.name?.message })}
          {...form.register("name")}
        />
      </Field>
      <fieldset className="space-y-2" aria-describedby={membersError ? "group-members-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Members</legend>
        <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {students.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={s.id} className="size-4" {...form.register("studentIds")} />
              {s.name}
            </label>
          ))}
        </div>
        {membersError ? (
          <p id="group-members-error" role="alert" className="text-sm text-rose-700">
            {membersError}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="group-note"
        label="Note"
        hint="What the group will work on, for you and the class's other teachers."
        error={errors.note?.message}
      >
        <textarea
          id="group-note"
          rows={3}
          className={inputClass}
          {...describedBy("group-note", { hint: true, error: errors.note?.message })}
          {...form.register("note")}
        />
      </Field>
      <Field id="group-date" label="Meets on" hint="Optional." error={errors.meetsOn?.message}>
        <input
          id="group-date"
          type="date"
          className={`${inputClass} sm:w-48`}
          {...describedBy("group-date", { hint: true, error: errors.meetsOn?.message })}
          {...form.register("meetsOn")}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save group"}
        </Button>
        {saved ? <FocusedStatus key={saved}>Group “{saved}” saved. It is listed under Saved groups.</FocusedStatus> : null}
      </div>
    </form>
  );
}
