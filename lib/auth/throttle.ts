// Sign-in throttling, per account and per address, kept in Postgres so that it holds across
// every app server. An attempt is counted as a failure before the password is checked and
// forgiven once it succeeds: parallel guesses cannot slip past the limit between a check and
// a write (docs/decisions/sign-in-throttling.md).
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
// Rows older than this are of no use to the count.
const KEEP_MS = 24 * 60 * 60 * 1000;

export const THROTTLED_MESSAGE = "Too many attempts to sign in. Wait 15 minutes, then try again.";

export type AttemptKeys = { account: string; address: string | null };

function keysOf(attempt: AttemptKeys): string[] {
  // The email as typed (lower-case), whether or not such an account exists: the answer
  // must not tell the two apart.
  const keys = [`account:${attempt.account.trim().toLowerCase()}`];
  if (attempt.address) keys.push(`address:${attempt.address}`);
  return keys;
}

export type Attempt = { allowed: false } | { allowed: true; ids: bigint[] };

/**
 * Opens an attempt: refused when either key has MAX_FAILURES in the window; otherwise the
 * attempt is written as a failure now (under an advisory lock per key, so concurrent
 * attempts count one another) and `succeeded` takes it back.
 */
export async function beginAttempt(attempt: AttemptKeys, now = new Date()): Promise<Attempt> {
  const keys = keysOf(attempt);
  return db.$transaction(async (tx) => {
    for (const key of [...keys].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    const since = new Date(now.getTime() - WINDOW_MS);
    const counts = await tx.signInFailure.groupBy({
      by: ["key"],
      where: { key: { in: keys }, createdAt: { gt: since } },
      _count: { _all: true },
    });
    if (counts.some((c) => c._count._all >= MAX_FAILURES)) return { allowed: false as const };
    const rows = await tx.signInFailure.createManyAndReturn({ data: keys.map((key) => ({ key, createdAt: now })), select: { id: true } });
    return { allowed: true as const, ids: rows.map((r) => r.id) };
  });
}

/** The attempt succeeded: it was not a failure, and the account's earlier failures are forgiven. */
export async function succeeded(attempt: AttemptKeys, opened: { ids: bigint[] }) {
  const [account] = keysOf(attempt);
  await db.signInFailure.deleteMany({ where: { OR: [{ id: { in: opened.ids } }, { key: account }] } });
}

/** Drops rows too old to count (called after failures, so the table stays small). */
export async function pruneFailures(now = new Date()) {
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
}

/**
 * The address a request came from: the right-most X-Forwarded-For entry, the one added by
 * the nearest hop (Next itself, or the proxy in front of it), skipping TRUST_PROXY_HOPS
 * further trusted proxies.
 */
export function clientAddress(forwardedFor: string | null, trustedHops = env().TRUST_PROXY_HOPS): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[entries.length - 1 - trustedHops] ?? entries[0] ?? null;
}
