"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { ServerAction } from "@/lib/errors";
import { ACTIVITY_SETTINGS, SETTING_LABEL } from "@/lib/plans/labels";
import { profileFormSchema, type ProfileContent, type ProfileFormInput, type ProfileUpdateInput } from "@/lib/profiles/schemas";
import { UDL_PRINCIPLES } from "@/lib/profiles/udl";

type TextField = "strengths" | "needs" | "interests" | "aspirations" | "learningPreferences";

const ABOUT: { name: TextField; label: string; hint: string }[] = [
  { name: "strengths", label: "My strengths", hint: "What I am good at, in and out of school." },
  { name: "needs", label: "What helps me / what I need", hint: "What I find hard and what helps me with it." },
  { name: "interests", label: "My interests", hint: "Things I care about or like doing." },
  { name: "aspirations", label: "Goals I care about", hint: "What I want to get better at, or do one day." },
];

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
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">
          {error}
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
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [saved, setSaved] = useState(0);
  const form = useForm<ProfileFormInput, unknown, ProfileContent>({ resolver: zodResolver(profileFormSchema), defaultValues: initial });
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
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading" className="sr-only">
        Edit my profile
      </h2>
      <FormError message={server.error} />

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">About me</legend>
        {ABOUT.map((f) => (
          <Field key={f.name} id={`profile-${f.name}`} label={f.label} hint={f.hint} error={errors[f.name]?.message}>
            <textarea rows={3} {...text(f.name, errors[f.name]?.message)} {...form.register(f.name)} />
          </Field>
        ))}
      </fieldset>

      <fieldset className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">How I learn best</legend>
        <p className="text-sm text-slate-700">Tick everything that sounds like you. There are no wrong answers.</p>
        {UDL_PRINCIPLES.map((p) => (
          <CheckboxGroup
            key={p.field}
            name={p.field}
            legend={p.prompt}
            choices={p.choices}
            error={errors[p.field]?.message}
            register={form.register}
          />
        ))}
        <Field
          id="profile-learningPreferences"
          label="In my own words, I learn best when…"
          hint="Anything the choices above don't say."
          error={errors.learningPreferences?.message}
        >
          <textarea
            rows={3}
            {...text("learningPreferences", errors.learningPreferences?.message)}
            {...form.register("learningPreferences")}
          />
        </Field>
        <CheckboxGroup
          name="preferredSettings"
          legend="Where I like to learn"
          hint="Plans you write will suggest these places for your activities."
          choices={ACTIVITY_SETTINGS.map((s) => ({ key: s, label: SETTING_LABEL[s] }))}
          error={errors.preferredSettings?.message}
          register={form.register}
        />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save my profile"}
        </Button>
        {saved ? <FocusedStatus key={saved}>Profile saved. Your teachers and family see the new version.</FocusedStatus> : null}
      </div>
    </form>
  );
}
