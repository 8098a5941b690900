// `npm run backup [-- file]`: a consistent snapshot of the database and the upload folder in one
// file (default .data/backups/pathways-<time>.tar.gz). Safe while the app runs.
import path from "node:path";
import { storageSettings } from "../lib/env";
import { log, root } from "./lib/app";
import { databaseForCli } from "./lib/database-for-cli";
import { backup } from "./lib/snapshot";

const out = process.argv[2] ?? path.join(root, ".data", "backups", `pathways-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`);
const database = await databaseForCli();
try {
  const storage = storageSettings();
  // Files in a bucket are not copied: the bucket keeps its own backups (versioning, replication).
  if (storage.kind === "s3")
    log(
      `Evidence files are in the S3 bucket ${storage.bucket} and are NOT in this backup: turn on the bucket's versioning (and replication) to back them up (docs/deploying.md). Backing up the database…`,
    );
  else log(`Backing up the database and ${storage.dir}…`);
  const m = await backup(database.url, storage.kind === "local" ? storage.dir : null, out);
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  log(`Wrote ${out}: ${m.tables.length} tables (${rows} rows) and ${m.files.length} files, at migration ${m.migrations.at(-1)}.`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
