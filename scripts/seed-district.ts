// `npm run seed:district`: adds the benchmark district (issue 12's sizes, clearly test data) to the
// current database: DATABASE_URL, or the embedded one `npm start` uses. Applies migrations first and,
// on an empty database, seeds the demo district too. A second run finds the district and does nothing.
import path from "node:path";
import { log, prepareDatabase, root } from "./lib/app";
import { startEmbedded } from "./lib/postgres";
import { env as readEnv } from "../lib/env";

const settings = readEnv();
const embedded = settings.DATABASE_URL
  ? null
  : await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
try {
  const url = settings.DATABASE_URL ?? embedded?.url;
  if (!url) throw new Error("No database to seed");
  await prepareDatabase(url);
  const { db } = await import("../lib/db");
  const { BENCH_ACCOUNTS, BENCH_DISTRICT_NAME, generateDistrict } = await import("./lib/district-data");
  const { DEMO_PASSWORD } = await import("../prisma/seed/accounts");
  try {
    log(`Adding "${BENCH_DISTRICT_NAME}"…`);
    const result = await generateDistrict(undefined, log);
    log(result.created ? `Made in ${result.seconds.toFixed(1)} s:` : "The district is already there; nothing added. It holds:");
    for (const [what, n] of Object.entries(result.counts)) log(`  ${what.padEnd(18)} ${n.toLocaleString("en-US").padStart(10)}`);
    log(`Sign in with password ${DEMO_PASSWORD}:`);
    log(`  ${BENCH_ACCOUNTS.teacher} — teacher of 150 students in 6 classes ("Math 7 · Period 1" is the 30 × 40 grid)`);
    log(`  ${BENCH_ACCOUNTS.districtAdmin} — district admin`);
    log(`  ${BENCH_ACCOUNTS.student} — a student with 30 plans, 50 pieces of evidence on the active one`);
  } finally {
    await db.$disconnect();
  }
} finally {
  await embedded?.stop();
}
