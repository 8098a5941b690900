"use client";

import { useEffect, useRef } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { ProfileSuggestions } from "@/components/profiles/profile-suggestions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ActivitySetting, ResourceKind } from "@/lib/generated/prisma/enums.ts";
import { ACTIVITY_SETTINGS, RESOURCE_KIND_LABEL, RESOURCE_KINDS, SETTING_LABEL } from "@/lib/plans/labels";
import { EMPTY_ACTIVITY, type PlanFormInput } from "@/lib/plans/schemas";

type Form = UseFormReturn<PlanFormInput>;

const RESOURCE_NAME: Record<Exclude<ResourceKind, "NONE">, { label: string; hint: string }> = {
  LINK: { label: "What the link is (optional)", hint: "For example: “Video on river erosion”." },
  BOOK: { label: "Title of the book", hint: "And the author, if you know it." },
  PERSON: { label: "Who is it?", hint: "For example: “My uncle, a carpenter”." },
  PLACE: { label: "Name of the place", hint: "For example: “Riverside Library”." },
};

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
  const name = `goals.${goal}.activities.${index}` as const;
  const id = (field: string) => `goals-${goal}-activities-${index}-${field}`;
  const kind = useWatch({ control: form.control, name: `${name}.resourceKind` });
  const e = form.formState.errors.goals?.[goal]?.activities?.[index];
  const which = `activity ${index + 1} of goal ${goal + 1}`;
  const text = (field: string, error?: string, hint?: boolean) => ({
    id: id(field),
    className: inputClass,
    ...describedBy(id(field), { error, hint }),
  });
  const resourceName = kind && kind !== "NONE" ? RESOURCE_NAME[kind] : null;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <legend className="px-1 text-sm font-semibold">Activity {index + 1}</legend>
      <Field id={id("description")} label="What I will do" error={e?.description?.message}>
        <textarea rows={2} {...text("description", e?.description?.message)} {...form.register(`${name}.description`)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-2">
          <Field id={id("setting")} label="Where" error={e?.setting?.message}>
            <select {...text("setting", e?.setting?.message)} {...form.register(`${name}.setting`)}>
              {ACTIVITY_SETTINGS.map((s) => (
                <option key={s} value={s}>
                  {SETTING_LABEL[s]}
                </option>
              ))}
            </select>
          </Field>
          <ProfileSuggestions
            heading={suggestionHeading}
            items={settings.map((s) => ({ value: s, label: SETTING_LABEL[s] }))}
            target={`for ${which}`}
            onPick={(s) => form.setValue(`${name}.setting`, s as ActivitySetting, { shouldDirty: true, shouldValidate: true })}
          />
        </div>
        <Field id={id("timing")} label="When or how often (optional)" hint="For example: “Saturday mornings”." error={e?.timing?.message}>
          <input {...text("timing", e?.timing?.message, true)} {...form.register(`${name}.timing`)} />
        </Field>
        <Field
          id={id("withWhom")}
          label="With whom (optional)"
          hint="For example: “my grandmother”, “on my own”."
          error={e?.withWhom?.message}
        >
          <input {...text("withWhom", e?.withWhom?.message, true)} {...form.register(`${name}.withWhom`)} />
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("resourceKind")} label="Resource" error={e?.resourceKind?.message}>
          <select {...text("resourceKind", e?.resourceKind?.message)} {...form.register(`${name}.resourceKind`)}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {RESOURCE_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
        {resourceName ? (
          <Field id={id("resource")} label={resourceName.label} hint={resourceName.hint} error={e?.resource?.message}>
            <input {...text("resource", e?.resource?.message, true)} {...form.register(`${name}.resource`)} />
          </Field>
        ) : null}
        {kind === "LINK" ? (
          <Field id={id("resourceUrl")} label="Link" hint="A full web address starting with https://" error={e?.resourceUrl?.message}>
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
          Move up<span className="sr-only"> {which}</span>
        </Button>
        <Button
          id={id("down")}
          type="button"
          variant="ghost"
          aria-disabled={index === count - 1}
          className="aria-disabled:opacity-50"
          onClick={() => index < count - 1 && onMove(index + 1)}
        >
          Move down<span className="sr-only"> {which}</span>
        </Button>
        <Button type="button" variant="ghost" onClick={onRemove}>
          Remove activity {index + 1}
          <span className="sr-only"> of goal {goal + 1}</span>
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
  suggestionHeading = "Suggested from your profile",
}: {
  form: Form;
  goal: number;
  settings?: readonly ActivitySetting[];
  suggestionHeading?: string;
}) {
  const activities = useFieldArray({ control: form.control, name: `goals.${goal}.activities`, keyName: "key" });
  const errors = form.formState.errors.goals?.[goal]?.activities;
  const listError = errors?.message ?? errors?.root?.message;
  const addId = `goals-${goal}-add-activity`;
  const focusLater = useFocusAfterRender();
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      <div>
        <h3 className="text-sm font-semibold">Activities</h3>
        <p className="text-xs text-slate-600">
          What you will do toward this goal, in school or anywhere else: at home, online, in the community…
        </p>
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
          suggestionHeading={suggestionHeading}
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
        Add an activity to goal {goal + 1}
      </Button>
    </div>
  );
}
