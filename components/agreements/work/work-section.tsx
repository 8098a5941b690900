import type { ComponentProps } from "react";
import { Card } from "@/components/ui/layout";
import { Table } from "@/components/ui/table";
import type { AgreementWork } from "@/lib/agreements/work-queries";
import { formatDay, formatTime } from "@/lib/dates";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { AssignForm } from "./assign-form";
import { EvaluationForm } from "./evaluation-form";
import { ASSIGNMENT_STATUS_LABEL, EVALUATION_OUTCOME_LABEL } from "./labels";
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

const STATUS_CLASS = {
  ASSIGNED: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  COMPLETED: "bg-emerald-100 text-emerald-900",
  MISSED: "bg-rose-100 text-rose-900",
} as const;

/** The work under an active agreement: what is assigned, submitted and recorded, totals, evaluations. */
export function WorkSection({ work, today, actions }: Props) {
  const { allowed } = work;
  const dueHint = [
    work.maxDaysToDue !== null ? `The board allows at most ${work.maxDaysToDue} school days from assigning work to its due date.` : "",
    work.startsOn && work.endsOn ? `Within the agreement, ${formatDay(work.startsOn)} to ${formatDay(work.endsOn)}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <section aria-labelledby="work-heading" className="space-y-6">
      <h2 id="work-heading">Work under the agreement</h2>

      {work.evaluationDueAt ? (
        <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">Evaluation due</p>
          <p>
            {work.missedSinceEvaluation} missed {work.missedSinceEvaluation === 1 ? "assignment" : "assignments"} reached the board&apos;s
            limit{work.missedLimit !== null ? ` of ${work.missedLimit}` : ""} on {formatTime(work.evaluationDueAt)}. The teacher evaluates
            whether independent study still serves the student.
          </p>
        </div>
      ) : null}

      {/* Kept whether or not one is due, so the confirmation stays where focus went once it is recorded. */}
      {allowed.evaluate ? (
        <Card aria-labelledby="evaluation" className="space-y-3">
          <h3 id="evaluation" className="text-base font-semibold">
            Record the evaluation
          </h3>
          <EvaluationForm
            planId={work.planId}
            returnHint="A school day from today, no later than five school days ahead."
            action={actions.evaluate}
          />
        </Card>
      ) : null}

      {allowed.assign ? (
        <Card aria-labelledby="assign-heading" className="space-y-3">
          <h3 id="assign-heading" className="text-base font-semibold">
            Assign work
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
            {SUBJECT_LABEL[subject]}
          </h3>
          {assignments.length === 0 ? (
            <p className="text-sm text-slate-700">No work assigned yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {assignments.map((x) => (
                <li key={x.id} className="py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium break-words">{x.title}</p>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASS[x.status]}`}>
                      {ASSIGNMENT_STATUS_LABEL[x.status]}
                    </span>
                  </div>
                  {x.description ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{x.description}</p> : null}
                  <p className="text-sm text-slate-700">
                    Assigned {formatDay(x.assignedOn)} · Due {formatDay(x.dueOn)}
                    {x.submittedAt ? ` · Submitted ${formatTime(x.submittedAt)}` : ""}
                    {x.evidenceTitle ? ` · Evidence: ${x.evidenceTitle}` : ""}
                    {x.timeValueMinutes !== null ? ` · ${x.timeValueMinutes} minutes` : ""}
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
          Totals against the credits promised
        </h3>
        <Table
          caption="Time value of completed work per subject, against the credits promised"
          columns={[
            { label: "Subject" },
            { label: "Minutes" },
            { label: "Completed" },
            { label: "Missed" },
            { label: "Open" },
            { label: "Promised" },
          ]}
        >
          {work.totals.map((t) => (
            <tr key={t.subject}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {SUBJECT_LABEL[t.subject as keyof typeof SUBJECT_LABEL] ?? t.subject}
              </th>
              <td className="px-4 py-2">{t.minutes}</td>
              <td className="px-4 py-2">{t.completed}</td>
              <td className="px-4 py-2">{t.missed}</td>
              <td className="px-4 py-2">{t.open}</td>
              <td className="px-4 py-2">
                {t.credits !== null ? `${t.credits} ${t.credits === 1 ? "credit" : "credits"}` : t.measure || "—"}
              </td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="evaluations-heading" className="space-y-2">
        <h3 id="evaluations-heading" className="text-base font-semibold">
          Evaluations
        </h3>
        {work.evaluations.length === 0 ? (
          <p className="text-sm text-slate-700">No evaluation recorded yet.</p>
        ) : (
          <ul className="space-y-3">
            {work.evaluations.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {formatDay(e.evaluatedOn)}: {EVALUATION_OUTCOME_LABEL[e.outcome]}
                  {e.returnOn ? `, on ${formatDay(e.returnOn)}` : ""}
                </p>
                <p className="break-words whitespace-pre-line text-slate-800">{e.notes}</p>
                <p className="text-slate-700">
                  {e.missedCount} missed {e.missedCount === 1 ? "assignment" : "assignments"} · Recorded by{" "}
                  {e.by ?? "a former member of staff"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
