"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ChangePasswordInput } from "@/lib/auth/account-schema";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<ChangePasswordInput>(() => import("@/lib/auth/account-schema").then((m) => m.changePasswordSchema));

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password", hint: false },
  { name: "newPassword", autoComplete: "new-password", hint: true },
  { name: "confirmPassword", autoComplete: "new-password", hint: false },
] as const;

export function ChangePasswordForm({ action }: { action: ServerAction<ChangePasswordInput> }) {
  const t = useTranslations("account.password");
  const form = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { error, apply } = useServerErrors(form);
  const { errors, isSubmitting } = form.formState;

  // On success the action signs this browser in again and reloads the page with a message.
  const onSubmit = form.handleSubmit(async (values) => {
    apply(await action(values));
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="max-w-md space-y-4" aria-labelledby="password-heading">
      <FormError message={error} />
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          id={f.name}
          label={t(`fields.${f.name}`)}
          hint={f.hint ? t("newPasswordHint") : undefined}
          error={errors[f.name]?.message}
        >
          <input
            id={f.name}
            type="password"
            autoComplete={f.autoComplete}
            className={inputClass}
            {...describedBy(f.name, { hint: f.hint, error: errors[f.name]?.message })}
            {...form.register(f.name)}
          />
        </Field>
      ))}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("changing") : t("change")}
      </Button>
    </form>
  );
}
