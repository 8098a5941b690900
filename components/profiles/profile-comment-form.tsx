"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, type KeyboardEvent } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import type { ProfileCommentInput } from "@/lib/profiles/schemas";

const resolver = lazyZodResolver<ProfileCommentInput>(() => import("@/lib/profiles/schemas").then((m) => m.profileCommentSchema));

/** Opened on demand (profile-comment.tsx): focus starts in the comment; Escape or Cancel closes it. */
export function ProfileCommentForm({
  studentId,
  action,
  onClose,
}: {
  studentId: string;
  action: ServerAction<ProfileCommentInput, { id: string }>;
  onClose: () => void;
}) {
  const t = useTranslations("profile.comments");
  const router = useRouter();
  const [posted, setPosted] = useState(0);
  const form = useForm<ProfileCommentInput>({ resolver, defaultValues: { studentId, body: "" } });
  const server = useServerErrors(form);
  const error = form.formState.errors.body?.message;
  const { setFocus } = form;
  useEffect(() => setFocus("body"), [setFocus]);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onClose();
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setPosted(0);
    if (!server.apply(await action(values))) return;
    form.reset({ studentId, body: "" });
    setPosted((n) => n + 1);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} onKeyDown={onKeyDown} noValidate className="space-y-3">
      <FormError message={server.error} />
      <Field id="profile-comment-body" label={t("label")} hint={t("hint")} error={error}>
        <textarea
          id="profile-comment-body"
          rows={3}
          className={inputClass}
          {...describedBy("profile-comment-body", { hint: true, error })}
          {...form.register("body")}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("posting") : t("post")}
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          {t("cancel")}
        </Button>
        {posted ? <FocusedStatus key={posted}>{t("posted")}</FocusedStatus> : null}
      </div>
    </form>
  );
}
