"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { CONFIRM_NAME_MISMATCH, namesMatch } from "@/lib/people/confirm";
import type { DeletePersonInput } from "@/lib/people/schemas";

const resolver = lazyZodResolver<DeletePersonInput>(() => import("@/lib/people/schemas").then((m) => m.deletePersonSchema));

/** Deleting for good: the admin types the person's full name; the server checks it again. */
export function DeletePersonForm({
  person,
  remove,
}: {
  person: { id: string; name: string };
  remove: ServerAction<DeletePersonInput, { redirectTo: string }>;
}) {
  const router = useRouter();
  const form = useForm<DeletePersonInput>({
    resolver,
    defaultValues: { userId: person.id, confirmName: "" },
  });
  const server = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;
  const id = "delete-confirmName";

  const onSubmit = form.handleSubmit(async (values) => {
    if (!namesMatch(values.confirmName, person.name)) {
      form.setError("confirmName", { type: "match", message: CONFIRM_NAME_MISMATCH }, { shouldFocus: true });
      return;
    }
    const result = await remove(values);
    if (!server.apply(result)) {
      if (!result.ok && result.fieldErrors?.confirmName) form.setFocus("confirmName");
      return;
    }
    if (result.ok) router.push(result.data.redirectTo);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label={`Delete ${person.name}`} className="space-y-3">
      <FormError message={server.error} />
      <input type="hidden" {...form.register("userId")} />
      <Field
        id={id}
        label={`Type “${person.name}” to confirm`}
        hint="Their full name, as shown at the top of this page."
        error={errors.confirmName?.message}
      >
        <input
          id={id}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} sm:max-w-sm`}
          {...describedBy(id, { hint: true, error: errors.confirmName?.message })}
          {...form.register("confirmName")}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={isSubmitting}>
        {isSubmitting ? "Deleting…" : `Delete ${person.name} for good`}
      </Button>
    </form>
  );
}
