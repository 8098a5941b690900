"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { StatusMessage } from "@/components/people/status-message";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { RetentionPolicyInput } from "@/lib/retention/schemas";

const resolver = lazyZodResolver<RetentionPolicyInput>(() => import("@/lib/retention/schemas").then((m) => m.retentionPolicySchema));

export function RetentionForm({
  keepMonths,
  save,
}: {
  keepMonths: number | null;
  save: ServerAction<RetentionPolicyInput, { keepMonths: number | null }>;
}) {
  const router = useRouter();
  const form = useForm<RetentionPolicyInput>({
    resolver,
    defaultValues: { keepMonths: keepMonths === null ? "" : String(keepMonths) },
  });
  const server = useServerErrors(form);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const id = "retention-keepMonths";

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await save(values);
    if (!server.apply(result) || !result.ok) return;
    form.reset(values);
    const months = result.data.keepMonths;
    setSaved(
      months === null
        ? "Saved. Records of students who left are kept until someone deletes them."
        : `Saved. Records of students who left are due for deletion ${months} ${months === 1 ? "month" : "months"} after they left.`,
    );
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Retention period" className="space-y-4">
      <FormError message={server.error} />
      <StatusMessage message={saved} />
      <Field
        id={id}
        label="Keep records of students who left for (months)"
        hint="Counted from the day their last role ended. Leave it blank to keep records until someone deletes them."
        error={errors.keepMonths?.message}
      >
        <input
          id={id}
          inputMode="numeric"
          autoComplete="off"
          className={`${inputClass} sm:max-w-40`}
          {...describedBy(id, { hint: true, error: errors.keepMonths?.message })}
          {...form.register("keepMonths")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save period"}
      </Button>
    </form>
  );
}
