// The one Prisma client. Password hashes are omitted from every query unless a
// caller asks for them explicitly (only sign-in does).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client.ts";
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

/**
 * `= ANY(…)` over a list of ids in plain SQL, sent as one text parameter that Postgres splits: the
 * query compiler works through an array parameter value by value (477 ids: 1.2 ms of CPU per
 * statement; as one string 0.5 ms, issue 12), and Postgres plans both alike. Our ids (cuids, the
 * seeds' and rosters' ids as stored) have no comma; a list with one goes as an array after all.
 */
export function anyOf(ids: readonly string[]): Prisma.Sql {
  return ids.some((id) => id.includes(","))
    ? Prisma.sql`ANY(${[...ids]}::text[])`
    : Prisma.sql`ANY(string_to_array(${ids.join(",")}, ','))`;
}
