// The one Prisma client. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { storableTextExtension } from "@/lib/security/storable-text";

function createClient() {
  const client = new PrismaClient({
    // Unset during `next build`, which imports this without a database; pg connects lazily.
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL }),
    omit: { user: { passwordHash: true } },
  });
  // Every query's values are made storable (no NUL, no lone surrogate): lib/security/storable-text.ts.
  // The extension only rewrites values, never types; keeping the plain client's type keeps tsc fast.
  return client.$extends(storableTextExtension) as unknown as typeof client;
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { pathwaysDb?: Db };

export const db: Db = globalForDb.pathwaysDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.pathwaysDb = db;
