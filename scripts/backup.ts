// `npm run backup [-- file]`: a consistent snapshot of the database and the upload folder in one
// file (default .data/backups/pathways-<time>.tar.gz). Safe while the app runs.
import path from "node:path";
import { uploadDir } from "../lib/env";
import { log, root } from "./lib/app";
import { databaseForCli } from "./lib/database-for-cli";
import { backup } from "./lib/snapshot";

const out = process.argv[2] ?? path.join(root, ".data", "backups", `pathways-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`);
const database = await databaseForCli();
try {
  log(`Backing up the database and ${uploadDir()}…`);
  const m = await backup(database.url, uploadDir(), out);
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  log(`Wrote ${out}: ${m.tables.length} tables (${rows} rows) and ${m.files.length} files, at migration ${m.migrations.at(-1)}.`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
