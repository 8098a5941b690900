// One throwaway Postgres database for the whole Vitest run, migrated like production.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startThrowaway } from "../scripts/lib/postgres";
import { runPrisma } from "../scripts/lib/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    uploadDir: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await startThrowaway("unit");
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: database.url }, true);
  project.provide("databaseUrl", database.url);
  project.provide("uploadDir", await mkdtemp(path.join(os.tmpdir(), "pathways-uploads-")));
  return async () => {
    await database.stop();
  };
}
