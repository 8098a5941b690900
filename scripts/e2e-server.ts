// The server the browser tests run against: a throwaway database seeded with the demo
// school, a throwaway upload folder, and the production build.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appEnv, ensureBuild, log, prepareDatabase, serveNext } from "./lib/app";
import { startThrowaway } from "./lib/postgres";
import { env as readEnv } from "../lib/env";

const port = readEnv().E2E_PORT;
const database = await startThrowaway("e2e");
const uploads = await mkdtemp(path.join(os.tmpdir(), "pathways-e2e-uploads-"));
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await database.stop().catch(() => undefined);
  await rm(uploads, { recursive: true, force: true });
  process.exit(code);
}
try {
  await prepareDatabase(database.url);
  const env = appEnv({
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-only-secret-not-for-production-use",
    UPLOAD_DIR: uploads,
    NODE_ENV: "production",
  });
  await ensureBuild(env);
  log(`Serving the e2e app on port ${port}`);
  const server = serveNext("start", port, env);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => void stop(code ?? 0));
} catch (error) {
  console.error(error);
  await stop(1);
}
