// `npm run bench`: times the pages' main queries against the demo school in a throwaway
// database and prints the numbers. Targets (on the 2-core dev machine): p95 under 50 ms
// for a page of the review queue, a plan list and a plan's full detail.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "./lib/app";
import { startThrowaway } from "./lib/postgres";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const database = await startThrowaway("bench");
try {
  await prepareDatabase(database.url);
  const { db } = await import("../lib/db");
  const { loadActor } = await import("../lib/auth/actor");
  const { listOrganizationPlans, listPlans, listReviewQueue, getPlan } = await import("../lib/plans/queries");
  const { DEMO_ACCOUNTS } = await import("../prisma/seed/accounts");

  const actorFor = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return (await loadActor(u.id, 1))!;
  };
  const [teacher, admin, guardian] = await Promise.all([
    actorFor(DEMO_ACCOUNTS.teacher.email),
    actorFor(DEMO_ACCOUNTS.admin.email),
    actorFor(DEMO_ACCOUNTS.guardian.email),
  ]);
  const active = await db.plan.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });

  const cases: [string, () => Promise<unknown>][] = [
    ["teacher review queue (page 1)", () => listReviewQueue(teacher, 1)],
    ["admin plan list (first page)", () => listOrganizationPlans(admin)],
    ["guardian plan list", () => listPlans(guardian, { page: 1 })],
    ["plan detail (admin)", () => getPlan(admin, active.id)],
  ];
  console.log(`${ROUNDS} rounds each, after 5 warm-up rounds`);
  for (const [name, run] of cases) {
    for (let i = 0; i < 5; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
    console.log(`${name.padEnd(32)} p50 ${at(0.5).padStart(6)} ms   p95 ${at(0.95).padStart(6)} ms`);
  }
  await db.$disconnect();
} finally {
  await database.stop();
}
