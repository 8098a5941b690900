"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/lazy-resolver";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { FocusedStatus } from "@/components/ui/focused-status";
import { useServerErrors } from "@/components/use-server-errors";
import type { AssignmentFormInput } from "@/lib/agreements/work-schemas";
import type { ServerAction } from "@/lib/errors";
import type { Subject } from "@/lib/generated/prisma/enums.ts";

type Values = AssignmentFormInput;

const resolver = lazyZodResolver<Values>(() => import("@/lib/agreements/work-schemas").then((m) => m.assignmentFormSchema));

type Props = {
  planId: string;
  subjects: Subject[];
  /** Said beside the due date: the board's maximum for the student's grade, the agreement's dates. */
  dueHint: string;
  today: string;
  action: ServerAction<Values & { planId: string }, { id: string }>;
};

/** The teacher's "Assign work": subject, title, description, assigned on, due on. */
export function AssignForm({ planId, subjects, dueHint, today, action }: Props) {
  const t = useTranslations("agreements.work.assignForm");
  const subjectName = useTranslations("agreements.subject");
  const router = useRouter();
  const empty: Values = { subject: subjects[0] ?? "ELA", title: "", description: "", assignedOn: today, dueOn: "" };
  const form = useForm<Values>({ resolver, defaultValues: empty });
  const server = useServerErrors(form);
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const result = await action({ ...values, planId });
    if (!server.apply(result)) return;
    setDone((d) => ({
      n: (d?.n ?? 0) + 1,
      text: t("done", { title: values.title, subject: subjectName(values.subject), date: values.dueOn }),
    }));
    // The subject and dates stay: work often comes in a batch.
    form.reset({ ...values, title: "", description: "" });
    router.refresh();
  });

  const e = {
    subject: errors.subject?.message,
    title: errors.title?.message,
    description: errors.description?.message,
    assignedOn: errors.assignedOn?.message,
    dueOn: errors.dueOn?.message,
  };
  return (
    <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate className="space-y-4">
      {done ? <FocusedStatus key={done.n}>{done.text}</FocusedStatus> : null}
      <FormError message={server.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="work-subject" label={t("subject")} error={e.subject}>
          <select
            id="work-subject"
            className={inputClass}
            {...describedBy("work-subject", { error: e.subject })}
            {...form.register("subject")}
          >
            {subjects.map((s) => (
              <option key={s} value={s}>
                {subjectName(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="work-title" label={t("title")} error={e.title}>
          <input id="work-title" className={inputClass} {...describedBy("work-title", { error: e.title })} {...form.register("title")} />
        </Field>
      </div>
      <Field id="work-description" label={t("description")} error={e.description}>
        <textarea
          id="work-description"
          rows={3}
          className={inputClass}
          {...describedBy("work-description", { error: e.description })}
          {...form.register("description")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="work-assignedOn" label={t("assignedOn")} error={e.assignedOn}>
          <input
            id="work-assignedOn"
            type="date"
            className={inputClass}
            {...describedBy("work-assignedOn", { error: e.assignedOn })}
            {...form.register("assignedOn")}
          />
        </Field>
        <Field id="work-dueOn" label={t("dueOn")} hint={dueHint} error={e.dueOn}>
          <input
            id="work-dueOn"
            type="date"
            className={inputClass}
            {...describedBy("work-dueOn", { error: e.dueOn, hint: true })}
            {...form.register("dueOn")}
          />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("assigning") : t("button")}
      </Button>
    </form>
  );
}
