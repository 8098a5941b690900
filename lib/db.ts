// The one Prisma client. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";

function createClient() {
  return new PrismaClient({
    // Unset during `next build`, which imports this without a database; pg connects lazily.
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL }),
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { pathwaysDb?: Db };

export const db: Db = globalForDb.pathwaysDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.pathwaysDb = db;
