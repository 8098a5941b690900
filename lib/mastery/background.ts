// Recomputing stored mastery after a policy or scale change, in the background: the students a
// policy decides, in batches of BATCH in id order, each batch its own short transaction (the
// same per-student lock as a rating's transaction, so a batch never overwrites a newer rating's
// result). Progress is kept on the policy for the admin page. A run is safe to repeat; a run
// whose policy changed under it stops, because the change queued the run that redoes it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { enqueue, ensureQueue } from "@/lib/jobs/boss";
import { recomputeStudents, studentsReachedBy } from "./recompute";

export const RECOMPUTE_QUEUE = "mastery-recompute";
const BATCH = 100;

type Reach = { organizationId: string; frameworkId: string | null; organization: { type: "DISTRICT" | "SCHOOL" } };
const REACH_SELECT = { organizationId: true, frameworkId: true, organization: { select: { type: true } } } as const;

function reachOf(p: Reach) {
  return studentsReachedBy(p, p.organization.type);
}

/** How many students a policy decides (those with ratings on plans it reaches). */
export async function countReached(tx: Tx, policy: Reach): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${reachOf(policy)}) q`;
  return row?.n ?? 0;
}

/** Marks policies for recompute (progress back to 0 of their students); call enqueueRecompute after commit. */
export async function markForRecompute(tx: Tx, policyIds: readonly string[], at = new Date()): Promise<void> {
  const policies = await tx.masteryPolicy.findMany({ where: { id: { in: [...policyIds] } }, select: { id: true, ...REACH_SELECT } });
  for (const p of policies) {
    await tx.masteryPolicy.update({
      where: { id: p.id },
      data: { recomputeAt: at, recomputeDone: 0, recomputeTotal: await countReached(tx, p) },
    });
  }
}

/**
 * Queues the recompute of these policies, after the transaction that marked them committed. A
 * failure to queue loses nothing: the policies stay marked and the worker picks them up on start.
 */
export async function enqueueRecompute(policyIds: readonly string[]): Promise<void> {
  for (const policyId of new Set(policyIds)) {
    try {
      await enqueue(RECOMPUTE_QUEUE, { policyId }, { singletonKey: policyId });
    } catch (error) {
      console.error(`[mastery] could not queue the recompute of policy ${policyId}; it resumes when the app next starts`, error);
    }
  }
}

/** Recomputes the stored mastery of every student a policy decides. Returns how many were done. */
export async function runPolicyRecompute(
  policyId: string,
  { batchSize = BATCH, afterBatch }: { batchSize?: number; afterBatch?: () => Promise<unknown> } = {},
): Promise<{ done: number; stopped: boolean }> {
  const policy = await db.masteryPolicy.findUnique({
    where: { id: policyId },
    select: { id: true, version: true, recomputeAt: true, ...REACH_SELECT },
  });
  if (!policy?.recomputeAt) return { done: 0, stopped: true };
  // The run belongs to this version and this request; either changing means a newer run is queued.
  const mine = { id: policy.id, version: policy.version, recomputeAt: policy.recomputeAt };
  const reached = reachOf(policy);
  let after = "";
  let done = 0;
  for (;;) {
    const batch = await db.$queryRaw<{ studentId: string }[]>`
      SELECT q."studentId" FROM (${reached}) q WHERE q."studentId" > ${after} ORDER BY q."studentId" LIMIT ${batchSize}`;
    if (batch.length === 0) break;
    const ids = batch.map((r) => r.studentId);
    const still = await db.$transaction(
      async (tx) => {
        // Updating the row first waits for a policy change in flight and then sees it.
        const progress = await tx.masteryPolicy.updateMany({ where: mine, data: { recomputeDone: done + ids.length } });
        if (progress.count === 0) return false;
        await recomputeStudents(tx, ids);
        return true;
        // A hundred students' ratings at district scale can outlast Prisma's 5 s default.
      },
      { timeout: 60_000 },
    );
    if (!still) return { done, stopped: true };
    done += ids.length;
    after = ids[ids.length - 1] ?? after;
    await afterBatch?.();
  }
  const finished = await db.masteryPolicy.updateMany({
    where: mine,
    data: { recomputedAt: new Date(), recomputeDone: done, recomputeTotal: done },
  });
  return { done, stopped: finished.count === 0 };
}

/** Policies marked for recompute and not finished since (a restart, or the upgrade migration). */
export async function unfinishedRecomputes(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "MasteryPolicy"
    WHERE "recomputeAt" IS NOT NULL AND ("recomputedAt" IS NULL OR "recomputedAt" < "recomputeAt")
    ORDER BY "recomputeAt"`;
  return rows.map((r) => r.id);
}

/** The worker, started once per app process (instrumentation.ts), and the resume of unfinished runs. */
export async function startRecomputeWorker(): Promise<void> {
  const boss = await ensureQueue(RECOMPUTE_QUEUE);
  await boss.work<{ policyId: string }>(RECOMPUTE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) await runPolicyRecompute(job.data.policyId);
  });
  await enqueueRecompute(await unfinishedRecomputes());
}
