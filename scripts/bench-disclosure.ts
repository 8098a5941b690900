// `npm run bench:disclosure`: does the disclosure log slow pages? Times the plan page's read
// (getPlan as the demo teacher) with the log on and off, in alternating rounds so both see the
// same machine, and prints p50/p95 of each and their ratio. The "on" rounds include the batched
// INSERTs running beside the reads; at the end every noted read must be in the table.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "./lib/app";
import { startThrowaway } from "./lib/postgres";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 25);
const database = await startThrowaway("bench-disclosure");
try {
  await prepareDatabase(database.url);
  const { db } = await import("../lib/db");
  const { loadActor } = await import("../lib/auth/actor");
  const { getPlan, listPlans } = await import("../lib/plans/queries");
  const { flushDisclosures } = await import("../lib/disclosure/record");
  const { DEMO_ACCOUNTS } = await import("../prisma/seed/accounts");

  const u = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.teacher.email }, select: { id: true } });
  const teacher = (await loadActor(u.id, 1))!;
  const plans = (await listPlans(teacher, { page: 1 })).items.map((p) => p.id);
  if (plans.length === 0) throw new Error("The demo teacher sees no plans");

  const times: Record<"on" | "off", number[]> = { on: [], off: [] };
  const round = async (mode: "on" | "off") => {
    process.env.DISCLOSURE_LOG = mode;
    for (let i = 0; i < PER_ROUND; i++) {
      const t = performance.now();
      await getPlan(teacher, plans[i % plans.length]!);
      times[mode].push(performance.now() - t);
    }
  };
  // Warm-up, then alternate which mode goes first so neither always follows the other.
  await round("off");
  await round("on");
  await flushDisclosures();
  times.on = [];
  times.off = [];
  const before = await db.disclosureEvent.count();
  for (let r = 0; r < ROUNDS; r++) {
    const order: ("on" | "off")[] = r % 2 === 0 ? ["on", "off"] : ["off", "on"];
    for (const mode of order) await round(mode);
  }
  await flushDisclosures();
  const written = (await db.disclosureEvent.count()) - before;

  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { p50: at(0.5), p95: at(0.95) };
  };
  const on = stats(times.on);
  const off = stats(times.off);
  const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
  console.log(`getPlan as the demo teacher: ${ROUNDS} alternating rounds of ${PER_ROUND} reads per mode`);
  console.log(`log off   p50 ${ms(off.p50)}   p95 ${ms(off.p95)}`);
  console.log(`log on    p50 ${ms(on.p50)}   p95 ${ms(on.p95)}`);
  console.log(`on / off  p50 ${(on.p50 / off.p50).toFixed(2)}x   p95 ${(on.p95 / off.p95).toFixed(2)}x`);
  console.log(`entries written: ${written} of ${times.on.length} reads with the log on`);
  if (written !== times.on.length) process.exitCode = 1;
  await db.$disconnect();
} finally {
  await database.stop();
}
