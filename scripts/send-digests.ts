// `npm run digests [-- --at <ISO time>]`: sends the daily and weekly notification digests that are
// due now (or at the time given), as the hourly job in the app does. For operators after an outage,
// and for the browser tests. Uses DATABASE_URL, or the embedded database under .data/.
import { parseArgs } from "node:util";
import { log } from "./lib/app";
import { databaseForCli } from "./lib/database-for-cli";

const { values } = parseArgs({ options: { at: { type: "string" }, help: { type: "boolean", short: "h", default: false } } });
if (values.help) {
  console.log("Usage: npm run digests [-- --at 2026-11-24T14:00:00Z]\nSends the notification digests due at that time (default: now).");
  process.exit(0);
}
const now = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`Not a time: ${values.at}`);
  process.exit(2);
}
const database = await databaseForCli();
process.env.DATABASE_URL = database.url;
try {
  const { sendDueDigests } = await import("../lib/notifications/digest");
  const result = await sendDueDigests({ now });
  log(`Digests due at ${now.toISOString()}: ${result.sent} sent, ${result.empty} with nothing to send.`);
} catch (error) {
  console.error(`Digests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  const { db } = await import("../lib/db");
  await db.$disconnect().catch(() => undefined);
  await database.stop();
}
