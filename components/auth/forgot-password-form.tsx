"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ForgotPasswordInput } from "@/lib/auth/password-reset-schema";
import { RESET_LINK_MINUTES } from "@/lib/auth/password-rules";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<ForgotPasswordInput>(() => import("@/lib/auth/password-reset-schema").then((m) => m.forgotPasswordSchema));

export function ForgotPasswordForm({ request }: { request: ServerAction<ForgotPasswordInput> }) {
  const t = useTranslations("auth.forgotPassword");
  const form = useForm<ForgotPasswordInput>({ resolver, defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;
  const server = useServerErrors(form);
  const [sent, setSent] = useState(false);
  // Bumped on every failure, so focus moves to the message even when it is the same again.
  const [failures, setFailures] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures) errorRef.current?.focus();
  }, [failures]);

  const onSubmit = form.handleSubmit(async (values) => {
    // Unmounted first, so the status takes focus again after each request.
    setSent(false);
    const result = await request(values);
    if (server.apply(result)) {
      setSent(true);
      return;
    }
    if (!result.ok && result.fieldErrors?.email) form.setFocus("email");
    else setFailures((n) => n + 1);
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4" aria-label={t("formLabel")}>
      {sent ? <FocusedStatus>{t("sent", { minutes: RESET_LINK_MINUTES })}</FocusedStatus> : null}
      <div ref={errorRef} tabIndex={-1} className="outline-none">
        <FormError message={server.error} />
      </div>
      <Field id="email" label={t("email")} error={errors.email?.message}>
        <input
          id="email"
          type="email"
          autoComplete="username"
          className={inputClass}
          {...describedBy("email", { error: errors.email?.message })}
          {...form.register("email")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
