// `npm run db:seed`: seeds the demo school into an empty database.
import path from "node:path";
import { log, prepareDatabase, root } from "./lib/app";
import { startEmbedded } from "./lib/postgres";
import { env as readEnv } from "../lib/env";

const settings = readEnv();
const db = settings.DATABASE_URL ? null : await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
try {
  const url = settings.DATABASE_URL ?? db?.url;
  if (!url) throw new Error("No database to seed");
  const seeded = await prepareDatabase(url);
  log(seeded ? "Demo district seeded." : "The database already has an organization; nothing seeded.");
} finally {
  await db?.stop();
}
