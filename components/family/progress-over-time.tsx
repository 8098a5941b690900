"use client";

// The child's progress over time: after each rating, the share of the standards rated so far that
// are at a proficient level, across subjects. The chart is a picture for sighted readers
// (role="img", nothing focusable inside); "Show as a table" opens the same data as a table — a
// native disclosure, so it works with the keyboard and without JavaScript.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { LazyLineChart } from "@/components/mastery/lazy-charts";
import { formatDay } from "@/lib/dates";
import type { SubjectPoint } from "@/lib/mastery/progress";

export function ProgressOverTime({ points, childName }: { points: SubjectPoint[]; childName: string }) {
  const t = useTranslations("family.chart");
  const locale = useLocale();
  const format = useFormatter();
  const shortDay = useMemo(
    () => new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, { month: "short", day: "numeric", timeZone: "UTC" }),
    [locale],
  );
  if (points.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  const percent = (p: number) => format.number(p / 100, { style: "percent", maximumFractionDigits: 0 });
  const data = points.map((p) => ({ at: p.at.getTime(), percent: p.percent }));
  const last = points[points.length - 1]!;
  return (
    <div className="space-y-3">
      <div
        role="img"
        aria-label={t("label", { name: childName, percent: percent(last.percent), proficient: last.proficient, rated: last.rated })}
        className="h-56 w-full rounded-md border border-slate-200 bg-white p-2"
      >
        <LazyLineChart
          data={data}
          dataKey="percent"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(p: number) => percent(p)}
          dayFormatter={(t: number) => shortDay.format(new Date(t))}
          yWidth={48}
        />
      </div>
      <details className="rounded-md border border-slate-200 bg-white">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t("showTable")}</summary>
        {/* Focusable, so a phone's keyboard user can scroll it sideways. */}
        <div className="overflow-x-auto px-3 pb-3" tabIndex={0} role="region" aria-label={t("tableLabel", { name: childName })}>
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
            <caption className="py-1 text-left font-medium">{t("caption", { name: childName })}</caption>
            <thead className="text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {t("evidenceAdded")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("proficient")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("share")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {points.map((p, i) => (
                <tr key={i}>
                  <th scope="row" className="px-2 py-1 font-normal">
                    {formatDay(p.at, locale)}
                  </th>
                  <td className="px-2 py-1">{t("ofRated", { proficient: p.proficient, rated: p.rated })}</td>
                  <td className="px-2 py-1">{percent(p.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
