"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { DistributionDatum } from "./class-distribution";
import { NO_LEVEL } from "./level-colours";

/** The class's students per level (components/mastery/class-distribution.tsx), loaded after the page. */
export default function LevelBarChart({ data }: { data: DistributionDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 20, right: 8, bottom: 4, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#334155" }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#334155" }} />
        <Bar dataKey="count" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.colour ?? NO_LEVEL} stroke="#334155" strokeWidth={1} />
          ))}
          <LabelList dataKey="count" position="top" fontSize={12} fill="#0f172a" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
