// One contract, two backends: the local folder and S3 — a real S3-compatible server (s3rver) on a
// free port. Then the store the environment picks, through lib/evidence/storage as the app uses it.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readStoredFile, removeStoredFile, storeFile } from "@/lib/evidence/storage";
import { env } from "@/lib/env";
import { startTestS3, type TestS3 } from "@/test/s3-server";
import { localStore } from "./local";
import { s3Store } from "./s3";
import type { FileStore } from "./store";

let s3: TestS3;
let folder: string;
beforeAll(async () => {
  s3 = await startTestS3();
  folder = await mkdtemp(path.join(os.tmpdir(), "pathways-store-"));
});
afterAll(async () => {
  await s3?.stop();
  await rm(folder, { recursive: true, force: true });
});

const newKey = (ext = "bin") => `${randomUUID()}.${ext}`;

async function chunksOf(stream: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

// Two instances of each backend over the same place: what two app servers are.
const backends: { name: string; make: () => FileStore }[] = [
  { name: "local folder", make: () => localStore(folder) },
  { name: "S3-compatible bucket", make: () => s3Store(s3.settings) },
];

describe.each(backends)("the $name", ({ make }) => {
  it("gives back every byte it stored, to another instance over the same place too", async () => {
    const [one, two] = [make(), make()];
    const bytes = new Uint8Array(randomBytes(3000));
    const key = newKey("png");
    await one.put(key, bytes);
    expect(Buffer.compare(await one.read(key), bytes)).toBe(0);
    expect(Buffer.compare(await two.read(key), bytes)).toBe(0);
  });

  it("streams a file a chunk at a time, no chunk larger than asked", async () => {
    const store = make();
    const bytes = new Uint8Array(randomBytes(700 * 1024));
    const key = newKey("pdf");
    await store.put(key, bytes);
    const chunks = await chunksOf(await store.open(key, 64 * 1024));
    expect(chunks.length).toBeGreaterThanOrEqual(11);
    expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.compare(Buffer.concat(chunks), bytes)).toBe(0);
  });

  it("lets a reader stop early and is usable afterwards", async () => {
    const store = make();
    const key = newKey("pdf");
    await store.put(key, new Uint8Array(randomBytes(300 * 1024)));
    for (let i = 0; i < 3; i++) {
      for await (const chunk of await store.open(key, 16 * 1024)) {
        expect(chunk.byteLength).toBeGreaterThan(0);
        break;
      }
    }
    expect((await store.read(key)).byteLength).toBe(300 * 1024);
  });

  it("keeps an empty file", async () => {
    const store = make();
    const key = newKey("txt");
    await store.put(key, new Uint8Array());
    expect((await store.read(key)).byteLength).toBe(0);
    expect(await chunksOf(await store.open(key, 1024))).toEqual([]);
  });

  it("removes a file for every instance; removing it again is no error", async () => {
    const [one, two] = [make(), make()];
    const key = newKey("jpg");
    await one.put(key, new Uint8Array([1, 2, 3]));
    await two.remove(key);
    await expect(one.read(key)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(two.remove(key)).resolves.toBeUndefined();
  });

  it("reports a missing file as ENOENT, on open before any chunk is read", async () => {
    const store = make();
    const key = newKey("pdf");
    await expect(store.read(key)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(store.open(key, 1024)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses keys the app did not generate, before touching the store", async () => {
    const store = make();
    for (const key of ["../escape.png", `${randomUUID()}`, `${randomUUID()}.png/../x`, `sub/${randomUUID()}.png`]) {
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow("Invalid storage key");
      await expect(store.read(key)).rejects.toThrow("Invalid storage key");
      await expect(store.open(key, 1024)).rejects.toThrow("Invalid storage key");
      await expect(store.remove(key)).rejects.toThrow("Invalid storage key");
    }
  });
});

describe("the store the environment names", () => {
  const names = [
    "STORAGE",
    "S3_BUCKET",
    "S3_ENDPOINT",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_FORCE_PATH_STYLE",
    "UPLOAD_DIR",
  ];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  afterEach(() => {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  });

  async function inBucket(key: string): Promise<Buffer | null> {
    const { settings } = s3;
    const client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: true,
      credentials: settings.credentials,
    });
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }));
      return Buffer.from((await Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if (error instanceof Error && error.name === "NoSuchKey") return null;
      throw error;
    } finally {
      client.destroy();
    }
  }

  it("is the upload folder by default", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pathways-uploads-"));
    process.env.UPLOAD_DIR = dir;
    const key = await storeFile("notes.txt", new TextEncoder().encode("on disk"));
    expect(await readdir(dir)).toEqual([key]);
    expect(await inBucket(key)).toBeNull();
    await rm(dir, { recursive: true, force: true });
  });

  it("is the bucket with STORAGE=s3 (or S3_BUCKET alone), and nothing lands in the upload folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pathways-uploads-"));
    process.env.UPLOAD_DIR = dir;
    for (const only of [false, true]) {
      Object.assign(process.env, s3.env);
      if (only) delete process.env.STORAGE;
      const key = await storeFile("Photo.PNG", new TextEncoder().encode("in the bucket"));
      expect(key).toMatch(/\.png$/);
      expect((await inBucket(key))?.toString()).toBe("in the bucket");
      expect((await readStoredFile(key)).toString()).toBe("in the bucket");
      await removeStoredFile(key);
      expect(await inBucket(key)).toBeNull();
      await expect(readStoredFile(key)).rejects.toMatchObject({ code: "ENOENT" });
    }
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it("is the folder with STORAGE=local, even when a bucket is named", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pathways-uploads-"));
    Object.assign(process.env, s3.env, { STORAGE: "local", UPLOAD_DIR: dir });
    const key = await storeFile("a.pdf", new TextEncoder().encode("%PDF"));
    expect(await readdir(dir)).toEqual([key]);
    expect(await inBucket(key)).toBeNull();
    await rm(dir, { recursive: true, force: true });
  });

  it("stops with a message naming what is missing or wrong", () => {
    process.env.STORAGE = "s3";
    delete process.env.S3_BUCKET;
    expect(() => env()).toThrow(/S3_BUCKET: STORAGE=s3 needs S3_BUCKET/);
    Object.assign(process.env, { S3_BUCKET: "b-1", S3_ACCESS_KEY_ID: "key" });
    delete process.env.S3_SECRET_ACCESS_KEY;
    expect(() => env()).toThrow(/S3_SECRET_ACCESS_KEY/);
    Object.assign(process.env, { S3_SECRET_ACCESS_KEY: "secret", S3_ENDPOINT: "ftp://store" });
    expect(() => env()).toThrow(/S3_ENDPOINT must be an http/);
    Object.assign(process.env, { S3_ENDPOINT: "http://store:9000", S3_FORCE_PATH_STYLE: "maybe" });
    expect(() => env()).toThrow(/S3_FORCE_PATH_STYLE/);
    process.env.S3_FORCE_PATH_STYLE = "true";
    expect(env()).toMatchObject({ STORAGE: "s3", S3_BUCKET: "b-1", S3_FORCE_PATH_STYLE: true, S3_REGION: "us-east-1" });
  });
});
