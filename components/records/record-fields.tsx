"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { describedBy, Field, inputClass, useMessageText } from "@/components/ui/field";
import type { RecordEditInput } from "@/lib/records/schemas";
import { SETTINGS } from "@/lib/records/settings";

/** The fields both the new-record and the edit form share. */
export type RecordFieldValues = Pick<
  RecordEditInput,
  "title" | "description" | "setting" | "place" | "happenedOn" | "hours" | "minutes" | "withWhom"
>;

/**
 * What the student did and learned, where, when, for how long and with whom: one column
 * that fits a 360 px phone, labels above fields, errors right beside them.
 */
export function RecordFields({
  prefix,
  register,
  errors,
  today,
}: {
  prefix: string;
  register: UseFormRegister<RecordFieldValues>;
  errors: FieldErrors<RecordFieldValues>;
  /** The latest day that may be chosen (the browser's today). */
  today: string;
}) {
  const t = useTranslations("records");
  const id = (name: string) => `${prefix}-${name}`;
  const control = (name: keyof RecordFieldValues, hint = false) => ({
    id: id(name),
    className: inputClass,
    ...describedBy(id(name), { hint, error: errors[name]?.message }),
    ...register(name),
  });
  const durationError = useMessageText(errors.hours?.message ?? errors.minutes?.message);
  return (
    <>
      <Field id={id("title")} label={t("fields.title")} hint={t("fields.titleHint")} error={errors.title?.message}>
        <input {...control("title", true)} autoComplete="off" />
      </Field>
      <Field id={id("description")} label={t("fields.description")} error={errors.description?.message}>
        <textarea {...control("description")} rows={4} />
      </Field>
      <Field id={id("setting")} label={t("fields.setting")} error={errors.setting?.message}>
        <select {...control("setting")}>
          {SETTINGS.map((s) => (
            <option key={s} value={s}>
              {t(`setting.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id("place")} label={t("fields.place")} hint={t("fields.placeHint")} error={errors.place?.message}>
        <input {...control("place", true)} autoComplete="off" />
      </Field>
      <Field id={id("happenedOn")} label={t("fields.happenedOn")} error={errors.happenedOn?.message}>
        <input {...control("happenedOn")} type="date" max={today} />
      </Field>
      <fieldset className="space-y-1" aria-describedby={durationError ? id("duration-error") : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("fields.duration")}</legend>
        <div className="flex flex-wrap gap-3">
          <div className="w-28">
            <label htmlFor={id("hours")} className="block text-xs text-slate-700">
              {t("fields.hours")}
            </label>
            <input {...control("hours")} inputMode="numeric" pattern="[0-9]*" aria-describedby={undefined} />
          </div>
          <div className="w-28">
            <label htmlFor={id("minutes")} className="block text-xs text-slate-700">
              {t("fields.minutes")}
            </label>
            <input {...control("minutes")} inputMode="numeric" pattern="[0-9]*" aria-describedby={undefined} />
          </div>
        </div>
        {durationError ? (
          <p id={id("duration-error")} className="text-sm text-rose-700" role="alert">
            {durationError}
          </p>
        ) : null}
      </fieldset>
      <Field id={id("withWhom")} label={t("fields.withWhom")} hint={t("fields.withWhomHint")} error={errors.withWhom?.message}>
        <input {...control("withWhom", true)} autoComplete="off" />
      </Field>
    </>
  );
}
