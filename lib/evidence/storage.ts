// Evidence files, kept in the store the environment names (lib/storage: a local folder, or an
// S3-compatible bucket shared by every app server). Never served by anything on its own: they are
// only ever read through the access-checked download routes.
import "server-only";
import { randomUUID } from "node:crypto";
import { fileStore } from "@/lib/storage";
import { extensionOf } from "./files";

export async function storeFile(name: string, bytes: Uint8Array): Promise<string> {
  const key = `${randomUUID()}${extensionOf(name)}`;
  await fileStore().put(key, bytes);
  return key;
}

/** The whole file; a missing one rejects with `code: "ENOENT"`, whichever the store. */
export async function readStoredFile(storageKey: string): Promise<Buffer> {
  return fileStore().read(storageKey);
}

/**
 * The stored file read a chunk at a time (the export streams gigabytes this way). Opened before it
 * returns, so a missing file throws here (ENOENT) rather than half-way through the stream.
 */
export async function openStoredFile(storageKey: string, chunkBytes = 256 * 1024): Promise<AsyncIterable<Uint8Array>> {
  return fileStore().open(storageKey, chunkBytes);
}

export async function removeStoredFile(storageKey: string) {
  await fileStore().remove(storageKey);
}
