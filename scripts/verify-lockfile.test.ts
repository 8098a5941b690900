import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyLockfile, type Lockfile, type Platform } from "./verify-lockfile";

const linux: Platform = { os: "linux", cpu: "x64", libc: "glibc" };

const lock: Lockfile = {
  lockfileVersion: 3,
  packages: {
    "": { version: "0.1.0" },
    "node_modules/left-pad": { version: "1.3.0" },
    "node_modules/@scope/tool": { version: "2.0.0" },
    "node_modules/@scope/tool/node_modules/left-pad": { version: "1.1.0" },
    "node_modules/@bin/linux-x64": { version: "5.0.0", optional: true, os: ["linux"], cpu: ["x64"] },
    "node_modules/@bin/darwin-arm64": { version: "5.0.0", optional: true, os: ["darwin"], cpu: ["arm64"] },
    "node_modules/@bin/linux-x64-musl": { version: "5.0.0", optional: true, os: ["linux"], cpu: ["x64"], libc: ["musl"] },
  },
};

let root: string;

async function install(key: string, version: string) {
  await mkdir(path.join(root, key), { recursive: true });
  await writeFile(path.join(root, key, "package.json"), JSON.stringify({ name: key.split("node_modules/").pop(), version }));
}

/** The tree `npm install` makes from `lock` on linux-x64 with glibc. */
async function installLocked() {
  await install("node_modules/left-pad", "1.3.0");
  await install("node_modules/@scope/tool", "2.0.0");
  await install("node_modules/@scope/tool/node_modules/left-pad", "1.1.0");
  await install("node_modules/@bin/linux-x64", "5.0.0");
  await mkdir(path.join(root, "node_modules", ".bin"), { recursive: true });
  await writeFile(path.join(root, "node_modules", ".package-lock.json"), "{}");
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "pathways-verify-lockfile-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("verifyLockfile", () => {
  it("passes the tree the lockfile describes, other platforms' optional packages absent", async () => {
    await installLocked();
    expect(await verifyLockfile(lock, root, linux)).toEqual({ problems: [], checked: 4, absentOptional: 2 });
  });

  it("fails a package installed at another version than locked, also a nested one", async () => {
    await installLocked();
    await install("node_modules/left-pad", "1.3.1");
    await install("node_modules/@scope/tool/node_modules/left-pad", "1.3.0");
    expect((await verifyLockfile(lock, root, linux)).problems).toEqual([
      "node_modules/left-pad: installed 1.3.1, locked 1.3.0",
      "node_modules/@scope/tool/node_modules/left-pad: installed 1.3.0, locked 1.1.0",
    ]);
  });

  it("fails a missing package that is not optional", async () => {
    await installLocked();
    await rm(path.join(root, "node_modules", "@scope", "tool", "node_modules"), { recursive: true });
    expect((await verifyLockfile(lock, root, linux)).problems).toEqual([
      "node_modules/@scope/tool/node_modules/left-pad: locked at 1.1.0 but not installed",
    ]);
  });

  it("fails a package the lockfile does not list, at the top or nested", async () => {
    await installLocked();
    await install("node_modules/is-odd", "3.0.1");
    await install("node_modules/left-pad/node_modules/is-even", "1.0.0");
    expect((await verifyLockfile(lock, root, linux)).problems).toEqual([
      "node_modules/is-odd: installed 3.0.1 but not in the lockfile",
      "node_modules/left-pad/node_modules/is-even: installed 1.0.0 but not in the lockfile",
    ]);
  });

  it("passes when only optional packages for other platforms are missing, and on the other platform too", async () => {
    await installLocked();
    await rm(path.join(root, "node_modules", "@bin"), { recursive: true });
    const onLinux = await verifyLockfile(lock, root, linux);
    expect(onLinux.problems).toEqual([]);
    expect(onLinux.absentOptional).toBe(3);
    const onMac = await verifyLockfile(lock, root, { os: "darwin", cpu: "arm64", libc: null });
    expect(onMac.problems).toEqual([]);
  });

  it("fails a missing required package even when an optional sibling for another platform is absent too", async () => {
    await installLocked();
    await rm(path.join(root, "node_modules", "left-pad"), { recursive: true });
    expect((await verifyLockfile(lock, root, linux)).problems).toEqual(["node_modules/left-pad: locked at 1.3.0 but not installed"]);
  });
});
