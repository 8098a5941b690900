"use client";

// Element 9 of the agreement form: the supervising teacher and everyone else who will directly assist.
import { useTranslations } from "next-intl";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { AgreementFormInput } from "@/lib/agreements/schemas";

type Person = { id: string; name: string };

export function SignerFields({
  form,
  staff,
  adult,
  studentName,
}: {
  form: UseFormReturn<AgreementFormInput>;
  staff: { teachers: Person[]; staff: Person[] };
  adult: boolean;
  studentName: string;
}) {
  const t = useTranslations("agreements.form");
  const assistants = useFieldArray({ control: form.control, name: "assistants", keyName: "key" });
  const errors = form.formState.errors;
  const teacherError = errors.supervisingTeacherId?.message;
  const assistantsError = errors.assistants?.message ?? errors.assistants?.root?.message;
  const control = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });
  return (
    <>
      <p className="text-sm text-slate-700">
        {adult ? t("signingAdult", { name: studentName }) : t("signingMinor", { name: studentName })}
      </p>
      <Field id="supervisingTeacherId" label={t("supervisingTeacher")} error={teacherError}>
        <select {...control("supervisingTeacherId", teacherError)} {...form.register("supervisingTeacherId")}>
          <option value="">{t("chooseTeacher")}</option>
          {staff.teachers.map((teacher) => (
            <option key={teacher.id} value={teacher.id}>
              {teacher.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="space-y-3">
        <p className="text-sm font-medium text-slate-800">{t("assistants")}</p>
        {assistantsError ? (
          <p id="assistants-error" role="alert" className="text-sm text-rose-700">
            {assistantsError}
          </p>
        ) : null}
        {assistants.fields.length === 0 ? <p className="text-sm text-slate-700">{t("noAssistants")}</p> : null}
        <ol className="space-y-3">
          {assistants.fields.map((row, i) => {
            const id = (field: string) => `assistants-${i}-${field}`;
            const err = errors.assistants?.[i];
            return (
              <li key={row.key} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 sm:items-end">
                <Field id={id("userId")} label={t("personAssisting", { n: i + 1 })} error={err?.userId?.message}>
                  <select {...control(id("userId"), err?.userId?.message)} {...form.register(`assistants.${i}.userId`)}>
                    {staff.staff.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={id("role")} label={t("howTheyAssist")} hint={t("howHint")} error={err?.role?.message}>
                  <input {...control(id("role"), err?.role?.message, true)} {...form.register(`assistants.${i}.role`)} />
                </Field>
                <Button type="button" variant="ghost" className="sm:col-span-2 sm:justify-self-start" onClick={() => assistants.remove(i)}>
                  {t("remove", { n: i + 1 })}
                </Button>
              </li>
            );
          })}
        </ol>
        {staff.staff.length ? (
          <Button type="button" variant="secondary" onClick={() => assistants.append({ userId: staff.staff[0]?.id ?? "", role: "" })}>
            {t("add")}
          </Button>
        ) : null}
      </div>
    </>
  );
}
