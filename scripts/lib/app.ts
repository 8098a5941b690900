// Shared steps of `npm start`, `npm run dev` and the end-to-end test server.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SeedSummary } from "../../prisma/seed/demo";
import { runPrisma } from "./prisma-cli";

export const root = path.resolve(import.meta.dirname, "../..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export function log(message: string) {
  console.log(`\x1b[36m[pathways]\x1b[0m ${message}`);
}

/** Applies migrations and, when the database has no organization yet, seeds the demo district. */
export async function prepareDatabase(url: string): Promise<SeedSummary | null> {
  process.env.DATABASE_URL = url;
  log("Applying database migrations…");
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true);
  const { db } = await import("../../lib/db");
  try {
    if ((await db.organization.count()) > 0) {
      // Drafts deleted more than 30 days ago are gone for good (their undo window is over).
      const { purgeDeletedPlans } = await import("../../lib/plans/trash");
      const purged = await purgeDeletedPlans();
      if (purged > 0) log(`Removed ${purged} draft${purged === 1 ? "" : "s"} deleted more than 30 days ago.`);
      await fillStoredMastery(db);
      return null;
    }
    log("Seeding the demo district (first run only)…");
    const { seedDemoSchool } = await import("../../prisma/seed/demo");
    return await seedDemoSchool(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Right after the upgrade that introduced stored mastery, nothing is stored yet: levels would read
 * "Not rated yet" until the background worker caught up (or forever, if it cannot start). So the
 * first start computes them before serving. Later policy changes recompute in the background.
 */
async function fillStoredMastery(db: typeof import("../../lib/db").db) {
  const [stored, rated] = await Promise.all([db.goalMastery.count(), db.rating.count()]);
  if (stored > 0 || rated === 0) return;
  const { runPolicyRecompute, unfinishedRecomputes } = await import("../../lib/mastery/background");
  log("Computing stored mastery from the ratings (first start after the upgrade)…");
  for (const id of await unfinishedRecomputes()) await runPolicyRecompute(id);
}

/** A stable secret for signing sessions, kept under .data/ unless AUTH_SECRET is set. */
export async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

const SOURCES = ["app", "components", "lib", "prisma", "next.config.js", "postcss.config.mjs", "package-lock.json", "package.json"];

async function newestMtime(p: string): Promise<number> {
  const s = await stat(p).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  if (p.endsWith(path.join("lib", "generated"))) return 0;
  const entries = await readdir(p);
  const times = await Promise.all(entries.map((e) => newestMtime(path.join(p, e))));
  return Math.max(s.mtimeMs, ...times);
}

/** Builds the production bundle when there is none or the sources are newer than it. */
export async function ensureBuild(env: NodeJS.ProcessEnv) {
  const stamp = await stat(path.join(root, process.env.PATHWAYS_DIST_DIR || ".next", "BUILD_ID")).catch(() => null);
  const newest = Math.max(...(await Promise.all(SOURCES.map((s) => newestMtime(path.join(root, s))))));
  if (stamp && stamp.mtimeMs >= newest) return;
  log(stamp ? "Sources changed; rebuilding…" : "Building the app (first run takes a minute or two)…");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

export function serveNext(mode: "start" | "dev", port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, mode, "-p", String(port), "-H", env.HOST ?? "127.0.0.1"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
}

export function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}
