"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { ACTIVITY_SETTINGS, RESOURCE_KINDS } from "@/lib/plans/labels";
import { EMPTY_ACTIVITY } from "@/lib/plans/blanks";
import type { TemplateFormInput } from "@/lib/templates/schemas";

type Props = {
  goalIndex: number;
  control: Control<TemplateFormInput>;
  register: UseFormRegister<TemplateFormInput>;
  errors?: FieldErrors<TemplateFormInput>["goals"];
};

/** A goal's suggested activities: what, where, when, with whom, and with which resource. */
export function ActivityFields({ goalIndex: g, control, register, errors }: Props) {
  const t = useTranslations("templates.activities");
  const p = useTranslations("plans");
  const activities = useFieldArray({ control, name: `goals.${g}.activities`, keyName: "key" });
  const kinds = useWatch({ control, name: `goals.${g}.activities` });
  const goalErrors = errors?.[g]?.activities;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">{t("heading")}</h3>
      {activities.fields.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      {activities.fields.map((activity, i) => {
        const e = goalErrors?.[i];
        const id = (name: string) => `goals-${g}-activities-${i}-${name}`;
        const text = (name: string, error?: string) => ({ id: id(name), className: inputClass, ...describedBy(id(name), { error }) });
        const kind = kinds?.[i]?.resourceKind ?? "NONE";
        return (
          <fieldset key={activity.key} className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold">{p("activityForm.number", { number: i + 1 })}</legend>
            <Field id={id("description")} label={t("description")} error={e?.description?.message}>
              <textarea
                rows={2}
                {...text("description", e?.description?.message)}
                {...register(`goals.${g}.activities.${i}.description`)}
              />
            </Field>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field id={id("setting")} label={p("activityForm.where")} error={e?.setting?.message}>
                <select {...text("setting", e?.setting?.message)} {...register(`goals.${g}.activities.${i}.setting`)}>
                  {ACTIVITY_SETTINGS.map((s) => (
                    <option key={s} value={s}>
                      {p(`setting.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id("timing")} label={p("activityForm.timing")} error={e?.timing?.message}>
                <input {...text("timing", e?.timing?.message)} {...register(`goals.${g}.activities.${i}.timing`)} />
              </Field>
              <Field id={id("withWhom")} label={p("activityForm.withWhom")} error={e?.withWhom?.message}>
                <input {...text("withWhom", e?.withWhom?.message)} {...register(`goals.${g}.activities.${i}.withWhom`)} />
              </Field>
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field id={id("resourceKind")} label={p("activityForm.resource")} error={e?.resourceKind?.message}>
                <select {...text("resourceKind", e?.resourceKind?.message)} {...register(`goals.${g}.activities.${i}.resourceKind`)}>
                  {RESOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {p(`resourceKind.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {kind !== "NONE" ? (
                <Field id={id("resource")} label={kind === "LINK" ? t("linkText") : t("resourceName")} error={e?.resource?.message}>
                  <input {...text("resource", e?.resource?.message)} {...register(`goals.${g}.activities.${i}.resource`)} />
                </Field>
              ) : null}
              {kind === "LINK" ? (
                <Field id={id("resourceUrl")} label={t("url")} error={e?.resourceUrl?.message}>
                  <input
                    type="url"
                    {...text("resourceUrl", e?.resourceUrl?.message)}
                    {...register(`goals.${g}.activities.${i}.resourceUrl`)}
                  />
                </Field>
              ) : null}
            </div>
            <Button type="button" variant="ghost" onClick={() => activities.remove(i)}>
              {t("remove", { activity: i + 1, goal: g + 1 })}
            </Button>
          </fieldset>
        );
      })}
      <Button type="button" variant="secondary" onClick={() => activities.append({ ...EMPTY_ACTIVITY })}>
        {t("add", { goal: g + 1 })}
      </Button>
    </div>
  );
}
