"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { ProfileSuggestions } from "@/components/profiles/profile-suggestions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass, useMessageText } from "@/components/ui/field";
import type { ActivitySetting, ResourceKind } from "@/lib/generated/prisma/enums.ts";
import { ACTIVITY_SETTINGS, RESOURCE_KINDS } from "@/lib/plans/labels";
import { EMPTY_ACTIVITY } from "@/lib/plans/blanks";
import type { PlanFormInput } from "@/lib/plans/schemas";

type Form = UseFormReturn<PlanFormInput>;

/** Focus an element once it is rendered (after an add, move or remove re-renders the list). */
function useFocusAfterRender() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const el = pending.current ? document.getElementById(pending.current) : null;
    if (el) {
      el.focus();
      pending.current = null;
    }
  });
  return (id: string) => {
    pending.current = id;
  };
}

function ActivityFields({
  form,
  goal,
  index,
  count,
  settings,
  suggestionHeading,
  onMove,
  onRemove,
}: {
  form: Form;
  goal: number;
  index: number;
  count: number;
  settings: readonly ActivitySetting[];
  suggestionHeading: string;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("plans");
  const name = `goals.${goal}.activities.${index}` as const;
  const id = (field: string) => `goals-${goal}-activities-${index}-${field}`;
  const kind = useWatch({ control: form.control, name: `${name}.resourceKind` });
  const e = form.formState.errors.goals?.[goal]?.activities?.[index];
  const which = t("activityForm.which", { activity: index + 1, goal: goal + 1 });
  const text = (field: string, error?: string, hint?: boolean) => ({
    id: id(field),
    className: inputClass,
    ...describedBy(id(field), { error, hint }),
  });
  const resourceName: Exclude<ResourceKind, "NONE"> | null = kind && kind !== "NONE" ? kind : null;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <legend className="px-1 text-sm font-semibold">{t("activityForm.number", { number: index + 1 })}</legend>
      <Field id={id("description")} label={t("activityForm.description")} error={e?.description?.message}>
        <textarea rows={2} {...text("description", e?.description?.message)} {...form.register(`${name}.description`)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-2">
          <Field id={id("setting")} label={t("activityForm.where")} error={e?.setting?.message}>
            <select {...text("setting", e?.setting?.message)} {...form.register(`${name}.setting`)}>
              {ACTIVITY_SETTINGS.map((s) => (
                <option key={s} value={s}>
                  {t(`setting.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <ProfileSuggestions
            heading={suggestionHeading}
            items={settings.map((s) => ({ value: s, label: t(`setting.${s}`) }))}
            target={t("activityForm.target", { which })}
            onPick={(s) => form.setValue(`${name}.setting`, s as ActivitySetting, { shouldDirty: true, shouldValidate: true })}
          />
        </div>
        <Field id={id("timing")} label={t("activityForm.timing")} hint={t("activityForm.timingHint")} error={e?.timing?.message}>
          <input {...text("timing", e?.timing?.message, true)} {...form.register(`${name}.timing`)} />
        </Field>
        <Field id={id("withWhom")} label={t("activityForm.withWhom")} hint={t("activityForm.withWhomHint")} error={e?.withWhom?.message}>
          <input {...text("withWhom", e?.withWhom?.message, true)} {...form.register(`${name}.withWhom`)} />
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("resourceKind")} label={t("activityForm.resource")} error={e?.resourceKind?.message}>
          <select {...text("resourceKind", e?.resourceKind?.message)} {...form.register(`${name}.resourceKind`)}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`resourceKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {resourceName ? (
          <Field
            id={id("resource")}
            label={t(`activityForm.resourceName.${resourceName}.label`)}
            hint={t(`activityForm.resourceName.${resourceName}.hint`)}
            error={e?.resource?.message}
          >
            <input {...text("resource", e?.resource?.message, true)} {...form.register(`${name}.resource`)} />
          </Field>
        ) : null}
        {kind === "LINK" ? (
          <Field id={id("resourceUrl")} label={t("activityForm.link")} hint={t("activityForm.linkHint")} error={e?.resourceUrl?.message}>
            <input
              type="url"
              inputMode="url"
              {...text("resourceUrl", e?.resourceUrl?.message, true)}
              {...form.register(`${name}.resourceUrl`)}
            />
          </Field>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {/* aria-disabled, not disabled: the button keeps focus when it reaches the end. */}
        <Button
          id={id("up")}
          type="button"
          variant="ghost"
          aria-disabled={index === 0}
          className="aria-disabled:opacity-50"
          onClick={() => index > 0 && onMove(index - 1)}
        >
          {t("activityForm.moveUp")}
          <span className="sr-only"> {which}</span>
        </Button>
        <Button
          id={id("down")}
          type="button"
          variant="ghost"
          aria-disabled={index === count - 1}
          className="aria-disabled:opacity-50"
          onClick={() => index < count - 1 && onMove(index + 1)}
        >
          {t("activityForm.moveDown")}
          <span className="sr-only"> {which}</span>
        </Button>
        <Button type="button" variant="ghost" onClick={onRemove}>
          {t("activityForm.remove", { number: index + 1 })}
          <span className="sr-only"> {t("activityForm.removeOfGoal", { goal: goal + 1 })}</span>
        </Button>
      </div>
    </fieldset>
  );
}

/** A goal's activities: what the student will do, where, when, with whom and with what. */
export function GoalActivities({
  form,
  goal,
  settings = [],
  suggestionHeading,
}: {
  form: Form;
  goal: number;
  settings?: readonly ActivitySetting[];
  suggestionHeading?: string;
}) {
  const t = useTranslations("plans");
  const activities = useFieldArray({ control: form.control, name: `goals.${goal}.activities`, keyName: "key" });
  const errors = form.formState.errors.goals?.[goal]?.activities;
  const listError = useMessageText(errors?.message ?? errors?.root?.message);
  const addId = `goals-${goal}-add-activity`;
  const focusLater = useFocusAfterRender();
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      <div>
        <h3 className="text-sm font-semibold">{t("activities.title")}</h3>
        <p className="text-xs text-slate-600">{t("activityForm.intro")}</p>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-rose-700">
          {listError}
        </p>
      ) : null}
      {activities.fields.map((a, j) => (
        <ActivityFields
          key={a.key}
          form={form}
          goal={goal}
          index={j}
          count={activities.fields.length}
          settings={settings}
          suggestionHeading={suggestionHeading ?? t("form.suggestedFromYourProfile")}
          onMove={(to) => {
            activities.move(j, to);
            focusLater(`goals-${goal}-activities-${to}-${to < j ? "up" : "down"}`);
          }}
          onRemove={() => {
            activities.remove(j);
            focusLater(addId);
          }}
        />
      ))}
      <Button
        id={addId}
        type="button"
        variant="secondary"
        onClick={() => {
          activities.append({ ...EMPTY_ACTIVITY }, { shouldFocus: false });
          focusLater(`goals-${goal}-activities-${activities.fields.length}-description`);
        }}
      >
        {t("activityForm.add", { goal: goal + 1 })}
      </Button>
    </div>
  );
}
