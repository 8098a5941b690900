"use client";

import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { StandardPicker } from "@/components/standards/standard-picker";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { PickerContext } from "@/lib/standards/queries";
import type { AddMappingInput } from "@/lib/xapi/schemas";

const resolver = lazyZodResolver<AddMappingInput>(() => import("@/lib/xapi/schemas").then((m) => m.addMappingSchema));

/** Maps an activity id (as tools send it) to standards: suggestions from it arrive linked to them. */
export function MappingForm({ picker, add }: { picker: PickerContext; add: ServerAction<AddMappingInput, { added: number }> }) {
  const router = useRouter();
  const empty = { activityId: "", standardIds: [] };
  const form = useForm<AddMappingInput>({ resolver, defaultValues: empty, mode: "onTouched" });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await add(values);
    if (!server.apply(result) || !result.ok) return;
    form.reset(empty);
    router.push(`/admin/tools?done=mapped&count=${result.data.added}`);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Map an activity to standards" className="space-y-4">
      <FormError message={server.error} />
      <Field
        id="mapping-activity"
        label="Activity id"
        hint="The activity's IRI exactly as the tool sends it, e.g. https://reading.example/books/42."
        error={errors.activityId?.message}
      >
        <input
          id="mapping-activity"
          type="url"
          inputMode="url"
          maxLength={2000}
          className={inputClass}
          {...describedBy("mapping-activity", { hint: true, error: errors.activityId?.message })}
          {...form.register("activityId")}
        />
      </Field>
      <Controller
        control={form.control}
        name="standardIds"
        render={({ field }) => (
          <StandardPicker
            id="mapping-standards"
            owner="the activity"
            context={picker}
            value={field.value}
            onChange={field.onChange}
            error={errors.standardIds?.message}
          />
        )}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add mapping"}
      </Button>
    </form>
  );
}
