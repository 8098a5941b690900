"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass, useMessageText } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { ACTIVITY_SETTINGS } from "@/lib/plans/labels";
import type { ProfileContent, ProfileFormInput, ProfileUpdateInput } from "@/lib/profiles/schemas";
import { UDL_PRINCIPLES } from "@/lib/profiles/udl";
import { useProfileLabels } from "./use-profile-labels";

// The handler receives the schema's output (each choice once), as zodResolver gave it.
const resolver = lazyZodResolver<ProfileFormInput>(() => import("@/lib/profiles/schemas").then((m) => m.profileFormSchema));
const contentResolver = resolver as Resolver<ProfileFormInput, unknown, ProfileContent>;

type TextField = "strengths" | "needs" | "interests" | "aspirations" | "learningPreferences";

const ABOUT = ["strengths", "needs", "interests", "aspirations"] as const satisfies readonly TextField[];

function CheckboxGroup({
  name,
  legend,
  hint,
  choices,
  error,
  register,
}: {
  name: "engagement" | "representation" | "expression" | "preferredSettings";
  legend: string;
  hint?: string;
  choices: readonly { key: string; label: string }[];
  error?: string;
  register: ReturnType<typeof useForm<ProfileFormInput, unknown, ProfileContent>>["register"];
}) {
  const id = `profile-${name}`;
  const shownError = useMessageText(error);
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {choices.map((c) => (
          <label key={c.key} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" value={c.key} className="mt-1 size-4" {...register(name)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {shownError ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The student's own learner profile, in their words. */
export function ProfileForm({
  studentId,
  version: initialVersion,
  initial,
  action,
}: {
  studentId: string;
  version: number;
  initial: ProfileFormInput;
  action: ServerAction<ProfileUpdateInput, { version: number }>;
}) {
  const t = useTranslations("profile.form");
  const labels = useProfileLabels();
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [saved, setSaved] = useState(0);
  const form = useForm<ProfileFormInput, unknown, ProfileContent>({ resolver: contentResolver, defaultValues: initial });
  const server = useServerErrors(form, { pathPrefix: "profile." });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(0);
    const result = await action({ studentId, version, profile: values });
    // On failure (a conflict too) the form keeps everything typed.
    if (!server.apply(result) || !result.ok) return;
    setVersion(result.data.version);
    setSaved((n) => n + 1);
    router.refresh();
  });

  const text = (name: TextField, error?: string) => ({
    id: `profile-${name}`,
    className: inputClass,
    ...describedBy(`profile-${name}`, { hint: true, error }),
  });

  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-6" aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading" className="sr-only">
        {t("heading")}
      </h2>
      <FormError message={server.error} />

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">{t("aboutMe")}</legend>
        {ABOUT.map((name) => (
          <Field
            key={name}
            id={`profile-${name}`}
            label={t(`about.${name}.label`)}
            hint={t(`about.${name}.hint`)}
            error={errors[name]?.message}
          >
            <textarea rows={3} {...text(name, errors[name]?.message)} {...form.register(name)} />
          </Field>
        ))}
      </fieldset>

      <fieldset className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">{t("howILearn")}</legend>
        <p className="text-sm text-slate-700">{t("tick")}</p>
        {UDL_PRINCIPLES.map((p) => (
          <CheckboxGroup
            key={p.field}
            name={p.field}
            legend={labels.prompt(p.field)}
            choices={p.choices.map((c) => ({ key: c.key, label: labels.choice(p.field, c.key, c.label) }))}
            error={errors[p.field]?.message}
            register={form.register}
          />
        ))}
        <Field id="profile-learningPreferences" label={t("ownWords")} hint={t("ownWordsHint")} error={errors.learningPreferences?.message}>
          <textarea
            rows={3}
            {...text("learningPreferences", errors.learningPreferences?.message)}
            {...form.register("learningPreferences")}
          />
        </Field>
        <CheckboxGroup
          name="preferredSettings"
          legend={t("whereILearn")}
          hint={t("whereHint")}
          choices={ACTIVITY_SETTINGS.map((s) => ({ key: s, label: labels.setting(s) }))}
          error={errors.preferredSettings?.message}
          register={form.register}
        />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        {saved ? <FocusedStatus key={saved}>{t("saved")}</FocusedStatus> : null}
      </div>
    </form>
  );
}
