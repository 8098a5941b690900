"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass, useMessageText } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { SignAgreementInput } from "@/lib/agreements/schemas";
import type { ServerAction } from "@/lib/errors";

const resolver = lazyZodResolver<SignAgreementInput>(() => import("@/lib/agreements/schemas").then((m) => m.signAgreementSchema));

type Props = {
  planId: string;
  /** The hash of the version shown above: the signature is bound to exactly that. */
  contentHash: string;
  number: number;
  /** Said instead of the form once the actor has signed this version (after a reload). */
  signed: string | null;
  action: ServerAction<SignAgreementInput, { active: boolean; late: boolean; rule: string }>;
};

/** Typed full name, "I agree", Sign — for the version the signer has just read. */
export function SignForm({ planId, contentHash, number, signed, action }: Props) {
  const t = useTranslations("agreements.sign");
  const router = useRouter();
  const form = useForm<SignAgreementInput>({
    resolver,
    defaultValues: { planId, contentHash, typedName: "", agree: false as unknown as true },
  });
  const server = useServerErrors(form);
  const [done, setDone] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!server.apply(result) || !result.ok) {
      // A newer version was sent meanwhile: show it (this form starts again for its hash).
      if (!result.ok && result.code === "CONFLICT") router.refresh();
      return;
    }
    setDone(
      [t("done", { number }), result.data.active ? t("active") : "", result.data.late ? t("late", { rule: result.data.rule }) : ""]
        .filter(Boolean)
        .join(" "),
    );
    router.refresh();
  });

  const nameError = errors.typedName?.message;
  const agreeError = useMessageText(errors.agree?.message) ?? undefined;
  if (done) return <FocusedStatus>{done}</FocusedStatus>;
  if (signed) return <p className="text-sm text-slate-800">{signed}</p>;
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4">
      <FormError message={server.error} />
      <Field id="typedName" label={t("name")} hint={t("nameHint")} error={nameError}>
        <input
          autoComplete="name"
          className={inputClass}
          {...describedBy("typedName", { error: nameError, hint: true })}
          id="typedName"
          {...form.register("typedName")}
        />
      </Field>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1 size-4"
            {...describedBy("agree", { error: agreeError })}
            id="agree"
            {...form.register("agree")}
          />
          <span>{t("agree", { number })}</span>
        </label>
        {agreeError ? (
          <p id="agree-error" role="alert" className="text-sm text-rose-700">
            {agreeError}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("signing") : t("button")}
      </Button>
    </form>
  );
}
