// A real S3-compatible server for the tests (s3rver): on a free port, over a temporary folder,
// with one empty bucket. Used by the storage contract test and the two-server browser test.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type TestS3 = {
  /** The settings the app reads (lib/env.ts), pointing at this server. */
  env: Record<
    "STORAGE" | "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY" | "S3_FORCE_PATH_STYLE",
    string
  >;
  settings: {
    kind: "s3";
    bucket: string;
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle: true;
  };
  stop(): Promise<void>;
};

// s3rver's one built-in account.
const KEY = "S3RVER";

export async function startTestS3(bucket = "pathways-test"): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "pathways-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    env: {
      STORAGE: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: KEY,
      S3_SECRET_ACCESS_KEY: KEY,
      S3_FORCE_PATH_STYLE: "true",
    },
    settings: {
      kind: "s3",
      bucket,
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: KEY, secretAccessKey: KEY },
      forcePathStyle: true,
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
