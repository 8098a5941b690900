"use client";

import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { ACTIVITY_SETTINGS, RESOURCE_KIND_LABEL, RESOURCE_KINDS, SETTING_LABEL } from "@/lib/plans/labels";
import { EMPTY_ACTIVITY } from "@/lib/plans/schemas";
import type { TemplateFormInput } from "@/lib/templates/schemas";

type Props = {
  goalIndex: number;
  control: Control<TemplateFormInput>;
  register: UseFormRegister<TemplateFormInput>;
  errors?: FieldErrors<TemplateFormInput>["goals"];
};

/** A goal's suggested activities: what, where, when, with whom, and with which resource. */
export function ActivityFields({ goalIndex: g, control, register, errors }: Props) {
  const activities = useFieldArray({ control, name: `goals.${g}.activities`, keyName: "key" });
  const kinds = useWatch({ control, name: `goals.${g}.activities` });
  const goalErrors = errors?.[g]?.activities;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">Suggested activities and resources</h3>
      {activities.fields.length === 0 ? <p className="text-sm text-slate-600">No activities suggested yet.</p> : null}
      {activities.fields.map((activity, i) => {
        const e = goalErrors?.[i];
        const id = (name: string) => `goals-${g}-activities-${i}-${name}`;
        const text = (name: string, error?: string) => ({ id: id(name), className: inputClass, ...describedBy(id(name), { error }) });
        const kind = kinds?.[i]?.resourceKind ?? "NONE";
        return (
          <fieldset key={activity.key} className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold">Activity {i + 1}</legend>
            <Field id={id("description")} label="What the student will do" error={e?.description?.message}>
              <textarea
                rows={2}
                {...text("description", e?.description?.message)}
                {...register(`goals.${g}.activities.${i}.description`)}
              />
            </Field>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field id={id("setting")} label="Where" error={e?.setting?.message}>
                <select {...text("setting", e?.setting?.message)} {...register(`goals.${g}.activities.${i}.setting`)}>
                  {ACTIVITY_SETTINGS.map((s) => (
                    <option key={s} value={s}>
                      {SETTING_LABEL[s]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id("timing")} label="When or how often (optional)" error={e?.timing?.message}>
                <input {...text("timing", e?.timing?.message)} {...register(`goals.${g}.activities.${i}.timing`)} />
              </Field>
              <Field id={id("withWhom")} label="With whom (optional)" error={e?.withWhom?.message}>
                <input {...text("withWhom", e?.withWhom?.message)} {...register(`goals.${g}.activities.${i}.withWhom`)} />
              </Field>
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field id={id("resourceKind")} label="Resource" error={e?.resourceKind?.message}>
                <select {...text("resourceKind", e?.resourceKind?.message)} {...register(`goals.${g}.activities.${i}.resourceKind`)}>
                  {RESOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {RESOURCE_KIND_LABEL[k]}
                    </option>
                  ))}
                </select>
              </Field>
              {kind !== "NONE" ? (
                <Field
                  id={id("resource")}
                  label={kind === "LINK" ? "Link text (optional)" : "Name of the resource"}
                  error={e?.resource?.message}
                >
                  <input {...text("resource", e?.resource?.message)} {...register(`goals.${g}.activities.${i}.resource`)} />
                </Field>
              ) : null}
              {kind === "LINK" ? (
                <Field id={id("resourceUrl")} label="Web address" error={e?.resourceUrl?.message}>
                  <input
                    type="url"
                    {...text("resourceUrl", e?.resourceUrl?.message)}
                    {...register(`goals.${g}.activities.${i}.resourceUrl`)}
                  />
                </Field>
              ) : null}
            </div>
            <Button type="button" variant="ghost" onClick={() => activities.remove(i)}>
              Remove activity {i + 1} of goal {g + 1}
            </Button>
          </fieldset>
        );
      })}
      <Button type="button" variant="secondary" onClick={() => activities.append({ ...EMPTY_ACTIVITY })}>
        Suggest an activity for goal {g + 1}
      </Button>
    </div>
  );
}
