// `npm run prisma -- <args>`: the Prisma CLI with the offline settings. For commands
// that need a database (migrate dev, studio) and no DATABASE_URL, it starts the
// embedded development database first.
import path from "node:path";
import { runPrisma } from "./lib/prisma-cli";
import { startEmbedded } from "./lib/postgres";

const args = process.argv.slice(2);
const needsDb = ["migrate", "db", "studio"].includes(args[0] ?? "");
let stop: (() => Promise<void>) | undefined;
const env: Record<string, string> = {};
if (needsDb && !process.env.DATABASE_URL) {
  const db = await startEmbedded(path.resolve(".data/postgres"), Number(process.env.PATHWAYS_PG_PORT ?? 54329), "pathways");
  env.DATABASE_URL = db.url;
  stop = db.stop;
}
try {
  await runPrisma(args, env);
} finally {
  await stop?.();
}
