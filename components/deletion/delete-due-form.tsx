"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { countMatches } from "@/lib/retention/confirm";
import type { DeleteDueInput } from "@/lib/retention/schemas";

const resolver = lazyZodResolver<DeleteDueInput>(() => import("@/lib/retention/schemas").then((m) => m.deleteDueSchema));

type Done = { deleted: number; skipped: number; failed: number };

/**
 * Deletes the students listed on the page, once the admin types how many there are. The result
 * goes into the page's address: the refreshed list remounts this form, so the page shows it.
 */
export function DeleteDueForm({
  studentIds,
  remove,
}: {
  studentIds: string[];
  remove: ServerAction<DeleteDueInput, Done & { certificateIds: string[] }>;
}) {
  const router = useRouter();
  const n = studentIds.length;
  const form = useForm<DeleteDueInput>({ resolver, defaultValues: { studentIds, confirmCount: "" } });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const id = "retention-confirmCount";
  const noun = (k: number) => `${k} ${k === 1 ? "student" : "students"}`;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!countMatches(values.confirmCount, n)) {
      form.setError("confirmCount", { type: "match", message: `Type ${n} to delete the ${noun(n)} listed.` }, { shouldFocus: true });
      return;
    }
    const result = await remove({ ...values, studentIds });
    if (!server.apply(result) || !result.ok) return;
    const { deleted, skipped, failed } = result.data;
    router.replace(`/admin/retention?${new URLSearchParams({ deleted: String(deleted), kept: String(skipped), failed: String(failed) })}`);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Delete the students listed" className="space-y-3">
      <FormError message={server.error} />
      <Field id={id} label={`Type ${n} to delete the ${noun(n)} listed`} error={errors.confirmCount?.message}>
        <input
          id={id}
          inputMode="numeric"
          autoComplete="off"
          className={`${inputClass} sm:max-w-40`}
          {...describedBy(id, { error: errors.confirmCount?.message })}
          {...form.register("confirmCount")}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={isSubmitting}>
        {isSubmitting ? "Deleting…" : `Delete these ${noun(n)}`}
      </Button>
    </form>
  );
}
