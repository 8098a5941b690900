// `npm run restore <file>`: puts a backup back into an EMPTY database and upload folder (it never
// overwrites). With the embedded Postgres: stop Pathways, move .data/postgres and .data/uploads
// aside, then restore; `npm start` then serves the restored data.
import path from "node:path";
import { storageSettings } from "../lib/env";
import { log, root } from "./lib/app";
import { databaseForCli } from "./lib/database-for-cli";
import { runPrisma } from "./lib/prisma-cli";
import { checkoutMigrations, restore } from "./lib/snapshot";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore <backup file>");
  process.exit(2);
}
const database = await databaseForCli();
try {
  if (database.running && !process.env.DATABASE_URL) {
    throw new Error("Pathways' database is running (npm start?). Stop the app first, and restore into an empty .data folder.");
  }
  log(`Restoring ${file}…`);
  const storage = storageSettings();
  // With S3 only the database comes back: the bucket's files are restored from its own versioning.
  const m = await restore(database.url, storage.kind === "local" ? storage.dir : null, file, {
    migrations: await checkoutMigrations(path.join(root, "prisma", "migrations")),
    migrate: (url) => runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true),
  });
  log(`Restored ${m.tables.reduce((n, t) => n + t.rows, 0)} rows and ${m.files.length} files taken ${m.createdAt}.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
