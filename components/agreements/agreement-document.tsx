import type { ReactNode } from "react";
import { ARRANGEMENTS, ELEMENT_LABEL, type Element } from "@/lib/agreements/elements";
import { gradeName, RESOURCE_KIND_LABEL } from "@/lib/agreements/labels";
import type { SigningRow } from "@/lib/agreements/queries";
import type { AgreementRevisionContent } from "@/lib/agreements/revision";
import { formatDay, formatTime } from "@/lib/dates";
import { SUBJECT_LABEL } from "@/lib/plans/labels";
import { BoardPolicyText } from "./board-policy";
import { SigningTable } from "./signing-table";

type Props = {
  content: AgreementRevisionContent;
  signing: readonly SigningRow[];
  number: number;
  createdAt: Date;
  contentHash: string;
  /** The level of the element headings (the document's own title is one above). */
  level?: 2 | 3;
  /** Prefix for the heading ids, so two documents could share a page. */
  idPrefix?: string;
};

/** One sent version of the agreement, whole and read only: what a signer reads and what prints. */
export function AgreementDocument({ content, signing, number, createdAt, contentHash, level = 3, idPrefix = "doc" }: Props) {
  const { header, elements: e } = content;
  const H = level === 2 ? "h2" : "h3";
  const section = (key: Element, body: ReactNode) => (
    <section aria-labelledby={`${idPrefix}-${key}`} className="break-inside-avoid space-y-2">
      <H id={`${idPrefix}-${key}`} className="text-base font-semibold">
        {ELEMENT_LABEL[key]}
      </H>
      {body}
    </section>
  );
  const cell = "py-1.5 pr-3 align-top";

  return (
    <div className="space-y-6 text-sm text-slate-900">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">Student</dt>
        <dd>{header.student.name}</dd>
        <dt className="font-medium">Grade</dt>
        <dd>{gradeName(header.student.gradeLevel)}</dd>
        <dt className="font-medium">School</dt>
        <dd>{header.school.name}</dd>
        <dt className="font-medium">Program</dt>
        <dd>{header.program}</dd>
        <dt className="font-medium">Plan</dt>
        <dd>{header.plan.title}</dd>
        <dt className="font-medium">Version</dt>
        <dd>
          {number}, sent on {formatTime(createdAt)}
        </dd>
      </dl>

      {section(
        "communication",
        // Focusable, so the table scrolls from the keyboard on a narrow screen.
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Arrangements">
          <table className="w-full min-w-[28rem] text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={cell}>
                  For
                </th>
                <th scope="col" className={cell}>
                  Manner
                </th>
                <th scope="col" className={cell}>
                  Time
                </th>
                <th scope="col" className={cell}>
                  Frequency
                </th>
                <th scope="col" className={cell}>
                  Place
                </th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(ARRANGEMENTS) as (keyof typeof ARRANGEMENTS)[]).map((k) => (
                <tr key={k} className="border-b border-slate-100">
                  <th scope="row" className={`${cell} font-medium`}>
                    {ARRANGEMENTS[k]}
                  </th>
                  <td className={cell}>{e[k].manner}</td>
                  <td className={cell}>{e[k].time}</td>
                  <td className={cell}>{e[k].frequency}</td>
                  <td className={cell}>{e[k].place}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      )}

      {section(
        "study",
        <ul className="space-y-3">
          {e.subjects.map((s, i) => (
            <li key={i} className="rounded-md border border-slate-200 p-3">
              <p className="font-semibold">{SUBJECT_LABEL[s.subject]}</p>
              <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium">Objectives</dt>
                <dd className="whitespace-pre-line">{s.objectives}</dd>
                <dt className="font-medium">Methods of study</dt>
                <dd className="whitespace-pre-line">{s.methodsOfStudy}</dd>
                <dt className="font-medium">How the work is evaluated</dt>
                <dd className="whitespace-pre-line">{s.evaluationMethods}</dd>
              </dl>
            </li>
          ))}
        </ul>,
      )}

      {section(
        "resources",
        <>
          <ul className="list-disc space-y-1 pl-5">
            {e.resources
              .filter((r) => r.description)
              .map((r, i) => (
                <li key={i}>
                  <span className="font-medium">{RESOURCE_KIND_LABEL[r.kind]}:</span> {r.description}
                </li>
              ))}
          </ul>
          <p>
            The student has a device: {e.deviceConfirmed ? "confirmed" : "not confirmed"}. The student has connectivity:{" "}
            {e.connectivityConfirmed ? "confirmed" : "not confirmed"}.
          </p>
        </>,
      )}

      {section("policy", <BoardPolicyText policy={content.policy} gradeLevel={header.student.gradeLevel} />)}

      {section(
        "duration",
        <>
          <p>
            From {e.startsOn ? formatDay(e.startsOn) : "—"} to {e.endsOn ? formatDay(e.endsOn) : "—"}.
          </p>
          <p>{content.signingRule.text}</p>
        </>,
      )}

      {section(
        "credits",
        <ul className="list-disc space-y-1 pl-5">
          {e.subjects.map((s, i) => (
            <li key={i}>
              <span className="font-medium">{SUBJECT_LABEL[s.subject]}:</span>{" "}
              {[s.credits !== null ? `${s.credits} ${s.credits === 1 ? "credit" : "credits"}` : "", s.measure].filter(Boolean).join("; ") ||
                "—"}
            </li>
          ))}
        </ul>,
      )}

      {section("optional", <p>{content.optionalStatement}</p>)}

      {section("supports", <p className="whitespace-pre-line">{e.supports}</p>)}

      {section(
        "signatures",
        <>
          <SigningTable rows={signing} caption={`Signatures on version ${number}`} />
          <p className="text-xs break-all text-slate-700">
            Revision hash (SHA-256 of exactly what was signed): <code>{contentHash}</code>
          </p>
        </>,
      )}
    </div>
  );
}
