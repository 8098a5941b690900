// `npx tsx --conditions=react-server scripts/xapi-tool.ts create [--name <name>] [--school <id or name>]`:
// connects a tool to a school and prints its key and secret (the secret only this once), for a
// conformance run or a tool set up from the command line. Without --school, the first school by
// name. Uses DATABASE_URL, or the embedded database under .data/ like `npm start`, migrated first.
import path from "node:path";
import { parseArgs } from "node:util";
import { root } from "./lib/app";
import { runPrisma } from "./lib/prisma-cli";
import { startEmbedded, type Database } from "./lib/postgres";
import { env as readEnv } from "../lib/env";

const USAGE = `Usage: npx tsx --conditions=react-server scripts/xapi-tool.ts create [--name <tool name>] [--school <id or name>]

Creates a connected tool for the school and prints its key and secret. The secret is shown only
this once: Pathways keeps only its hash.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string", default: "Command-line tool" },
    school: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help || positionals[0] !== "create") {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const settings = readEnv();
let database: Database | null = null;
let exitCode = 0;
try {
  let url = settings.DATABASE_URL;
  if (!url) {
    database = await startEmbedded(path.join(root, ".data", "postgres"), settings.PATHWAYS_PG_PORT, "pathways");
    url = database.url;
  }
  process.env.DATABASE_URL = url;
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true);
  const { db } = await import("../lib/db");
  const { hashSecret, newKey, newSecret } = await import("../lib/xapi/auth");
  const { appUrl } = await import("../lib/env");
  try {
    const wanted = values.school?.trim().toLowerCase();
    const schools = await db.organization.findMany({
      where: { type: "SCHOOL" },
      select: { id: true, name: true, districtId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const school = wanted ? schools.find((s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted) : schools[0];
    if (!school)
      throw new Error(
        wanted ? `No school is "${values.school}".` : "There is no school yet: start the app once (it seeds the demo) or import a roster.",
      );
    const secret = newSecret();
    const tool = await db.$transaction(async (tx) => {
      const created = await tx.xapiTool.create({
        data: {
          name: values.name,
          schoolId: school.id,
          districtId: school.districtId,
          key: newKey(),
          secretHash: await hashSecret(secret),
        },
        select: { id: true, key: true },
      });
      await tx.auditEvent.create({
        data: {
          organizationId: school.id,
          actorId: null,
          action: "xapi.tool.create",
          entityType: "XapiTool",
          entityId: created.id,
          detail: { name: values.name, via: "scripts/xapi-tool.ts" },
        },
      });
      return created;
    });
    console.log(`Connected "${values.name}" to ${school.name}.`);
    console.log(`endpoint: ${new URL("/api/xapi/", appUrl()).toString()}`);
    console.log(`key: ${tool.key}`);
    console.log(`secret: ${secret}`);
    console.log("Copy the secret now: it is not shown again.");
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database?.stop();
}
process.exit(exitCode);
