// `npm run db:seed`: seeds the demo school into an empty database.
import path from "node:path";
import { log, prepareDatabase, root } from "./lib/app";
import { startEmbedded } from "./lib/postgres";

const db = process.env.DATABASE_URL
  ? null
  : await startEmbedded(path.join(root, ".data", "postgres"), Number(process.env.PATHWAYS_PG_PORT ?? 54329), "pathways");
try {
  const seeded = await prepareDatabase(process.env.DATABASE_URL ?? db!.url);
  log(seeded ? "Demo school seeded." : "The database already has a school; nothing seeded.");
} finally {
  await db?.stop();
}
