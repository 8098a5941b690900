"use client";

// A student's mastery over time: one standard at a time (on its scale's levels) and one subject
// at a time (the share of its standards at a proficient level). Each chart is a picture for
// sighted readers (role="img", nothing focusable inside); the table after it carries the data.
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { LazyLineChart } from "./lazy-charts";
import type { ProgressLevel, StandardPoint, SubjectPoint } from "@/lib/mastery/progress";

export type ChartStandard = { id: string; code: string; statement: string; levels: ProgressLevel[]; series: StandardPoint[] };
export type ChartSubject = { subject: string; label: string; series: SubjectPoint[] };

// One pair of formatters per language, made once: constructing Intl formatters is slow.
const formats = new Map<string, { shortDay: Intl.DateTimeFormat; longDay: Intl.DateTimeFormat }>();
function useDays() {
  const locale = useLocale();
  let found = formats.get(locale);
  if (!found) {
    const tag = locale === "en" ? "en-US" : locale;
    found = {
      shortDay: new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", timeZone: "UTC" }),
      longDay: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" }),
    };
    formats.set(locale, found);
  }
  return found;
}

/** Which standard or subject the chart shows: a labelled select. */
function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; text: string }[];
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StandardChart({ standards }: { standards: ChartStandard[] }) {
  const t = useTranslations("progress.charts");
  const { longDay } = useDays();
  const [chosen, setChosen] = useState(standards[0]?.id ?? "");
  const standard = standards.find((s) => s.id === chosen) ?? standards[0];
  if (!standard) return null;
  const points = standard.levels.map((l) => l.points);
  const nameOf = (p: number) => standard.levels.find((l) => l.points === p)?.name ?? String(p);
  const data = standard.series.map((p) => ({ at: p.at.getTime(), score: p.score }));
  return (
    <div className="space-y-3">
      <Choice
        label={t("standard")}
        value={standard.id}
        onChange={setChosen}
        options={standards.map((s) => ({
          value: s.id,
          text: `${s.code ? `${s.code} – ` : ""}${s.statement.length > 70 ? `${s.statement.slice(0, 69)}…` : s.statement}`,
        }))}
      />
      <Chart
        label={t("standardChartLabel", { standard: standard.code || standard.statement })}
        data={data}
        dataKey="score"
        domain={[Math.min(...points), Math.max(...points)]}
        ticks={points}
        tickFormatter={nameOf}
        yWidth={88}
      />
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 bg-white text-left text-sm">
          <caption className="py-1 text-left font-medium">
            {t("standardCaption", { standard: standard.code || standard.statement })}
          </caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t("evidenceAdded")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("level")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("score")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {standard.series.map((p, i) => (
              <tr key={i}>
                <th scope="row" className="px-2 py-1 font-normal">
                  {longDay.format(p.at)}
                </th>
                <td className="px-2 py-1">{p.level?.name ?? t("notYet")}</td>
                <td className="px-2 py-1">{p.score ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function SubjectChart({ subjects }: { subjects: ChartSubject[] }) {
  const t = useTranslations("progress.charts");
  const { longDay } = useDays();
  const [chosen, setChosen] = useState(subjects[0]?.subject ?? "");
  const subject = subjects.find((s) => s.subject === chosen) ?? subjects[0];
  if (!subject) return null;
  const data = subject.series.map((p) => ({ at: p.at.getTime(), percent: p.percent }));
  return (
    <div className="space-y-3">
      <Choice
        label={t("subject")}
        value={subject.subject}
        onChange={setChosen}
        options={subjects.map((s) => ({ value: s.subject, text: s.label }))}
      />
      <Chart
        label={t("subjectChartLabel", { subject: subject.label })}
        data={data}
        dataKey="percent"
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(p) => `${p}%`}
        yWidth={48}
      />
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 bg-white text-left text-sm">
          <caption className="py-1 text-left font-medium">{t("subjectCaption", { subject: subject.label })}</caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t("evidenceAdded")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("atProficient")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("share")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {subject.series.map((p, i) => (
              <tr key={i}>
                <th scope="row" className="px-2 py-1 font-normal">
                  {longDay.format(p.at)}
                </th>
                <td className="px-2 py-1">{t("proficientOf", { proficient: p.proficient, rated: p.rated })}</td>
                <td className="px-2 py-1">{p.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Chart({
  label,
  data,
  dataKey,
  domain,
  ticks,
  tickFormatter,
  yWidth,
}: {
  label: string;
  data: Record<string, number | null>[];
  dataKey: string;
  domain: [number, number];
  ticks: number[];
  tickFormatter: (value: number) => string;
  yWidth: number;
}) {
  const { shortDay } = useDays();
  return (
    <div role="img" aria-label={label} className="h-64 w-full rounded-md border border-slate-200 bg-white p-2">
      <LazyLineChart
        data={data}
        dataKey={dataKey}
        domain={domain}
        ticks={ticks}
        tickFormatter={tickFormatter}
        dayFormatter={(t: number) => shortDay.format(new Date(t))}
        yWidth={yWidth}
      />
    </div>
  );
}
