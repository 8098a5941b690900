// Backups: one file holding a consistent snapshot of the database and the upload folder.
//
// Embedded Postgres ships only initdb, pg_ctl and postgres (no pg_dump), and an older pg_dump
// refuses a newer server, so the database is copied through the server's own COPY protocol —
// what pg_dump does for data — inside one read-only SERIALIZABLE DEFERRABLE transaction: every
// table as of one instant, without blocking the app. The schema is not copied: a backup names
// the migrations it was taken at, and restoring applies those same migrations to an empty
// database, then the data (docs/decisions/backup-and-restore.md).
//
// The file is a gzipped tar: manifest.json (migrations, row counts and SHA-256 per table and
// per stored file), db/<table>.copy (COPY text format) and uploads/<stored files>. Everything is
// streamed, so neither a big table nor 2 GB of files has to fit in memory.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import * as tar from "tar";

export const FORMAT = "pathways-backup/1";
/** Tables that are not data: the migration log is rebuilt by applying the same migrations. */
const SKIPPED = new Set(["_prisma_migrations"]);

export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number; sha256: string }[];
  files: { path: string; bytes: number; sha256: string }[];
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Passes bytes through while hashing and counting them. */
function hashing() {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest("hex"), bytes }) };
}

/** The app's tables in the public schema, by name. */
async function tablesOf(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((r) => r.name).filter((n) => !SKIPPED.has(n));
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: found } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'`);
  if (found.length === 0)
    throw new Error("This database has no Pathways tables yet: there is nothing to back up (start the app once first).");
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** Every file under `dir`, as paths relative to it (none when it does not exist). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function sha256Of(file: string) {
  const h = hashing();
  await pipeline(createReadStream(file), h.stream, async function* (source) {
    for await (const chunk of source) void chunk;
  });
  return h.result();
}

/**
 * Writes a backup of the database at `url` and the files in `uploadDir` to `outFile`. With no
 * folder (files kept in S3-compatible storage) only the database: the bucket is backed up by the
 * store's own versioning or replication, which keeps files no copy of ours could (docs/deploying.md).
 */
export async function backup(url: string, uploadDir: string | null, outFile: string): Promise<Manifest> {
  const work = await mkdtemp(path.join(os.tmpdir(), "pathways-backup-"));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await mkdir(path.join(work, "db"));
    // One snapshot for every table; DEFERRABLE waits for a moment no serialization anomaly can see.
    await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE");
    const migrations = await appliedMigrations(client);
    const tables: Manifest["tables"] = [];
    for (const name of await tablesOf(client)) {
      const h = hashing();
      const out = path.join(work, "db", `${name}.copy`);
      await pipeline(client.query(copyTo(`COPY ${quote(name)} TO STDOUT`)), h.stream, createWriteStream(out));
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(name)}`);
      tables.push({ name, rows: Number(rows[0]?.n ?? 0), sha256: h.result().sha256 });
    }
    await client.query("COMMIT");

    // Stored files are written once and never changed (each upload gets a new name), so copying
    // them after the snapshot loses nothing the snapshot names.
    const files: Manifest["files"] = [];
    for (const rel of uploadDir ? await filesUnder(uploadDir) : []) {
      // A file removed meanwhile (its evidence deleted after the snapshot) is simply not in the backup.
      const sum = await sha256Of(path.join(uploadDir ?? "", rel)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
      if (sum) files.push({ path: rel, ...sum });
    }
    const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), migrations, tables, files };
    await writeFile(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));

    // Every minor's record and every password hash is in here: only the owner may read it.
    await mkdir(path.dirname(path.resolve(outFile)), { recursive: true, mode: 0o700 });
    // The files are packed from the upload folder itself (through a link), never copied first.
    if (uploadDir) await symlink(path.resolve(uploadDir), path.join(work, "uploads"), "dir");
    await tar.create({ gzip: true, file: outFile, cwd: work, portable: true, mode: 0o600 }, [
      "manifest.json",
      "db",
      ...files.map((f) => path.posix.join("uploads", f.path.split(path.sep).join("/"))),
    ]);
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    await rm(outFile, { force: true });
    throw error;
  } finally {
    await client.end();
    await rm(work, { recursive: true, force: true });
  }
}

/** Reads a backup's manifest without unpacking the rest. */
export async function readManifest(file: string): Promise<Manifest> {
  let text = "";
  await tar.list({
    file,
    filter: (p) => p === "manifest.json",
    onReadEntry: (entry) => {
      entry.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    },
  });
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== FORMAT) throw new Error(`${file} is not a Pathways backup (format ${String(manifest.format)}).`);
  return manifest;
}

/**
 * The manifest's names become paths and SQL identifiers: each must stay inside its folder. (Its
 * checksums catch damage, not a crafted backup: keep backups where only you can write them.)
 */
function checkManifest(m: Manifest) {
  const safe = (p: string) => p.length > 0 && !path.isAbsolute(p) && !p.split(/[\\/]/).some((part) => part === ".." || part === "");
  for (const t of m.tables) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.name)) throw new Error(`The backup names an odd table: ${t.name}.`);
  for (const f of m.files) if (!safe(f.path)) throw new Error(`The backup names a file outside its folder: ${f.path}.`);
}

/** Whether the database already holds data (the migration log aside). */
async function holdsData(client: pg.ClientBase): Promise<string | null> {
  for (const name of await tablesOf(client)) {
    const { rows } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
    if (rows.length) return name;
  }
  return null;
}

/** Migration folders of this checkout, in order. */
export async function checkoutMigrations(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Restores a backup into an empty database (migrated here, by `migrate`, to the migrations the
 * backup names — which must be this checkout's) and an empty upload folder (null when files are
 * kept in S3-compatible storage: a backup that holds files is then refused, having nowhere to put
 * them). Every table and file is checked against the manifest's checksums before anything is
 * written, and the row counts after. The load is one transaction: a failure leaves the database as
 * empty as it was.
 */
export async function restore(
  url: string,
  uploadDir: string | null,
  file: string,
  { migrations, migrate }: { migrations: string[]; migrate: (url: string) => Promise<void> },
): Promise<Manifest> {
  const manifest = await readManifest(file);
  if (manifest.migrations.join("\n") !== migrations.join("\n")) {
    const taken = manifest.migrations.at(-1) ?? "none";
    throw new Error(
      `This backup was taken at migration ${taken}; this checkout is at ${migrations.at(-1) ?? "none"}. Restore it with the version of Pathways that made it, then upgrade.`,
    );
  }
  checkManifest(manifest);
  if (!uploadDir && manifest.files.length)
    throw new Error(
      `This backup holds ${manifest.files.length} uploaded files and files are kept in S3 storage here: restore with STORAGE=local into an empty UPLOAD_DIR, then copy that folder's files into the bucket under the same names.`,
    );
  if (uploadDir && (await filesUnder(uploadDir)).length)
    throw new Error(`The upload folder ${uploadDir} is not empty: restore into an empty one.`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const work = await mkdtemp(path.join(os.tmpdir(), "pathways-restore-"));
  try {
    const full = await client
      .query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'`)
      .then((r) => r.rows.length > 0);
    if (full) {
      const table = await holdsData(client);
      if (table) throw new Error(`The database already holds data (table ${table}): restore into an empty database.`);
    }
    await migrate(url);

    // Unpacked and checked first: a damaged or altered backup changes nothing.
    // Only plain files and folders come out: a link in a crafted archive could point anywhere.
    await tar.extract({
      file,
      cwd: work,
      strict: true,
      filter: (_path, entry) => "type" in entry && (entry.type === "File" || entry.type === "Directory"),
    });
    for (const t of manifest.tables) {
      const { sha256 } = await sha256Of(path.join(work, "db", `${t.name}.copy`));
      if (sha256 !== t.sha256) throw new Error(`The backup's table ${t.name} does not match its checksum: the file is damaged.`);
    }
    for (const f of manifest.files) {
      const { sha256 } = await sha256Of(path.join(work, "uploads", f.path));
      if (sha256 !== f.sha256) throw new Error(`The backup's file ${f.path} does not match its checksum: the file is damaged.`);
    }

    const present = new Set(await tablesOf(client));
    const missing = manifest.tables.find((t) => !present.has(t.name));
    if (missing) throw new Error(`The backup has a table this database lacks: ${missing.name}.`);
    // Every table is emptied below: one the backup does not name would silently stay empty.
    const named = new Set(manifest.tables.map((t) => t.name));
    const unnamed = [...present].find((t) => !named.has(t));
    if (unnamed) throw new Error(`The backup has no data for table ${unnamed}: it is incomplete.`);
    await client.query("BEGIN");
    // Rows go in as they were, in any order: foreign keys and triggers (append-only rules, a new
    // district's default scale) are for the app's writes, not for putting back what they allowed.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`TRUNCATE ${[...present].map(quote).join(", ")}`);
    for (const t of manifest.tables) {
      await pipeline(createReadStream(path.join(work, "db", `${t.name}.copy`)), client.query(copyFrom(`COPY ${quote(t.name)} FROM STDIN`)));
    }
    // Sequences continue after the highest value restored.
    const { rows: serials } = await client.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(s.column)}) FROM ${quote(s.table)}), 1), (SELECT count(*) > 0 FROM ${quote(s.table)}))`,
        [quote(s.table), s.column],
      );
    }
    for (const t of manifest.tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(t.name)}`);
      if (Number(rows[0]?.n) !== t.rows) throw new Error(`Table ${t.name} has ${rows[0]?.n} rows after restoring, not ${t.rows}.`);
    }
    await client.query("COMMIT");

    for (const f of uploadDir ? manifest.files : []) {
      const target = path.join(uploadDir ?? "", f.path);
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(createReadStream(path.join(work, "uploads", f.path)), createWriteStream(target, { flags: "wx", mode: 0o600 }));
    }
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await rm(work, { recursive: true, force: true });
  }
}
