"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { FocusedStatus } from "@/components/ui/focused-status";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { BoardPolicy } from "@/lib/agreements/elements";
import { ELEMENTS, type Element } from "@/lib/agreements/lists";
import type { AgreementFormInput } from "@/lib/agreements/schemas";
import { signingRule, type SchoolCalendar } from "@/lib/agreements/school-days";
import { formatDay } from "@/lib/dates";
import type { ActionResult, ServerAction } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums.ts";
import { BoardPolicyText } from "./board-policy";
import { ElementFieldset, ErrorSummary } from "./element-fieldset";
import { CommunicationFields, CreditFields, ResourceFields, SubjectFields } from "./study-fields";
import { SignerFields } from "./signer-fields";
import { useAgreementWords } from "./words";

const resolver = lazyZodResolver<AgreementFormInput>(() => import("@/lib/agreements/schemas").then((m) => m.agreementFormSchema));

type SaveInput = AgreementFormInput & { planId: string; version: number };

type Props = {
  planId: string;
  version: number;
  status: AgreementStatus;
  initial: AgreementFormInput;
  gradeLevel: number;
  adult: boolean;
  studentName: string;
  policy: BoardPolicy | null;
  calendar: SchoolCalendar | null;
  staff: { teachers: { id: string; name: string }[]; staff: { id: string; name: string }[] };
  save: ServerAction<SaveInput, { status: string; revision: number | null }>;
  /** Only for who may send (the student's teacher), while it is a draft. */
  send?: ServerAction<SaveInput, { revision: number }>;
};

const isElement = (key: string): key is Element => (ELEMENTS as readonly string[]).includes(key);

/** The agreement's nine elements as a form; sending checks each element and says what is missing beside it. */
export function AgreementForm(props: Props) {
  const { planId, status, initial, gradeLevel, policy, calendar } = props;
  const t = useTranslations("agreements");
  const w = useTranslations("agreements.form.writing");
  const words = useAgreementWords();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<AgreementFormInput>({ resolver, defaultValues: initial, mode: "onBlur" });
  const subjects = useFieldArray({ control: form.control, name: "elements.subjects", keyName: "key" });
  const [problems, setProblems] = useState<Partial<Record<Element, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // Focus lands on the result of the action: the summary of what was refused.
  const [focusCount, setFocusCount] = useState(0);
  useEffect(() => {
    if (focusCount) summary.current?.focus();
  }, [focusCount, failure]);

  const [startsOn, endsOn] = useWatch({ control: form.control, name: ["elements.startsOn", "elements.endsOn"] });
  const rule = calendar && startsOn && endsOn && startsOn <= endsOn ? signingRule(startsOn, endsOn, calendar) : null;
  const sent = status !== "DRAFT";

  function show(result: ActionResult<unknown>, success: string) {
    if (result.ok) {
      setProblems({});
      setFailure(null);
      setDone(success);
      setFocusCount((n) => n + 1);
      router.refresh();
      return;
    }
    setDone(null);
    const elementProblems: Partial<Record<Element, string>> = {};
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (isElement(key)) elementProblems[key] = messages[0];
      else form.setError(key as Path<AgreementFormInput>, { type: "server", message: messages[0] });
    }
    setProblems(elementProblems);
    setFailure(result.message);
    setFocusCount((n) => n + 1);
    // Sending saves first: the save stands (and moves the version on) even when sending is refused.
    if (result.code !== "CONFLICT") router.refresh();
  }

  const submit = (how: "save" | "send") =>
    form.handleSubmit(async (values) => {
      setBusy(true);
      try {
        const input = { ...values, planId, version: props.version };
        if (how === "send" && props.send) {
          const result = await props.send(input);
          show(result, result.ok ? w("sentDone", { revision: result.data.revision }) : "");
        } else {
          const result = await props.save(input);
          show(result, result.ok && result.data.revision ? w("savedResent", { revision: result.data.revision }) : w("saved"));
        }
      } finally {
        setBusy(false);
      }
    });

  const e = form.formState.errors.elements;
  const text = (id: string, error?: string, hint?: boolean) => ({ id, className: inputClass, ...describedBy(id, { error, hint }) });

  return (
    <form onSubmit={submit("save")} onFocus={resolver.preload} noValidate className="space-y-6">
      {failure ? <ErrorSummary message={failure} problems={problems} summaryRef={summary} /> : null}
      {done ? <FocusedStatus key={focusCount}>{done}</FocusedStatus> : null}
      {sent ? <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{w("sentNote")}</p> : null}

      <ElementFieldset element="communication" problem={problems.communication}>
        <CommunicationFields form={form} />
      </ElementFieldset>

      <ElementFieldset element="study" problem={problems.study}>
        <SubjectFields form={form} subjects={subjects} />
      </ElementFieldset>

      <ElementFieldset element="resources" problem={problems.resources}>
        <ResourceFields form={form} />
      </ElementFieldset>

      <ElementFieldset element="policy" problem={problems.policy}>
        <p className="text-sm text-slate-700">{w("policyNote")}</p>
        <BoardPolicyText policy={policy} gradeLevel={gradeLevel} />
      </ElementFieldset>

      <ElementFieldset element="duration" problem={problems.duration}>
        <p className="text-sm text-slate-700">
          {calendar
            ? w("schoolYear", { from: formatDay(calendar.startsOn, locale), to: formatDay(calendar.endsOn, locale) })
            : w("noSchoolYear")}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="startsOn" label={w("startsOn")} error={e?.startsOn?.message}>
            <input type="date" {...text("startsOn", e?.startsOn?.message)} {...form.register("elements.startsOn")} />
          </Field>
          <Field id="endsOn" label={w("endsOn")} error={e?.endsOn?.message}>
            <input type="date" {...text("endsOn", e?.endsOn?.message)} {...form.register("elements.endsOn")} />
          </Field>
        </div>
        {rule ? (
          <p className="text-sm text-slate-800" aria-live="polite">
            <span className="font-medium">{w("signingRule")}</span>
            {words.rule({ ...rule, deadline: rule.kind === "long" ? rule.signBefore : rule.signBy })}
          </p>
        ) : null}
      </ElementFieldset>

      <ElementFieldset element="credits" problem={problems.credits}>
        <CreditFields form={form} subjects={subjects} gradeLevel={gradeLevel} />
      </ElementFieldset>

      <ElementFieldset element="optional" problem={problems.optional}>
        <blockquote className="border-l-4 border-slate-300 pl-3 text-sm text-slate-800">{t("optionalStatement")}</blockquote>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 size-4" {...form.register("elements.optionalAcknowledged")} />
          <span>{w("includeStatement")}</span>
        </label>
      </ElementFieldset>

      <ElementFieldset element="supports" problem={problems.supports}>
        <Field id="supports" label={w("supports")} hint={w("supportsHint")} error={e?.supports?.message}>
          <textarea rows={4} {...text("supports", e?.supports?.message, true)} {...form.register("elements.supports")} />
        </Field>
      </ElementFieldset>

      <ElementFieldset element="signatures" problem={problems.signatures}>
        <SignerFields form={form} staff={props.staff} adult={props.adult} studentName={props.studentName} />
      </ElementFieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" variant={props.send ? "secondary" : "primary"} disabled={busy}>
          {busy ? w("saving") : sent ? w("saveAndSend") : w("saveDraft")}
        </Button>
        {props.send ? (
          <Button type="button" disabled={busy} onClick={() => void submit("send")()}>
            {w("send")}
          </Button>
        ) : null}
        <p className="text-sm text-slate-700">{sent ? w("savingClears") : props.send ? w("sendingSaves") : w("teacherSends")}</p>
      </div>
    </form>
  );
}
