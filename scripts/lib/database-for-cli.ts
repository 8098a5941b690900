// The database a command-line tool works on: DATABASE_URL when set, else the embedded Postgres
// under .data/ — the running one (`npm start`), or started here for the command and stopped after.
import path from "node:path";
import pg from "pg";
import { env as readEnv } from "../../lib/env";
import { root } from "./app";
import { startEmbedded } from "./postgres";

export type CliDatabase = { url: string; running: boolean; stop: () => Promise<void> };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function databaseForCli(): Promise<CliDatabase> {
  const settings = readEnv();
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, running: true, stop: async () => {} };
  const url = `postgresql://postgres:pathways@127.0.0.1:${settings.PATHWAYS_PG_PORT}/pathways`;
  if (await answers(url)) return { url, running: true, stop: async () => {} };
  const started = await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
  return { url: started.url, running: false, stop: started.stop };
}
