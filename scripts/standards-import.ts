// `npm run standards:import -- <package.json> [--school <id or name> | --district [<id or name>]]`:
// imports a CASE 1.0 package (a CFPackage in JSON) as a framework of the district (shared
// by its schools; the default) or of one school, and prints what changed. Re-importing
// updates in place and retires what is gone. Uses DATABASE_URL, or the embedded database
// under .data/ like `npm start`, migrated first (never seeded). Exits with 1 when nothing
// was imported.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { log, root } from "./lib/app";
import { runPrisma } from "./lib/prisma-cli";
import { startEmbedded, type Database } from "./lib/postgres";
import { env as readEnv } from "../lib/env";

const USAGE = `Usage: npm run standards:import -- <package.json> [--school <id or name> | --district [<id or name>]]

Imports a CASE 1.0 package (CFDocument, CFItems, CFAssociations…) as a standards
framework. Without --school it belongs to the district and all its schools share it.
Name the district when the database holds more than one.`;

// A bare --district (the default) may be followed by the file name or nothing.
const argv = process.argv.slice(2);
const at = argv.indexOf("--district");
if (at >= 0 && (at === argv.length - 1 || argv[at + 1]!.startsWith("-") || argv[at + 1]!.toLowerCase().endsWith(".json"))) {
  argv.splice(at, 1);
}
const { values, positionals } = parseArgs({
  args: argv,
  allowPositionals: true,
  options: {
    school: { type: "string" },
    district: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const file = path.resolve(positionals[0]!);

type Org = { id: string; name: string };
function pick<T extends Org>(all: T[], wanted: string | undefined, what: string, flag: string): T {
  const w = wanted?.trim().toLowerCase();
  const matches = w ? all.filter((o) => o.id.toLowerCase() === w || o.name.toLowerCase() === w) : all;
  if (matches.length === 1) return matches[0]!;
  const list = all.map((o) => `  ${o.id}  ${o.name}`).join("\n") || "  (none: start the app once, or create a district first)";
  throw new Error(`${w ? `No single ${what} is "${wanted}"` : `Choose a ${what} with ${flag}`}. The ${what}s are:\n${list}`);
}

const settings = readEnv();
let database: Database | null = null;
let exitCode = 0;
try {
  const json = await readFile(file, "utf8").catch(() => {
    throw new Error(`There is no file at ${file}.`);
  });
  let url = settings.DATABASE_URL;
  if (!url) {
    database = await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
    url = database.url;
  }
  process.env.DATABASE_URL = url;
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true);
  const { db } = await import("../lib/db");
  const { CasePackageError, COMMAND_LINE, importCasePackage } = await import("../lib/standards/case/import");
  try {
    let owner: Org;
    if (values.school) {
      const schools = await db.organization.findMany({
        where: { type: "SCHOOL" },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
      owner = pick(schools, values.school, "school", "--school");
    } else {
      const districts = await db.organization.findMany({
        where: { type: "DISTRICT" },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
      owner = pick(districts, values.district, "district", "--district");
    }
    log(`Importing ${path.basename(file)} for ${owner.name}…`);
    try {
      const result = await importCasePackage(COMMAND_LINE, { organizationId: owner.id, json });
      const f = result.framework;
      console.log(`\n  ${f.title} (${f.caseId}), ${f.created ? "new" : "updated"} framework ${f.id}`);
      console.log(`  created ${result.created}, updated ${result.updated}, retired ${result.retired}, unchanged ${result.unchanged}`);
      if (result.problems.length) {
        console.log(`\nImported with ${result.problems.length} warning${result.problems.length === 1 ? "" : "s"}:`);
        for (const p of result.problems.slice(0, 50)) console.log(`  - ${p.message}`);
        if (result.problems.length > 50) console.log(`  …and ${result.problems.length - 50} more.`);
      }
    } catch (error) {
      if (!(error instanceof CasePackageError)) throw error;
      exitCode = 1;
      console.log(`\nNothing was imported. Problems:`);
      for (const p of error.problems.slice(0, 50)) console.log(`  ${p.severity === "error" ? "✗" : "-"} ${p.message}`);
      if (error.problems.length > 50) console.log(`  …and ${error.problems.length - 50} more.`);
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
