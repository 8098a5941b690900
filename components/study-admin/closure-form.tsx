"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ClosureFormInput } from "@/lib/agreements/settings-schemas";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<ClosureFormInput>(() => import("@/lib/agreements/settings-schemas").then((m) => m.closureFormSchema));

/** Adds one day the school (or every school of the district) is closed. */
export function ClosureForm({
  organizationId,
  done,
  add,
}: {
  organizationId: string;
  /** Where to go once added: the added day is appended. */
  done: string;
  add: ServerAction<ClosureFormInput, { id: string; day: string; name: string }>;
}) {
  const router = useRouter();
  const form = useForm<ClosureFormInput>({
    resolver,
    defaultValues: { organizationId, day: "", name: "" },
    mode: "onTouched",
  });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await add(values);
    if (!server.apply(result) || !result.ok) return;
    form.reset({ organizationId, day: "", name: "" });
    router.push(`${done}${result.data.day}`);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Add a closure" className="space-y-4">
      <FormError message={server.error} />
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field id="closure-day" label="Date" hint="A weekday within the school year." error={errors.day?.message}>
          <input
            id="closure-day"
            type="date"
            className={inputClass}
            {...describedBy("closure-day", { hint: true, error: errors.day?.message })}
            {...form.register("day")}
          />
        </Field>
        <Field id="closure-name" label="Name" hint="Such as Thanksgiving or Winter break." error={errors.name?.message}>
          <input
            id="closure-name"
            type="text"
            maxLength={120}
            className={inputClass}
            {...describedBy("closure-name", { hint: true, error: errors.name?.message })}
            {...form.register("name")}
          />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add closure"}
      </Button>
    </form>
  );
}
