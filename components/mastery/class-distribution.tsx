"use client";

import { LazyBarChart } from "./lazy-charts";
import { NO_LEVEL } from "./level-colours";

export type DistributionDatum = { key: string; label: string; colour: string | null; count: number; students: string[] };

/**
 * How many of the class's students are at each level on one standard: a bar chart (bars carry their
 * count and the axis the level's name, so colour is never the only cue), and the same data as a table.
 */
export function ClassDistribution({ code, statement, data }: { code: string; statement: string; data: DistributionDatum[] }) {
  const total = data.reduce((n, d) => n + d.count, 0);
  const summary = data.map((d) => `${d.label}: ${d.count}`).join(", ");
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <figure className="min-w-0">
        <div role="img" aria-label={`Bar chart of students at each level on ${code}. ${summary}.`} className="h-60 w-full">
          <LazyBarChart data={data} />
        </div>
        <figcaption className="mt-1 text-xs text-slate-700">
          {code}: {statement}
        </figcaption>
      </figure>
      <div className="min-w-0 overflow-x-auto" role="region" aria-label={`Students at each level on ${code}, as a table`} tabIndex={0}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="mb-1 text-left text-sm font-medium text-slate-800">
            Students at each level on {code} ({total} {total === 1 ? "student works" : "students work"} on it)
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Level
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Students
              </th>
              <th scope="col" className="px-3 py-2">
                Who
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                  <span className="inline-flex items-center gap-1.5">
                    <span
                      aria-hidden="true"
                      className="size-2.5 rounded-full ring-1 ring-black/20"
                      style={{ backgroundColor: d.colour ?? NO_LEVEL }}
                    />
                    {d.label}
                  </span>
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{d.count}</td>
                <td className="px-3 py-1.5 text-slate-700">{d.students.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
