"use client";

import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";

export type LineChartProps = {
  data: Record<string, number | null>[];
  dataKey: string;
  domain: [number, number];
  ticks: number[];
  tickFormatter: (value: number) => string;
  dayFormatter: (at: number) => string;
  yWidth: number;
};

/**
 * A line over time (x: epoch ms under "at"). Its own module so that recharts is fetched after the
 * page, never in its first load, and never rendered on the server: callers load it with
 * next/dynamic (`lazyLineChart`) inside a box of fixed height that already carries the chart's
 * accessible name, with the same data as a table beside it.
 */
export default function TimeLineChart({ data, dataKey, domain, ticks, tickFormatter, dayFormatter, yWidth }: LineChartProps) {
  return (
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
        tickFormatter={dayFormatter}
        tick={{ fill: "#334155", fontSize: 12 }}
        padding={{ left: 16, right: 16 }}
      />
      <YAxis
        type="number"
        domain={domain}
        ticks={ticks}
        tickFormatter={tickFormatter}
        tick={{ fill: "#334155", fontSize: 12 }}
        width={yWidth}
        allowDecimals
      />
      <Line type="linear" dataKey={dataKey} stroke="#4338ca" strokeWidth={2} dot={{ r: 4, fill: "#4338ca" }} isAnimationActive={false} />
    </LineChart>
  );
}
