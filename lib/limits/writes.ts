// Write rate limits per writer (a person, or an xAPI tool), kept in Postgres so that every app
// server counts the same writes (docs/decisions/rate-limits-and-idempotency.md). A command takes
// its writes inside its own transaction: a refused write rolls back with it, so it counts nothing
// and writes nothing.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/** How much each kind of write may add per window; the doc says why these numbers. */
export const WRITE_LIMITS = {
  /** Comments, replies, reflections and answers to reflections: people typing. */
  comment: { max: 30, windowSeconds: 10 * 60 },
  /** Files uploaded (evidence and learning records), counted per file. */
  upload: { max: 60, windowSeconds: 60 * 60 },
  /** xAPI statements stored, per tool. */
  statement: { max: 20_000, windowSeconds: 60 },
} as const satisfies Record<string, { max: number; windowSeconds: number }>;

export type WriteBucket = keyof typeof WRITE_LIMITS;

export const WRITE_LIMITED_MESSAGE = "You've added a lot in a short time. Wait a few minutes and try again.";

/** Counters of windows older than this are of no use to any bucket. */
const KEEP_SECONDS = 24 * 60 * 60;
/** The share of writes that also sweep old windows: no job to run, and the table stays small. */
const SWEEP_CHANCE = 0.01;

/** The writer has used up the bucket's window; `retryAfterSeconds` is when the next window opens. */
export class WriteRateLimitedError extends RateLimitedError {
  constructor(
    readonly bucket: WriteBucket,
    readonly retryAfterSeconds: number,
  ) {
    super(WRITE_LIMITED_MESSAGE);
  }
}

/**
 * Counts `n` writes of `bucket` for `writerId` in the current fixed window, in one statement, and
 * throws WriteRateLimitedError when that takes the window past its limit (the caller's transaction
 * then rolls the count back). The window comes from the database's clock, the same for every app
 * server. The counter row stays locked until the transaction ends: call this late in a long one.
 */
export async function takeWrite(tx: Tx, writerId: string, bucket: WriteBucket, n = 1): Promise<void> {
  if (n <= 0) return;
  const { max, windowSeconds } = WRITE_LIMITS[bucket];
  const [row] = await tx.$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "WriteRateCounter" ("writerId", bucket, "windowStart", count)
    VALUES (${writerId}, ${bucket}, ${windowStartSql(windowSeconds)}, ${n}::int)
    ON CONFLICT ("writerId", bucket, "windowStart") DO UPDATE SET count = "WriteRateCounter".count + EXCLUDED.count
    RETURNING count, ${retryAfterSql(windowSeconds)} AS "retryAfter"`;
  if (Math.random() < SWEEP_CHANCE) void sweepWriteCounters().catch((error: unknown) => console.error("[limits] sweep failed", error));
  if (!row) throw new Error("The write counter returned no row.");
  if (row.count > max) throw new WriteRateLimitedError(bucket, row.retryAfter);
}

/**
 * Refuses before any work when the window is already too full for `n` more (no lock, no count):
 * uploads are checked before their files are stored, and a flood of statements is answered
 * without validating them. `takeWrite` in the transaction still decides.
 */
export async function refuseWhenSpent(writerId: string, bucket: WriteBucket, n = 1): Promise<void> {
  if (n <= 0) return;
  const { max, windowSeconds } = WRITE_LIMITS[bucket];
  const [row] = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    SELECT count, ${retryAfterSql(windowSeconds)} AS "retryAfter" FROM "WriteRateCounter"
    WHERE "writerId" = ${writerId} AND bucket = ${bucket} AND "windowStart" = ${windowStartSql(windowSeconds)}`;
  if (row && row.count + n > max) throw new WriteRateLimitedError(bucket, row.retryAfter);
}

/** Drops counters of windows that ended long ago. */
export async function sweepWriteCounters(): Promise<number> {
  return db.$executeRaw`DELETE FROM "WriteRateCounter" WHERE "windowStart" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${KEEP_SECONDS}::int)`;
}

// The window's start in the column's type (timestamp in UTC), from the transaction's clock.
const windowStartSql = (seconds: number) =>
  Prisma.sql`(to_timestamp(floor(extract(epoch FROM now()) / ${seconds}::int) * ${seconds}::int) AT TIME ZONE 'UTC')`;

// Whole seconds until the current window ends (at least 1).
const retryAfterSql = (seconds: number) =>
  Prisma.sql`greatest(1, ceil(${seconds}::int - mod(extract(epoch FROM now()), ${seconds}::int)))::int`;
