// Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…): what several app servers
// share. Objects are private; they are only ever read here, by the access-checked download routes,
// and streamed on, so no one is handed a URL to the bucket.
import "server-only";
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { StorageSettings } from "@/lib/env";
import { checkedKey, StoredFileMissing, type FileStore } from "./store";

export type S3Settings = Extract<StorageSettings, { kind: "s3" }>;

function clientFor(s: S3Settings) {
  return new S3Client({
    region: s.region,
    endpoint: s.endpoint,
    forcePathStyle: s.forcePathStyle,
    credentials: s.credentials,
    // Checksums only where S3 requires them: some S3-compatible stores reject the SDK's newer
    // default (CRC32 on every PUT); TLS already guards the bytes in transit.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A store that stops answering fails the request instead of holding it (and a socket) forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

const isMissing = (error: unknown) => error instanceof Error && error.name === "NoSuchKey";

/** The body's chunks, none larger than `size`; the connection is let go however the reader stops. */
async function* inChunks(body: Readable, size: number): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      for (let at = 0; at < chunk.byteLength; at += size) yield chunk.subarray(at, at + size);
    }
  } finally {
    body.destroy();
  }
}

export function s3Store(settings: S3Settings, client = clientFor(settings)): FileStore {
  const Bucket = settings.bucket;
  async function get(key: string) {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
      if (!(Body instanceof Readable)) throw new Error("The S3 client returned no Node stream");
      return Body;
    } catch (error) {
      if (isMissing(error)) throw new StoredFileMissing(key);
      throw error;
    }
  }
  return {
    async put(key, bytes) {
      // No If-None-Match: not every S3-compatible store honours it (s3rver, which the tests run,
      // ignores it), and the key is a fresh random UUID, so there is nothing to overwrite.
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: checkedKey(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: "application/octet-stream",
        }),
      );
    },
    async read(key) {
      const body = await get(key);
      const chunks: Buffer[] = [];
      for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    async open(key, chunkBytes) {
      return inChunks(await get(key), chunkBytes);
    },
    async remove(key) {
      // S3 answers 204 whether or not the object was there, like `rm -f`.
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkedKey(key) }));
    },
  };
}
