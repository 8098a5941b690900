import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Card } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import type { AgreementWork } from "@/lib/agreements/work-queries";
import { formatDay, formatTime } from "@/lib/dates";
import type { Subject } from "@/lib/generated/prisma/enums.ts";
import { SUBJECTS } from "@/lib/plans/labels";
import { AssignForm } from "./assign-form";
import { EvaluationForm } from "./evaluation-form";
import { RecordAssignment } from "./record-assignment";
import { SubmitAssignment } from "./submit-assignment";

type Props = {
  work: AgreementWork;
  today: string;
  actions: {
    assign: ComponentProps<typeof AssignForm>["action"];
    submit: ComponentProps<typeof SubmitAssignment>["action"];
    record: ComponentProps<typeof RecordAssignment>["action"];
    evaluate: ComponentProps<typeof EvaluationForm>["action"];
  };
};

const isSubject = (value: string): value is Subject => (SUBJECTS as readonly string[]).includes(value);

const STATUS_CLASS = {
  ASSIGNED: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  COMPLETED: "bg-emerald-100 text-emerald-900",
  MISSED: "bg-rose-100 text-rose-900",
} as const;

/** The work under an active agreement: what is assigned, submitted and recorded, totals, evaluations. */
export function WorkSection({ work, today, actions }: Props) {
  const t = useTranslations("agreements.work");
  const subjectName = useTranslations("agreements.subject");
  const locale = useLocale();
  const day = (d: Date | string) => formatDay(d, locale);
  const { allowed } = work;
  const dueHint = [
    work.maxDaysToDue !== null ? t("dueHintMax", { days: work.maxDaysToDue }) : "",
    work.startsOn && work.endsOn ? t("dueHintWithin", { from: day(work.startsOn), to: day(work.endsOn) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <section aria-labelledby="work-heading" className="space-y-6">
      <h2 id="work-heading">{t("heading")}</h2>

      {work.evaluationDueAt ? (
        <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">{t("evaluationDue")}</p>
          <p>
            {work.missedLimit !== null
              ? t("evaluationDueTextLimit", {
                  missed: work.missedSinceEvaluation,
                  limit: work.missedLimit,
                  time: formatTime(work.evaluationDueAt, locale),
                })
              : t("evaluationDueText", { missed: work.missedSinceEvaluation, time: formatTime(work.evaluationDueAt, locale) })}
          </p>
        </div>
      ) : null}

      {/* Kept whether or not one is due, so the confirmation stays where focus went once it is recorded. */}
      {allowed.evaluate ? (
        <Card aria-labelledby="evaluation" className="space-y-3">
          <h3 id="evaluation" className="text-base font-semibold">
            {t("recordEvaluation")}
          </h3>
          <EvaluationForm planId={work.planId} returnHint={t("returnHint")} action={actions.evaluate} />
        </Card>
      ) : null}

      {allowed.assign ? (
        <Card aria-labelledby="assign-heading" className="space-y-3">
          <h3 id="assign-heading" className="text-base font-semibold">
            {t("assign")}
          </h3>
          <AssignForm
            planId={work.planId}
            subjects={work.subjects.map((s) => s.subject)}
            dueHint={dueHint}
            today={today}
            action={actions.assign}
          />
        </Card>
      ) : null}

      {work.subjects.map(({ subject, assignments }) => (
        <Card key={subject} aria-labelledby={`work-${subject}`} className="space-y-3">
          <h3 id={`work-${subject}`} className="text-base font-semibold">
            {subjectName(subject)}
          </h3>
          {assignments.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noneAssigned")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {assignments.map((x) => (
                <li key={x.id} className="py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium break-words">{x.title}</p>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASS[x.status]}`}>
                      {t(`status.${x.status}`)}
                    </span>
                  </div>
                  {x.description ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{x.description}</p> : null}
                  <p className="text-sm text-slate-700">
                    {t("assigned", { assigned: day(x.assignedOn), due: day(x.dueOn) })}
                    {x.submittedAt ? t("submittedAt", { time: formatTime(x.submittedAt, locale) }) : ""}
                    {x.evidenceTitle ? t("evidence", { title: x.evidenceTitle }) : ""}
                    {x.timeValueMinutes !== null ? t("minutes", { minutes: x.timeValueMinutes }) : ""}
                  </p>
                  {allowed.submit ? (
                    <SubmitAssignment planId={work.planId} assignment={x} evidence={work.evidence} action={actions.submit} />
                  ) : null}
                  {allowed.record ? <RecordAssignment planId={work.planId} assignment={x} action={actions.record} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}

      <section aria-labelledby="totals-heading" className="space-y-2">
        <h3 id="totals-heading" className="text-base font-semibold">
          {t("totals")}
        </h3>
        <Table
          caption={t("totalsCaption")}
          columns={[
            { label: t("col.subject") },
            { label: t("col.minutes") },
            { label: t("col.completed") },
            { label: t("col.missed") },
            { label: t("col.open") },
            { label: t("col.promised") },
          ]}
        >
          {work.totals.map((total) => (
            <tr key={total.subject}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {isSubject(total.subject) ? subjectName(total.subject) : total.subject}
              </th>
              <td className="px-4 py-2">{total.minutes}</td>
              <td className="px-4 py-2">{total.completed}</td>
              <td className="px-4 py-2">{total.missed}</td>
              <td className="px-4 py-2">{total.open}</td>
              <td className="px-4 py-2">{total.credits !== null ? t("credits", { count: total.credits }) : total.measure || "—"}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="evaluations-heading" className="space-y-2">
        <h3 id="evaluations-heading" className="text-base font-semibold">
          {t("evaluations")}
        </h3>
        {work.evaluations.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noEvaluation")}</p>
        ) : (
          <ul className="space-y-3">
            {work.evaluations.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {t("evaluationLine", { date: day(e.evaluatedOn), outcome: t(`outcome.${e.outcome}`) })}
                  {e.returnOn ? t("returnOn", { date: day(e.returnOn) }) : ""}
                </p>
                <p className="break-words whitespace-pre-line text-slate-800">{e.notes}</p>
                <p className="text-slate-700">{t("evaluationBy", { missed: e.missedCount, by: e.by ?? t("formerStaff") })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
