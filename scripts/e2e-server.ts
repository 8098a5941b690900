// The server the browser tests run against: a throwaway database seeded with the demo
// school, a throwaway upload folder, and the production build.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appEnv, ensureBuild, log, prepareDatabase, serveNext } from "./lib/app";
import { e2eEnvFile, startE2eMail } from "./lib/e2e-mail";
import { startThrowaway } from "./lib/postgres";
import { startTestIdp } from "./lib/test-idp";
import { IDP_ACCOUNTS, IDP_NAME, IDP_PORT } from "../e2e/sso-accounts";
import { env as readEnv } from "../lib/env";

const port = readEnv().E2E_PORT;
const database = await startThrowaway("e2e");
const uploads = await mkdtemp(path.join(os.tmpdir(), "pathways-e2e-uploads-"));
// Mail the app sends lands in a capture SMTP server whose folder the browser tests read.
let mail: Awaited<ReturnType<typeof startE2eMail>> | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await database.stop().catch(() => undefined);
  await mail?.stop().catch(() => undefined);
  await rm(uploads, { recursive: true, force: true });
  await rm(e2eEnvFile(), { force: true });
  process.exit(code);
}
try {
  await prepareDatabase(database.url);
  mail = await startE2eMail();
  // Single sign-on journeys go through a real OpenID Connect provider on this machine.
  const idp = await startTestIdp({
    port: IDP_PORT,
    clientId: "pathways-e2e",
    clientSecret: "e2e-only-client-secret",
    redirectUris: [`http://localhost:${port}/api/auth/callback/oidc`],
    accounts: IDP_ACCOUNTS,
  });
  const env = appEnv({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: "pathways-e2e",
    OIDC_CLIENT_SECRET: "e2e-only-client-secret",
    OIDC_NAME: IDP_NAME,
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-only-secret-not-for-production-use",
    // Next.js calls every loopback address "localhost" in request URLs, so the app's
    // public address is that name (the browser tests use it too).
    APP_URL: `http://localhost:${port}`,
    AUTH_URL: `http://localhost:${port}`,
    UPLOAD_DIR: uploads,
    SMTP_URL: mail.url,
    NODE_ENV: "production",
  });
  // What a browser test needs to run a command-line tool against this app (npm run digests).
  const tool = { DATABASE_URL: env.DATABASE_URL, SMTP_URL: env.SMTP_URL, APP_URL: env.APP_URL, AUTH_SECRET: env.AUTH_SECRET };
  await writeFile(e2eEnvFile(), JSON.stringify(tool), { mode: 0o600 });
  await ensureBuild(env);
  log(`Serving the e2e app on port ${port}`);
  const server = serveNext("start", port, env);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => void stop(code ?? 0));
} catch (error) {
  console.error(error);
  await stop(1);
}
