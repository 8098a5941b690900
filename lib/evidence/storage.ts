// Evidence files on disk, outside anything the web server serves by itself: they are
// only ever read through the access-checked download route.
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadDir } from "@/lib/env";
import { extensionOf } from "./files";

function pathOf(storageKey: string) {
  // Keys are generated here; refuse anything that could walk out of the folder.
  if (!/^[a-f0-9-]{36}\.[a-z0-9]{1,5}$/.test(storageKey)) throw new Error("Invalid storage key");
  return path.join(/* turbopackIgnore: true */ uploadDir(), storageKey);
}

export async function storeFile(name: string, bytes: Uint8Array): Promise<string> {
  const key = `${randomUUID()}${extensionOf(name)}`;
  await mkdir(uploadDir(), { recursive: true });
  await writeFile(pathOf(key), bytes, { flag: "wx" });
  return key;
}

export function readStoredFile(storageKey: string) {
  return readFile(/* turbopackIgnore: true */ pathOf(storageKey));
}

/**
 * The stored file read a chunk at a time (the export streams gigabytes this way). Opened before it
 * returns, so a missing file throws here rather than half-way through the stream.
 */
export async function openStoredFile(storageKey: string, chunkBytes = 256 * 1024): Promise<AsyncIterable<Uint8Array>> {
  const handle = await open(/* turbopackIgnore: true */ pathOf(storageKey), "r");
  return handle.createReadStream({ highWaterMark: chunkBytes });
}

export async function removeStoredFile(storageKey: string) {
  await rm(pathOf(storageKey), { force: true });
}
