"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/account-schema";
import type { ServerAction } from "@/lib/errors";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "At least 10 characters." },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ action }: { action: ServerAction<ChangePasswordInput> }) {
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { error, apply } = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;

  // On success the action signs this browser in again and reloads the page with a message.
  const onSubmit = form.handleSubmit(async (values) => {
    apply(await action(values));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-labelledby="password-heading">
      <FormError message={error} />
      {FIELDS.map((f) => (
        <Field key={f.name} id={f.name} label={f.label} hint={"hint" in f ? f.hint : undefined} error={errors[f.name]?.message}>
          <input
            id={f.name}
            type="password"
            autoComplete={f.autoComplete}
            className={inputClass}
            {...describedBy(f.name, { hint: "hint" in f, error: errors[f.name]?.message })}
            {...form.register(f.name)}
          />
        </Field>
      ))}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
