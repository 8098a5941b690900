// `npm run xapi:conformance`: runs the batteries of the ADL LRS conformance test suite that the
// statement receiver claims (xAPI 1.0.3: statement resource, versioning, authentication, about,
// statement validation) against a running app — APP_URL, default http://localhost:3000 (`npm start`)
// — and prints pass/fail per battery. Exits 1 when an in-scope test fails, 2 when it cannot run.
//
// The suite is not part of the project (MIT, but it is someone else's code and ~500 npm packages):
//   git clone https://github.com/adlnet/lrs-conformance-test-suite .data/lrs-conformance-test-suite
// or point XAPI_SUITE_DIR at a clone. Its dependencies are installed on first use.
// Credentials: XAPI_KEY and XAPI_SECRET of a connected tool, else a new tool is made for the first
// school with scripts/xapi-tool.ts, in the running app's database (DATABASE_URL, or `npm start`'s).
// The suite stores thousands of statements and never removes them: don't run it against real data.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const suite = path.resolve(root, process.env.XAPI_SUITE_DIR ?? ".data/lrs-conformance-test-suite");
const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
const endpoint = `${appUrl}/api/xapi`;

// Batteries by the suite's top-level `describe` titles (one per file in test/v1_0_3). The suite
// can only select tests by a regex on their full title, so we run them all in one go and sort after.
const BATTERIES: Record<string, string[]> = {
  "statement resource": [
    "Statement Resource Requirements",
    "Retrieval of Statements",
    "Statement Lifecycle Requirements",
    "HEAD Request Implementation Requirements",
    "Encoding Requirements",
    "Error Codes Requirements",
    "Alternate Request Syntax Requirements",
  ],
  versioning: ["Versioning Requirements", "Version Property Requirements"],
  authentication: ["Authentication Requirements"],
  about: ["About Resource Requirements"],
  "statement validation": [
    "Formatting Requirements",
    ...["Id", "Actor", "Verb", "Object", "Result", "Context", "Timestamp", "Stored", "Authority", "Attachments"].map(
      (p) => `${p} Property Requirements`,
    ),
    "Special Data Types and Rules",
  ],
};
// Tests inside those files that belong elsewhere, matched on their full title. Multipart attachments
// get their own line (still counted) so their cost is visible; HEAD on the document and profile
// resources is out of scope (the README says why) and not counted.
const MOVED: { battery: string; counted: boolean; title: RegExp }[] = [
  {
    battery: "statement resource: multipart attachments",
    counted: true,
    title: /XAPI-00161|XAPI-00167|multipart response format StatementResult|XAPI-00164.*using GET with "attachments"/,
  },
  { battery: "out of scope: HEAD on other resources", counted: false, title: /^HEAD Request.*HEAD (activities|agents)/ },
];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Whether something accepts connections on the local port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

/** Key and secret from the environment, or from a new tool made by the receiver's own CLI. */
async function credentials(): Promise<{ key: string; secret: string }> {
  const { XAPI_KEY: key, XAPI_SECRET: secret } = process.env;
  if (key && secret) return { key, secret };
  console.log("Creating a connected tool for the first school (scripts/xapi-tool.ts)…");
  // While `npm start` runs, its embedded Postgres owns .data/postgres: the CLI must connect to it
  // rather than start a second one (user and password as in scripts/lib/postgres.ts).
  const env = { ...process.env };
  const pgPort = Number(env.PATHWAYS_PG_PORT ?? 54329);
  if (!env.DATABASE_URL && (await listening(pgPort))) env.DATABASE_URL = `postgresql://postgres:pathways@127.0.0.1:${pgPort}/pathways`;
  const name = `ADL conformance ${new Date().toISOString()}`;
  const args = ["tsx", "--conditions=react-server", "scripts/xapi-tool.ts", "create", "--name", name];
  const made = spawnSync("npx", args, { cwd: root, env, encoding: "utf8" });
  const out = `${made.stdout}\n${made.stderr}`;
  const found = (label: string) => new RegExp(`^${label}: (\\S+)`, "m").exec(out)?.[1];
  const created = { key: found("key"), secret: found("secret") };
  if (made.status !== 0 || !created.key || !created.secret) fail(`Could not create a tool; set XAPI_KEY and XAPI_SECRET.\n${out}`);
  return { key: created.key, secret: created.secret };
}

// The suite's own runner class (what bin/console_runner.js wraps), driven from a few lines of JS:
// its command line (commander 2) takes a key or secret starting with "-" for an option.
const DRIVER = `
const { testRunner: Runner } = require("./bin/testRunner.js");
const runner = new Runner("pathways", null, JSON.parse(process.env.SUITE_FLAGS));
setInterval(() => console.log("  progress " + JSON.stringify(runner.summary)), 15000).unref();
runner.on("message", (m) => {
  if (m.action !== "end") return;
  require("fs").writeFileSync(process.env.SUITE_LOG, JSON.stringify(runner.getCleanRecord(), null, 1));
  process.exit(0);
});
runner.start();`;

/** Runs the suite; resolves with the path of the JSON log of every test's outcome. */
function runSuite(grep: string, key: string, secret: string): Promise<string> {
  const flags = { xapiVersion: "1.0.3", endpoint, basicAuth: true, authUser: key, authPass: secret, grep };
  const log = path.join(suite, "logs", `pathways-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(path.dirname(log), { recursive: true });
  const env = { ...process.env, SUITE_FLAGS: JSON.stringify(flags), SUITE_LOG: log };
  const child = spawn(process.execPath, ["-e", DRIVER], { cwd: suite, env, stdio: ["ignore", "pipe", "pipe"] });
  let tail = "";
  child.stdout.on("data", (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
    for (const line of chunk.toString().split("\n")) if (line.startsWith("  progress")) console.log(line);
  });
  child.stderr.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000)));
  return new Promise((resolve) =>
    child.on("exit", () => (existsSync(log) ? resolve(log) : fail(`The suite wrote no log. Its last output:\n${tail}`))),
  );
}

type Node = { title: string; status: string; error?: string; tests: Node[] };
type Tally = { passed: number; failed: number; notRun: number; failures: string[] };

/** Sorts every test of the suite's log into its battery; a failed hook counts as a failure of its suite. */
function tally(log: Node): Map<string, Tally> {
  const result = new Map<string, Tally>();
  const add = (battery: string, outcome: "passed" | "failed" | "notRun", title: string, error?: string) => {
    const t = result.get(battery) ?? { passed: 0, failed: 0, notRun: 0, failures: [] };
    t[outcome] += 1;
    if (outcome === "failed") t.failures.push(`${title}\n      ${(error ?? "").split("\n")[0]}`);
    result.set(battery, t);
  };
  const visit = (node: Node, trail: string[], top: string) => {
    const title = [...trail, node.title].join(" › ");
    const moved = MOVED.find((m) => m.title.test(title));
    const battery = moved?.battery ?? Object.keys(BATTERIES).find((b) => BATTERIES[b]!.some((t) => top.startsWith(t))) ?? "other";
    if (node.tests.length === 0)
      add(battery, node.status === "passed" ? "passed" : node.status === "failed" ? "failed" : "notRun", title, node.error);
    else if (node.error) add(battery, "failed", `${title} (hook)`, node.error);
    for (const child of node.tests) visit(child, [...trail, node.title], top);
  };
  if (log.error) add("setup (root hooks: POST + GET by statementId)", "failed", "before all", log.error);
  for (const top of log.tests) visit(top, [], top.title);
  return result;
}

if (!existsSync(path.join(suite, "bin", "console_runner.js")))
  fail(
    `The ADL conformance suite is not at ${suite}. Get it with\n` +
      `  git clone https://github.com/adlnet/lrs-conformance-test-suite ${suite.startsWith(root) ? path.relative(root, suite) : suite}\n` +
      `or set XAPI_SUITE_DIR to a clone.`,
  );
if (!existsSync(path.join(suite, "node_modules"))) {
  console.log(`Installing the suite's dependencies in ${suite}…`);
  if (spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: suite, stdio: "inherit" }).status !== 0) fail("npm install failed.");
}
const about = await fetch(`${endpoint}/about`).catch(() => null);
if (!about?.ok) fail(`No statement receiver answers at ${endpoint}/about. Start the app (npm start) or set APP_URL.`);

const { key, secret } = await credentials();
const grep = `^(?:${Object.values(BATTERIES).flat().join("|")})`;
console.log(`Running the ADL LRS conformance suite (xAPI 1.0.3) against ${endpoint} — about a minute…`);
const logPath = await runSuite(grep, key, secret);
const record = JSON.parse(readFileSync(logPath, "utf8")) as { state: string; log: Node };
const tallies = tally(record.log);

let failed = 0;
console.log(`\n${"battery".padEnd(46)}${"passed".padStart(8)}${"failed".padStart(8)}${"not run".padStart(9)}`);
for (const [battery, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  const counted = !MOVED.some((m) => m.battery === battery && !m.counted);
  if (counted) failed += t.failed + t.notRun;
  console.log(
    `${(counted ? battery : `(${battery})`).padEnd(46)}${String(t.passed).padStart(8)}${String(t.failed).padStart(8)}${String(t.notRun).padStart(9)}`,
  );
}
for (const [battery, t] of tallies) {
  if (!t.failures.length || MOVED.some((m) => m.battery === battery && !m.counted)) continue;
  const more = t.failures.length > 30 ? `\n  …and ${t.failures.length - 30} more (see the full log)` : "";
  console.log(
    `\n${battery} — failures:\n${t.failures
      .slice(0, 30)
      .map((f) => `  ✗ ${f}`)
      .join("\n")}${more}`,
  );
}
console.log(`\nFull log: ${logPath}`);
// Tests that never started are not in the log: a run cut short must not read as a pass.
if (record.state !== "finished") {
  failed += 1;
  console.log(`\nThe suite stopped early (${record.state}); the counts above are incomplete.`);
}
console.log(failed ? `\n${failed} in-scope test(s) did not pass.` : "\nAll in-scope batteries pass.");
process.exit(failed ? 1 : 0);
