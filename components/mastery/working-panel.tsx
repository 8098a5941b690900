"use client";

// The working itself, loaded with its data when "Show the working" is first pressed
// (show-working.tsx), so pages with levels do not carry it in their first load.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { RefObject } from "react";
import { LevelBadge } from "@/components/ui/badges";
import { formatDay } from "@/lib/dates";
import type { Working } from "@/lib/mastery/working";
import { MethodSentence } from "./method-sentence";

export function WorkingPanel({
  working,
  subject,
  headingRef,
  panelId,
}: {
  panelId: string;
  working: Working;
  subject: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations("progress.working");
  const locale = useLocale();
  return (
    <>
      <h4 ref={headingRef} tabIndex={-1} className="text-sm font-semibold">
        {t("heading", { subject })}
      </h4>
      <p>
        <MethodSentence spec={working.methodSpec} />
      </p>
      <p className="text-slate-700">
        {t("scale", { scale: working.scale.name })}{" "}
        {working.scale.levels.map((l) => `${l.name} ${l.points}${l.proficient ? ` ${t("proficientMark")}` : ""}`).join(" · ")}
      </p>
      <p id={`${panelId}-ratings`} className="font-medium">
        {t("ratingsOrder")}
      </p>
      {working.ratings.some((r) => r.kind === "RECORD") ? <p className="text-slate-700">{t("recordCounts")}</p> : null}
      {/* Focusable, so that a keyboard can scroll the table on a narrow screen. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={`${panelId}-ratings`}>
        <table className="min-w-full divide-y divide-slate-200 bg-white text-left">
          <caption className="sr-only">{t("ratingsOrder")}</caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-1">
                #
              </th>
              <th scope="col" className="px-2 py-1">
                {t("columns.evidence")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("columns.ratedBy")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("columns.level")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("columns.points")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("columns.counted")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {working.ratings.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="px-2 py-1 font-normal">
                  {r.position}
                </th>
                <td className="px-2 py-1">
                  <RatedWork rating={r} />
                </td>
                <td className="px-2 py-1">
                  {r.rater}
                  <span className="block text-xs text-slate-700">{t("on", { date: formatDay(r.ratedAt, locale) })}</span>
                </td>
                <td className="px-2 py-1">
                  <LevelBadge level={r.level} rated />
                </td>
                <td className="px-2 py-1">{r.points}</td>
                <td className="px-2 py-1">{r.counted ? t("yes") : t("no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {working.calculations.length ? (
        <ol className="list-inside list-decimal space-y-1 font-mono text-xs">
          {working.calculations.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      ) : null}
      <p className="font-medium">
        {working.result} → <LevelBadge level={working.level} rated />
      </p>
      {working.history.length ? <History lines={working.history} panelId={panelId} /> : null}
    </>
  );
}

/** What a rating was of: evidence, or a learning record (linking to it when the viewer may open it). */
function RatedWork({ rating: r }: { rating: Working["ratings"][number] }) {
  const t = useTranslations("progress.working");
  const locale = useLocale();
  if (r.kind === "RECORD") {
    return (
      <>
        <span className="block text-xs font-medium text-slate-700">{t("learningRecord")}</span>
        {r.evidenceTitle !== null && r.recordId !== null ? (
          <Link href={`/records/${r.recordId}`}>{r.evidenceTitle}</Link>
        ) : (
          <span className="text-slate-700">{t("recordHidden")}</span>
        )}
        <span className="block text-xs text-slate-700">{t("happened", { date: formatDay(r.evidenceAt, locale) })}</span>
      </>
    );
  }
  return (
    <>
      {r.evidenceTitle ?? <span className="text-slate-700">{t("evidenceHidden")}</span>}
      <span className="block text-xs text-slate-700">{t("added", { date: formatDay(r.evidenceAt, locale) })}</span>
    </>
  );
}

/** The standard's history: learning records linked to it and unlinked, with who and when. */
function History({ lines, panelId }: { lines: Working["history"]; panelId: string }) {
  const t = useTranslations("progress.working");
  const locale = useLocale();
  return (
    <>
      <p id={`${panelId}-history`} className="font-medium">
        {t("historyHeading")}
      </p>
      <ul aria-labelledby={`${panelId}-history`} className="space-y-1">
        {lines.map((h) => (
          <li key={h.id}>
            {t.rich(h.action === "LINKED" ? "historyLinked" : "historyUnlinked", {
              title: h.recordTitle,
              actor: h.actor,
              date: formatDay(h.at, locale),
              record: (chunks) => (
                <Link href={`/records/${h.recordId}`} className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
