"use client";

// The child's progress over time: after each rating, the share of the standards rated so far that
// are at a proficient level, across subjects. The chart is a picture for sighted readers
// (role="img", nothing focusable inside); "Show as a table" opens the same data as a table — a
// native disclosure, so it works with the keyboard and without JavaScript.
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import type { SubjectPoint } from "@/lib/mastery/progress";

const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function ProgressOverTime({ points, childName }: { points: SubjectPoint[]; childName: string }) {
  if (points.length === 0) return <p className="text-sm text-slate-700">The chart starts with the first rating on a standard.</p>;
  const data = points.map((p) => ({ at: p.at.getTime(), percent: p.percent }));
  const last = points[points.length - 1]!;
  return (
    <div className="space-y-3">
      <div
        role="img"
        aria-label={`Line chart: share of ${childName}’s rated standards at a proficient level after each rating, now ${last.percent}% (${last.proficient} of ${last.rated}). “Show as a table” gives the same data.`}
        className="h-56 w-full rounded-md border border-slate-200 bg-white p-2"
      >
        <LineChart
          responsive
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          style={{ width: "100%", height: "100%" }}
        >
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => shortDay.format(new Date(t))}
            tick={{ fill: "#334155", fontSize: 12 }}
            padding={{ left: 16, right: 16 }}
          />
          <YAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(p: number) => `${p}%`}
            tick={{ fill: "#334155", fontSize: 12 }}
            width={48}
          />
          <Line
            type="linear"
            dataKey="percent"
            stroke="#4338ca"
            strokeWidth={2}
            dot={{ r: 4, fill: "#4338ca" }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <details className="rounded-md border border-slate-200 bg-white">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Show as a table</summary>
        {/* Focusable, so a phone's keyboard user can scroll it sideways. */}
        <div className="overflow-x-auto px-3 pb-3" tabIndex={0} role="region" aria-label={`${childName}’s progress as a table`}>
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
            <caption className="py-1 text-left font-medium">{childName}’s standards at a proficient level after each rating</caption>
            <thead className="text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Evidence added
                </th>
                <th scope="col" className="px-2 py-1">
                  Standards at a proficient level
                </th>
                <th scope="col" className="px-2 py-1">
                  Share
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {points.map((p, i) => (
                <tr key={i}>
                  <th scope="row" className="px-2 py-1 font-normal">
                    {longDay.format(p.at)}
                  </th>
                  <td className="px-2 py-1">
                    {p.proficient} of {p.rated}
                  </td>
                  <td className="px-2 py-1">{p.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
