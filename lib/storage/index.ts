// The store the environment names (lib/env.ts storageSettings): read on each use, so tests and
// scripts that set variables late are seen. One S3 client per configuration per process: it only
// pools connections, it holds nothing another server needs.
import "server-only";
import { storageSettings } from "@/lib/env";
import { localStore } from "./local";
import { s3Store } from "./s3";
import type { FileStore } from "./store";

export type { FileStore } from "./store";

let cached: { settings: string; store: FileStore } | undefined;

export function fileStore(): FileStore {
  const settings = storageSettings();
  if (settings.kind === "local") return localStore(settings.dir);
  const id = JSON.stringify(settings);
  if (cached?.settings !== id) cached = { settings: id, store: s3Store(settings) };
  return cached.store;
}
