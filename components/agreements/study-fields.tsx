"use client";

// Elements 1–3 and 6 of the agreement form: arrangements, subjects, resources, credits.
import { useTranslations } from "next-intl";
import { useFieldArray, useWatch, type UseFieldArrayReturn, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass, useMessageText } from "@/components/ui/field";
import type { SubjectPlan } from "@/lib/agreements/elements";
import { ARRANGEMENTS, RESOURCE_KINDS } from "@/lib/agreements/lists";
import { isElementary } from "@/lib/agreements/labels";
import type { AgreementFormInput } from "@/lib/agreements/schemas";
import { SUBJECTS } from "@/lib/plans/labels";

type Form = UseFormReturn<AgreementFormInput>;
/** The subjects' rows, shared by element 2 and element 6 so both key each row alike. */
export type SubjectRows = UseFieldArrayReturn<AgreementFormInput, "elements.subjects", "key">;

const control = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });
const ARRANGEMENT_FIELDS = ["manner", "time", "frequency", "place"] as const;

export function CommunicationFields({ form }: { form: Form }) {
  const t = useTranslations("agreements");
  const e = form.formState.errors.elements;
  return (
    <>
      {(Object.keys(ARRANGEMENTS) as (keyof typeof ARRANGEMENTS)[]).map((k) => (
        <fieldset key={k} className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">{t(`arrangement.${k}`)}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {ARRANGEMENT_FIELDS.map((field) => {
              const id = `${k}-${field}`;
              const error = e?.[k]?.[field]?.message;
              return (
                <Field
                  key={field}
                  id={id}
                  label={t(`form.study.arrangementField.${field}.label`)}
                  hint={t(`form.study.arrangementField.${field}.hint`)}
                  error={error}
                >
                  <input {...control(id, error, true)} {...form.register(`elements.${k}.${field}`)} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}

const EMPTY_SUBJECT: Omit<SubjectPlan, "subject"> = {
  objectives: "",
  methodsOfStudy: "",
  evaluationMethods: "",
  credits: null,
  measure: "",
};

export function SubjectFields({ form, subjects }: { form: Form; subjects: SubjectRows }) {
  const t = useTranslations("agreements");
  const s = useTranslations("agreements.form.study");
  const chosen = useWatch({ control: form.control, name: "elements.subjects" });
  const e = form.formState.errors.elements?.subjects;
  const listError = useMessageText(e?.message ?? e?.root?.message);
  return (
    <>
      {listError ? (
        <p role="alert" className="text-sm text-rose-700">
          {listError}
        </p>
      ) : null}
      {subjects.fields.map((row, i) => {
        const id = (field: string) => `subjects-${i}-${field}`;
        const name = t(`subject.${chosen?.[i]?.subject ?? row.subject}`);
        const err = e?.[i];
        return (
          <fieldset key={row.key} className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">{s("subjectNumber", { n: i + 1, name })}</legend>
            <Field id={id("subject")} label={s("subject")} error={err?.subject?.message}>
              <select {...control(id("subject"), err?.subject?.message)} {...form.register(`elements.subjects.${i}.subject`)}>
                {SUBJECTS.map((subject) => (
                  <option key={subject} value={subject}>
                    {t(`subject.${subject}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id("objectives")} label={s("objectives")} error={err?.objectives?.message}>
              <textarea
                rows={2}
                {...control(id("objectives"), err?.objectives?.message)}
                {...form.register(`elements.subjects.${i}.objectives`)}
              />
            </Field>
            <Field id={id("methodsOfStudy")} label={s("methodsOfStudy")} error={err?.methodsOfStudy?.message}>
              <textarea
                rows={2}
                {...control(id("methodsOfStudy"), err?.methodsOfStudy?.message)}
                {...form.register(`elements.subjects.${i}.methodsOfStudy`)}
              />
            </Field>
            <Field id={id("evaluationMethods")} label={s("evaluationMethods")} error={err?.evaluationMethods?.message}>
              <textarea
                rows={2}
                {...control(id("evaluationMethods"), err?.evaluationMethods?.message)}
                {...form.register(`elements.subjects.${i}.evaluationMethods`)}
              />
            </Field>
            <Button type="button" variant="ghost" onClick={() => subjects.remove(i)}>
              {s("removeSubject", { name })}
            </Button>
          </fieldset>
        );
      })}
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          const used = new Set((chosen ?? []).map((s) => s.subject));
          subjects.append({ subject: SUBJECTS.find((s) => !used.has(s)) ?? "OTHER", ...EMPTY_SUBJECT });
        }}
      >
        {s("addSubject")}
      </Button>
    </>
  );
}

export function ResourceFields({ form }: { form: Form }) {
  const t = useTranslations("agreements");
  const s = useTranslations("agreements.form.study");
  const resources = useFieldArray({ control: form.control, name: "elements.resources", keyName: "key" });
  const e = form.formState.errors.elements;
  return (
    <>
      {resources.fields.length === 0 ? <p className="text-sm text-slate-700">{s("noResources")}</p> : null}
      <ol className="space-y-3">
        {resources.fields.map((row, i) => {
          const id = (field: string) => `resources-${i}-${field}`;
          const err = e?.resources?.[i];
          return (
            <li key={row.key} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
              <Field id={id("kind")} label={s("resourceKind", { n: i + 1 })} error={err?.kind?.message}>
                <select {...control(id("kind"), err?.kind?.message)} {...form.register(`elements.resources.${i}.kind`)}>
                  {RESOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`resourceKind.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id("description")} label={s("resource", { n: i + 1 })} error={err?.description?.message}>
                <input
                  {...control(id("description"), err?.description?.message)}
                  {...form.register(`elements.resources.${i}.description`)}
                />
              </Field>
              <Button type="button" variant="ghost" onClick={() => resources.remove(i)}>
                {s("removeResource", { n: i + 1 })}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" onClick={() => resources.append({ kind: "MATERIAL", description: "" })}>
        {s("addResource")}
      </Button>
      <div className="space-y-2">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 size-4" {...form.register("elements.deviceConfirmed")} />
          <span>{s("device")}</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 size-4" {...form.register("elements.connectivityConfirmed")} />
          <span>{s("connectivity")}</span>
        </label>
      </div>
    </>
  );
}

const credits = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

export function CreditFields({ form, subjects, gradeLevel }: { form: Form; subjects: SubjectRows; gradeLevel: number }) {
  const t = useTranslations("agreements");
  const s = useTranslations("agreements.form.study");
  const chosen = useWatch({ control: form.control, name: "elements.subjects" }) ?? [];
  const e = form.formState.errors.elements?.subjects;
  const elementary = isElementary(gradeLevel);
  if (subjects.fields.length === 0) return <p className="text-sm text-slate-700">{s("addSubjectFirst")}</p>;
  return (
    <>
      <p className="text-sm text-slate-700">{elementary ? s("creditsElementary") : s("creditsIntro")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {subjects.fields.map((row, i) => {
          const label = t(`subject.${chosen[i]?.subject ?? row.subject}`);
          const err = e?.[i];
          return (
            <div key={row.key} className="space-y-3">
              <Field
                id={`subjects-${i}-credits`}
                label={elementary ? s("creditsForOptional", { name: label }) : s("creditsFor", { name: label })}
                error={err?.credits?.message}
              >
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={60}
                  step="0.5"
                  {...control(`subjects-${i}-credits`, err?.credits?.message)}
                  {...form.register(`elements.subjects.${i}.credits`, { setValueAs: credits })}
                />
              </Field>
              {elementary ? (
                <Field id={`subjects-${i}-measure`} label={s("measure", { name: label })} error={err?.measure?.message}>
                  <textarea
                    rows={2}
                    {...control(`subjects-${i}-measure`, err?.measure?.message)}
                    {...form.register(`elements.subjects.${i}.measure`)}
                  />
                </Field>
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}
