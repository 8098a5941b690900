// Background jobs: one pg-boss per process, in the app's own database (schema "pgboss"), so
// nothing else needs running. Queues are "stately": per singleton key at most one job waits and
// one runs, so many changes in a row give one run now and one more after it, never a pile-up.
// docs/decisions/mastery-policies.md says why a queue in Postgres.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

type BossState = { boss: Promise<PgBoss>; queues: Map<string, Promise<void>> };
const globalForBoss = globalThis as unknown as { pathwaysBoss?: BossState };

function state(): BossState {
  if (!globalForBoss.pathwaysBoss) {
    const connectionString = env().DATABASE_URL;
    if (!connectionString) throw new Error("Background jobs need DATABASE_URL.");
    const boss = new PgBoss({ connectionString, schema: "pgboss", max: 4 });
    boss.on("error", (error) => console.error("[jobs]", error));
    const started = boss.start().catch((error: unknown) => {
      // A failed start is retried on the next use rather than remembered forever.
      globalForBoss.pathwaysBoss = undefined;
      throw error;
    });
    globalForBoss.pathwaysBoss = { boss: started, queues: new Map() };
  }
  return globalForBoss.pathwaysBoss;
}

/** The started pg-boss of this process. */
export function boss(): Promise<PgBoss> {
  return state().boss;
}

/** Creates the queue once (pg-boss 10 needs a queue before send or work). */
export async function ensureQueue(name: string): Promise<PgBoss> {
  const s = state();
  const b = await s.boss;
  let ready = s.queues.get(name);
  if (!ready) {
    ready = (async () => {
      // Creating queues takes locks in pg-boss's tables: two workers starting at once (or two app
      // servers) can deadlock, and Postgres then cancels one of them. That one tries again.
      for (let attempt = 1; ; attempt++) {
        if (await b.getQueue(name)) return;
        try {
          await b.createQueue(name, {
            name,
            policy: "stately",
            retryLimit: 3,
            retryDelay: 30,
            retryBackoff: true,
            expireInSeconds: 60 * 60,
          });
          return;
        } catch (error) {
          // Another process created it in the meantime, or this attempt lost a deadlock.
          if (await b.getQueue(name)) return;
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
        }
      }
    })();
    s.queues.set(name, ready);
    ready.catch(() => s.queues.delete(name));
  }
  await ready;
  return b;
}

/** Queues a job; with a singleton key, a job already waiting for that key absorbs this one. */
export async function enqueue(name: string, data: object, options: { singletonKey?: string } = {}): Promise<string | null> {
  const b = await ensureQueue(name);
  return b.send(name, data, options);
}
