// Checks that node_modules is exactly the tree a package-lock.json describes: every locked
// package that is installed has the locked version, every locked package that is missing is
// optional or for another platform, and nothing is installed that the lockfile does not list.
// CI runs it after falling back from `npm ci` to `npm install` (.ci/run).
//
//   tsx scripts/verify-lockfile.ts [lockfile (default: package-lock.json)] [project folder (default: the lockfile's)]
import { existsSync } from "node:fs";
import { lstat, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

type LockEntry = {
  version?: string;
  link?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
};
export type Lockfile = { lockfileVersion?: number; packages?: Record<string, LockEntry> };
export type Platform = { os: string; cpu: string; libc: string | null };
export type Verdict = { problems: string[]; checked: number; absentOptional: number };

export function currentPlatform(): Platform {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  const libc = process.platform === "linux" ? (header?.glibcVersionRuntime ? "glibc" : "musl") : null;
  return { os: process.platform, cpu: process.arch, libc };
}

/** npm's rule for `os`/`cpu`/`libc` lists: "!x" excludes x; other entries are the only ones allowed. */
function allows(list: string[] | undefined, value: string | null): boolean {
  if (!list || list.length === 0 || value === null) return true;
  if (list.includes(`!${value}`)) return false;
  const allowed = list.filter((v) => !v.startsWith("!"));
  return allowed.length === 0 || allowed.includes(value);
}

export function forThisPlatform(entry: LockEntry, platform: Platform): boolean {
  return allows(entry.os, platform.os) && allows(entry.cpu, platform.cpu) && allows(entry.libc, platform.libc);
}

type Installed = { version?: string; link: boolean };

/** Every package folder under `dir` (nested node_modules too), keyed like the lockfile's `packages`. */
async function installedPackages(root: string, dir = "node_modules", found = new Map<string, Installed>()) {
  const entries = await readdir(path.join(root, dir)).catch(() => [] as string[]);
  for (const name of entries) {
    if (name.startsWith(".")) continue; // .bin, .package-lock.json, .cache, …
    if (name.startsWith("@")) {
      for (const scoped of await readdir(path.join(root, dir, name)).catch(() => [] as string[])) {
        if (!scoped.startsWith(".")) await addPackage(root, `${dir}/${name}/${scoped}`, found);
      }
    } else {
      await addPackage(root, `${dir}/${name}`, found);
    }
  }
  return found;
}

async function addPackage(root: string, key: string, found: Map<string, Installed>) {
  const info = await lstat(path.join(root, key));
  if (info.isSymbolicLink()) {
    found.set(key, { link: true });
    return;
  }
  if (!info.isDirectory()) return;
  const manifest = await readFile(path.join(root, key, "package.json"), "utf8").catch(() => null);
  const version = manifest ? (JSON.parse(manifest) as { version?: string }).version : undefined;
  found.set(key, { version, link: false });
  await installedPackages(root, `${key}/node_modules`, found);
}

/** Compares the tree installed under `root`/node_modules with `lock`. */
export async function verifyLockfile(lock: Lockfile, root: string, platform = currentPlatform()): Promise<Verdict> {
  if (!lock.packages) throw new Error("The lockfile has no `packages` section (lockfileVersion 2 or 3 is needed).");
  const locked = Object.entries(lock.packages).filter(([key]) => key.startsWith("node_modules/"));
  const installed = await installedPackages(root);
  const problems: string[] = [];
  let absentOptional = 0;
  for (const [key, entry] of locked) {
    const found = installed.get(key);
    if (!found) {
      if (entry.optional || entry.devOptional || !forThisPlatform(entry, platform)) absentOptional++;
      else problems.push(`${key}: locked at ${entry.version ?? "a link"} but not installed`);
    } else if (entry.link) {
      if (!found.link) problems.push(`${key}: locked as a link but installed as a folder`);
    } else if (found.link) {
      problems.push(`${key}: locked at ${entry.version} but installed as a link`);
    } else if (found.version !== entry.version) {
      problems.push(`${key}: installed ${found.version ?? "(no version)"}, locked ${entry.version}`);
    }
  }
  const lockedKeys = new Set(locked.map(([key]) => key));
  for (const [key, found] of installed) {
    if (!lockedKeys.has(key))
      problems.push(`${key}: installed ${found.link ? "as a link" : (found.version ?? "(no version)")} but not in the lockfile`);
  }
  return { problems, checked: locked.length - absentOptional, absentOptional };
}

async function main() {
  const lockPath = path.resolve(process.argv[2] ?? "package-lock.json");
  const root = path.resolve(process.argv[3] ?? path.dirname(lockPath));
  if (!existsSync(path.join(root, "node_modules"))) throw new Error(`No node_modules in ${root}`);
  const lock = JSON.parse(await readFile(lockPath, "utf8")) as Lockfile;
  const { problems, checked, absentOptional } = await verifyLockfile(lock, root);
  if (problems.length > 0) {
    console.error(`node_modules in ${root} does not match ${lockPath} (${problems.length} problem${problems.length === 1 ? "" : "s"}):`);
    for (const problem of problems.sort()) console.error(`  ${problem}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `node_modules matches ${path.basename(lockPath)}: ${checked} packages at their locked versions, ${absentOptional} optional or other-platform packages absent, nothing extra.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
