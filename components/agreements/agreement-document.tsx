import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ARRANGEMENTS, type Element } from "@/lib/agreements/elements";
import type { SigningRow } from "@/lib/agreements/queries";
import type { AgreementRevisionContent } from "@/lib/agreements/revision";
import { formatDay, formatTime } from "@/lib/dates";
import { BoardPolicyText } from "./board-policy";
import { SigningTable } from "./signing-table";
import { useAgreementWords } from "./words";

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
  const t = useTranslations("agreements");
  const locale = useLocale();
  const words = useAgreementWords();
  const { header, elements: e } = content;
  const H = level === 2 ? "h2" : "h3";
  const section = (key: Element, body: ReactNode) => (
    <section aria-labelledby={`${idPrefix}-${key}`} className="break-inside-avoid space-y-2">
      <H id={`${idPrefix}-${key}`} className="text-base font-semibold">
        {t(`element.${key}`)}
      </H>
      {body}
    </section>
  );
  const cell = "py-1.5 pr-3 align-top";

  return (
    <div className="space-y-6 text-sm text-slate-900">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">{t("document.student")}</dt>
        <dd>{header.student.name}</dd>
        <dt className="font-medium">{t("document.grade")}</dt>
        <dd>{words.grade(header.student.gradeLevel)}</dd>
        <dt className="font-medium">{t("document.school")}</dt>
        <dd>{header.school.name}</dd>
        <dt className="font-medium">{t("document.program")}</dt>
        <dd>{header.program}</dd>
        <dt className="font-medium">{t("document.plan")}</dt>
        <dd>{header.plan.title}</dd>
        <dt className="font-medium">{t("document.version")}</dt>
        <dd>{t("document.versionSent", { number, time: formatTime(createdAt, locale) })}</dd>
      </dl>

      {section(
        "communication",
        // Focusable, so the table scrolls from the keyboard on a narrow screen.
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("document.arrangements")}>
          <table className="w-full min-w-[28rem] text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={cell}>
                  {t("document.for")}
                </th>
                <th scope="col" className={cell}>
                  {t("document.manner")}
                </th>
                <th scope="col" className={cell}>
                  {t("document.time")}
                </th>
                <th scope="col" className={cell}>
                  {t("document.frequency")}
                </th>
                <th scope="col" className={cell}>
                  {t("document.place")}
                </th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(ARRANGEMENTS) as (keyof typeof ARRANGEMENTS)[]).map((k) => (
                <tr key={k} className="border-b border-slate-100">
                  <th scope="row" className={`${cell} font-medium`}>
                    {t(`arrangement.${k}`)}
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
              <p className="font-semibold">{t(`subject.${s.subject}`)}</p>
              <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
                <dt className="font-medium">{t("document.objectives")}</dt>
                <dd className="whitespace-pre-line">{s.objectives}</dd>
                <dt className="font-medium">{t("document.methods")}</dt>
                <dd className="whitespace-pre-line">{s.methodsOfStudy}</dd>
                <dt className="font-medium">{t("document.evaluation")}</dt>
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
                  <span className="font-medium">{t(`resourceKind.${r.kind}`)}:</span> {r.description}
                </li>
              ))}
          </ul>
          <p>
            {t("document.resources", {
              device: e.deviceConfirmed ? t("document.confirmed") : t("document.notConfirmed"),
              connectivity: e.connectivityConfirmed ? t("document.confirmed") : t("document.notConfirmed"),
            })}
          </p>
        </>,
      )}

      {section("policy", <BoardPolicyText policy={content.policy} gradeLevel={header.student.gradeLevel} />)}

      {section(
        "duration",
        <>
          <p>
            {t("document.duration", {
              from: e.startsOn ? formatDay(e.startsOn, locale) : "—",
              to: e.endsOn ? formatDay(e.endsOn, locale) : "—",
            })}
          </p>
          <p>{words.rule(content.signingRule)}</p>
        </>,
      )}

      {section(
        "credits",
        <ul className="list-disc space-y-1 pl-5">
          {e.subjects.map((s, i) => (
            <li key={i}>
              <span className="font-medium">{t(`subject.${s.subject}`)}:</span>{" "}
              {[s.credits !== null ? t("document.credits", { count: s.credits }) : "", s.measure].filter(Boolean).join("; ") || "—"}
            </li>
          ))}
        </ul>,
      )}

      {section("optional", <p>{locale === "en" ? content.optionalStatement : t("optionalStatement")}</p>)}

      {section("supports", <p className="whitespace-pre-line">{e.supports}</p>)}

      {section(
        "signatures",
        <>
          <SigningTable rows={signing} caption={t("document.signaturesOn", { number })} />
          <p className="text-xs break-all text-slate-700">
            {t("document.hash")}
            <code>{contentHash}</code>
          </p>
        </>,
      )}
    </div>
  );
}
