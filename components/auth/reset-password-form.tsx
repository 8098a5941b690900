"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { useServerErrors } from "@/components/use-server-errors";
import type { ResetPasswordInput } from "@/lib/auth/password-reset-schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<ResetPasswordInput>(() => import("@/lib/auth/password-reset-schema").then((m) => m.resetPasswordSchema));

export function ResetPasswordForm({ token, reset }: { token: string; reset: ServerAction<ResetPasswordInput> }) {
  const t = useTranslations("auth.resetPassword");
  const router = useRouter();
  const form = useForm<ResetPasswordInput>({
    resolver,
    defaultValues: { token, password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const server = useServerErrors(form);
  // The link itself is not a field: its problem is told above the form, with a way on.
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures) errorRef.current?.focus();
  }, [failures]);

  const onSubmit = form.handleSubmit(async (values) => {
    setLinkProblem(null);
    const result = await reset(values);
    if (server.apply(result)) {
      router.replace("/sign-in?reset=1");
      return;
    }
    if (!result.ok && result.fieldErrors?.token) setLinkProblem(t("unusable"));
    if (!result.ok && (result.fieldErrors?.password || result.fieldErrors?.confirmPassword)) {
      form.setFocus(result.fieldErrors.password ? "password" : "confirmPassword");
      return;
    }
    setFailures((n) => n + 1);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4" aria-label={t("title")}>
      <div ref={errorRef} tabIndex={-1} className="outline-none">
        {linkProblem ? (
          <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-800">
            {linkProblem} <Link href="/forgot-password">{t("askForNewLink")}</Link>
          </div>
        ) : (
          <FormError message={server.error} />
        )}
      </div>
      <Field
        id="password"
        label={t("newPassword")}
        hint={t("passwordHint", { min: String(PASSWORD_MIN_LENGTH) })}
        error={errors.password?.message}
      >
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...describedBy("password", { hint: true, error: errors.password?.message })}
          {...form.register("password")}
        />
      </Field>
      <Field id="confirmPassword" label={t("newPasswordAgain")} error={errors.confirmPassword?.message}>
        <input
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...describedBy("confirmPassword", { error: errors.confirmPassword?.message })}
          {...form.register("confirmPassword")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
