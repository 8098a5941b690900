// `npm run roster:import -- <zip or folder> [--apply] [--district <id or name>]`: checks a
// OneRoster 1.1 export against a district and prints the report; with --apply, applies it
// (all or nothing). Uses DATABASE_URL, or the embedded database under .data/ like
// `npm start`, migrated first (never seeded). Exits with 1 when nothing could be applied.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { log, root } from "./lib/app";
import { runPrisma } from "./lib/prisma-cli";
import { startEmbedded, type Database } from "./lib/postgres";
import { env as readEnv } from "../lib/env";
import { canApply, DEACTIVATABLE, ENTITIES, ENTITY_LABEL, summarize, type RosterReport } from "../lib/roster/report";

const USAGE = `Usage: npm run roster:import -- <export.zip | folder of CSV files> [--apply] [--district <id or name>]

Checks the export against the district (a dry run that changes nothing) and prints what
would change and every row that cannot be imported. With --apply, applies it in one
transaction. --district is needed when the database holds more than one district.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    apply: { type: "boolean", default: false },
    district: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const input = path.resolve(positionals[0]!);

async function readInput(target: string) {
  const info = await stat(target).catch(() => null);
  if (!info) throw new Error(`There is no file or folder at ${target}.`);
  if (!info.isDirectory()) return [{ name: path.basename(target), bytes: new Uint8Array(await readFile(target)) }];
  const names = (await readdir(target, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(target, name))) })));
}

function printReport(report: RosterReport) {
  for (const f of report.files)
    console.log(`  ${f.name.padEnd(22)} ${f.mode === "absent" ? "not in this export" : `${f.mode}, ${f.rows} rows`}`);
  console.log(`\n  ${"".padEnd(22)} ${["created", "updated", "deactivated", "unchanged"].map((h) => h.padStart(13)).join("")}`);
  for (const e of ENTITIES) {
    const c = report.counts[e];
    const deactivated = DEACTIVATABLE.has(e) ? String(c.deactivated) : "—";
    console.log(
      `  ${ENTITY_LABEL[e].padEnd(22)} ${[c.created, c.updated, deactivated, c.unchanged].map((n) => String(n).padStart(13)).join("")}`,
    );
  }
  if (report.notes.length) console.log(`\nNotes:\n${report.notes.map((n) => `  - ${n}`).join("\n")}`);
  if (report.fileErrors.length) {
    console.log(`\nProblems with whole files (nothing can be applied):`);
    for (const e of report.fileErrors) console.log(`  ${e.file}${e.line ? `:${e.line}` : ""}  ${e.reason}`);
  }
  if (report.errorCount) {
    console.log(`\nRows that cannot be imported (${report.errorCount}; they are skipped):`);
    for (const e of report.errors.slice(0, 100)) console.log(`  ${e.file}:${e.line}  ${e.reason}`);
    if (report.errorCount > 100) console.log(`  …and ${report.errorCount - 100} more.`);
  }
}

const settings = readEnv();
let database: Database | null = null;
let exitCode = 0;
try {
  let url = settings.DATABASE_URL;
  if (!url) {
    database = await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
    url = database.url;
  }
  process.env.DATABASE_URL = url;
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true);
  const { db } = await import("../lib/db");
  const { applyImport, checkUpload } = await import("../lib/roster/run");
  try {
    const districts = await db.organization.findMany({
      where: { type: "DISTRICT" },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const wanted = values.district?.trim().toLowerCase();
    const matches = wanted ? districts.filter((d) => d.id.toLowerCase() === wanted || d.name.toLowerCase() === wanted) : districts;
    if (matches.length !== 1) {
      const list = districts.map((d) => `  ${d.id}  ${d.name}`).join("\n") || "  (none: start the app once, or create a district first)";
      throw new Error(
        `${wanted ? `No single district is "${values.district}"` : "Choose a district with --district"}. The districts are:\n${list}`,
      );
    }
    const district = matches[0]!;
    log(`Checking ${input} against ${district.name}…`);
    const checked = await checkUpload({ districtId: district.id, actorId: null }, path.basename(input), await readInput(input));
    printReport(checked.report);
    if (!canApply(checked.report)) {
      exitCode = 1;
      log("Nothing was applied: fix the problems with whole files and run again.");
    } else if (!values.apply) {
      log(`Dry run only: nothing changed. Run again with --apply to apply (${summarize(checked.report)}).`);
    } else {
      log("Applying…");
      const applied = await applyImport({ districtId: district.id, actorId: null }, checked.id);
      log(`Applied: ${summarize(applied.report)}.`);
    }
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database?.stop();
}
process.exit(exitCode);
