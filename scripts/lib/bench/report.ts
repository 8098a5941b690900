// Issue 12's figures, and the table `npm run bench` prints: one row per page, each figure
// beside its budget, and the misses that make the run exit non-zero.

export const BUDGET = {
  /** A page's req/s at saturation ÷ the floor's, measured alternately in the same run. */
  ratio: 0.5,
  /** Database execution time per load (pg_stat_statements), ms. */
  dbMs: 10,
  /** p95 latency at a fixed 20 req/s, ms. */
  p95Ms: 100,
  /** First-load JavaScript, kB gzip. */
  jsKb: 150,
  /** Lighthouse performance, mobile preset. */
  lighthouse: 95,
} as const;

export type PageResult = {
  name: string;
  path: string;
  rps: number;
  floorRps: number;
  ratio: number;
  p50: number;
  p95: number;
  p99: number;
  statements: number;
  dbMs: number;
  jsKb: number;
  htmlKb: number;
  /** Large tables the heaviest statements scan sequentially; null when no plan could be made. */
  seqScans: string[];
  lighthouse?: number;
};

export function missesOf(r: PageResult): string[] {
  const misses: string[] = [];
  if (!(r.ratio >= BUDGET.ratio)) misses.push(`req/s ÷ floor ${r.ratio.toFixed(2)} < ${BUDGET.ratio}`);
  if (!(r.dbMs < BUDGET.dbMs)) misses.push(`database ${r.dbMs.toFixed(1)} ms/load ≥ ${BUDGET.dbMs} ms`);
  if (!(r.p95 < BUDGET.p95Ms)) misses.push(`p95 ${r.p95.toFixed(0)} ms ≥ ${BUDGET.p95Ms} ms`);
  if (!(r.jsKb <= BUDGET.jsKb)) misses.push(`first-load JS ${r.jsKb.toFixed(0)} kB > ${BUDGET.jsKb} kB`);
  if (r.lighthouse !== undefined && !(r.lighthouse >= BUDGET.lighthouse)) misses.push(`Lighthouse ${r.lighthouse} < ${BUDGET.lighthouse}`);
  if (r.seqScans.length) misses.push(`sequential scan of ${r.seqScans.join(", ")}`);
  return misses;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** A Markdown table (it reads as a table in a terminal too, and pastes into the README). */
export function table(results: PageResult[], extra: { name: string; lighthouse: number }[] = []): string {
  const head = ["page", "req/s", "÷ floor", "p50", "p95", "p99 ms", "SQL/load", "DB ms/load", "JS kB", "HTML kB", "Lighthouse", "ok"];
  const rows = results.map((r) => [
    r.name,
    fixed(r.rps, 0),
    fixed(r.ratio, 2),
    fixed(r.p50, 0),
    fixed(r.p95, 0),
    fixed(r.p99, 0),
    fixed(r.statements, 1),
    fixed(r.dbMs, 2),
    fixed(r.jsKb, 0),
    fixed(r.htmlKb, 1),
    r.lighthouse === undefined ? "" : String(r.lighthouse),
    missesOf(r).length ? "✗" : "✓",
  ]);
  for (const e of extra)
    rows.push([e.name, "", "", "", "", "", "", "", "", "", String(e.lighthouse), e.lighthouse >= BUDGET.lighthouse ? "✓" : "✗"]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}
