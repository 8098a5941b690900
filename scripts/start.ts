// `npm start` (production build) and `npm run dev` (hot reload): starts the database
// (embedded Postgres under .data/ unless DATABASE_URL is set), migrates, seeds the demo
// school on first run, builds when needed and serves http://localhost:3000.
import path from "node:path";
import { appEnv, authSecret, ensureBuild, log, prepareDatabase, root, serveNext } from "./lib/app";
import { startEmbedded, type Database } from "./lib/postgres";
import { env as readEnv } from "../lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/accounts";

const dev = process.argv.includes("--dev");
const settings = readEnv();
const port = settings.PORT;

let database: Database | null = null;
async function shutdown(code: number) {
  if (database) {
    log("Stopping Postgres…");
    await database.stop().catch(() => undefined);
    database = null;
  }
  process.exit(code);
}

try {
  let url = settings.DATABASE_URL;
  if (!url) {
    log("Starting embedded Postgres (data in .data/postgres)…");
    database = await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
    url = database.url;
  } else {
    log("Using the Postgres server in DATABASE_URL.");
  }
  await prepareDatabase(url);
  // The one address the app trusts for redirects, links in email and form origins.
  const publicUrl = (settings.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
  const env = appEnv({
    DATABASE_URL: url,
    APP_URL: publicUrl,
    AUTH_URL: publicUrl,
    AUTH_SECRET: await authSecret(),
    NODE_ENV: dev ? "development" : "production",
  });
  if (!dev) await ensureBuild(env);

  const server = serveNext(dev ? "dev" : "start", port, { ...env, HOST: settings.HOST ?? "0.0.0.0" });
  setTimeout(() => {
    const line = (role: string, a: { email: string; name: string }) => `  ${role.padEnd(14)} ${a.email.padEnd(34)} (${a.name})`;
    console.log(
      [
        "",
        `Pathways is running at ${publicUrl}`,
        `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
        line("District admin", DEMO_ACCOUNTS.districtAdmin),
        line("School admin", DEMO_ACCOUNTS.admin),
        line("Teacher", DEMO_ACCOUNTS.teacher),
        line("Teacher+parent", DEMO_ACCOUNTS.mathTeacher),
        line("Teacher", DEMO_ACCOUNTS.scienceTeacher),
        line("Student", DEMO_ACCOUNTS.student),
        line("Parent", DEMO_ACCOUNTS.guardian),
        "Press Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
  }, 1500);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.kill(signal);
    });
  }
  server.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error);
  await shutdown(1);
}
