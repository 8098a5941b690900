// Creates made once per idempotency key: a retry of the same create (the response was lost, the
// button was pressed twice) returns what the first one made instead of making it again.
// docs/decisions/rate-limits-and-idempotency.md
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { ConflictError, InputError } from "@/lib/errors";

/** A key older than this is forgotten: a retry comes within seconds or minutes, not days. */
const KEEP_SECONDS = 24 * 60 * 60;
const SWEEP_CHANCE = 0.01;

export const KEY_REUSED_MESSAGE = "This form was already used for something else. Reload the page and try again.";

export type Once = { id: string; replayed: boolean };

/**
 * Runs `create` inside the caller's transaction unless the actor already made something with
 * this key, and then returns that instead (`replayed`). Without a key it simply creates.
 *
 * The key is claimed first, with INSERT … ON CONFLICT DO NOTHING: a second request with the same
 * key waits on the unique index until the first one's transaction ends. When the first committed,
 * the second claims nothing and reads the first one's result (read committed sees it); when the
 * first rolled back, the second claims the key and creates. So two requests at once make one
 * thing, and neither is refused. A key used for another action is refused (InputError).
 */
export async function once(
  tx: Tx,
  actor: Pick<Actor, "id">,
  key: string | undefined,
  action: string,
  create: () => Promise<{ id: string }>,
): Promise<Once> {
  if (!key) return { id: (await create()).id, replayed: false };
  const claimed = await tx.$executeRaw`
    INSERT INTO "IdempotencyKey" ("userId", key, action, "resultId") VALUES (${actor.id}, ${key}, ${action}, '')
    ON CONFLICT ("userId", key) DO NOTHING`;
  if (Math.random() < SWEEP_CHANCE)
    void sweepIdempotencyKeys().catch((error: unknown) => console.error("[idempotency] sweep failed", error));
  if (claimed === 0) return { id: await storedResult(tx, actor, key, action), replayed: true };
  const made = await create();
  await tx.idempotencyKey.update({ where: { userId_key: { userId: actor.id, key } }, data: { resultId: made.id } });
  return { id: made.id, replayed: false };
}

async function storedResult(tx: Tx, actor: Pick<Actor, "id">, key: string, action: string): Promise<string> {
  const stored = await tx.idempotencyKey.findUnique({
    where: { userId_key: { userId: actor.id, key } },
    select: { action: true, resultId: true },
  });
  if (stored && stored.action !== action) throw new InputError(KEY_REUSED_MESSAGE);
  // Swept between the claim and this read: only a key a day old, which no form keeps.
  if (!stored?.resultId) throw new ConflictError("This was sent twice at once. Reload the page to see whether it was saved.");
  return stored.resultId;
}

/**
 * Whether the actor already made something with this key, read before the transaction: uploads
 * ask it before storing their files. `once` in the transaction still decides.
 */
export async function alreadyMade(actor: Pick<Actor, "id">, key: string | undefined, action: string): Promise<string | null> {
  if (!key) return null;
  const stored = await db.idempotencyKey.findUnique({
    where: { userId_key: { userId: actor.id, key } },
    select: { action: true, resultId: true },
  });
  if (!stored?.resultId) return null;
  if (stored.action !== action) throw new InputError(KEY_REUSED_MESSAGE);
  return stored.resultId;
}

/** Forgets keys older than a day. */
export async function sweepIdempotencyKeys(): Promise<number> {
  const before = new Date(Date.now() - KEEP_SECONDS * 1000);
  return (await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
