// The daily retention check: districts with students due get their district admins a
// RETENTION_DUE notification (which links to /admin/retention), at most once per admin per day
// (UTC), however often the job runs or how many app servers run it. Nothing is deleted here:
// deletion waits for an admin to confirm the list.
import "server-only";
import { db } from "@/lib/db";
import { ensureQueue } from "@/lib/jobs/boss";
import { notify } from "@/lib/notifications/notify";
import { districtsWithDue } from "./due";

export const RETENTION_QUEUE = "retention-due";
// Every day at 06:00 UTC (pg-boss schedules in UTC).
const DAILY_CRON = "0 6 * * *";

/** Notifies the district admins of every district with students due. Returns how many were notified. */
export async function notifyRetentionDue(now = new Date()): Promise<number> {
  const dayStart = new Date(now);
  dayStart.setUTCHours(0, 0, 0, 0);
  let notified = 0;
  for (const districtId of await districtsWithDue(now)) {
    notified += await db.$transaction(async (tx) => {
      // Two runs at once (two servers, a retry) queue here; the second finds today's notifications.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`retention-due:${districtId}`}))`;
      const admins = await tx.user.findMany({
        where: { districtId, disabledAt: null, memberships: { some: { role: "ADMIN", organizationId: districtId, endedAt: null } } },
        select: { id: true },
      });
      const already = await tx.notification.findMany({
        where: { userId: { in: admins.map((a) => a.id) }, type: "RETENTION_DUE", createdAt: { gte: dayStart } },
        select: { userId: true },
      });
      const told = new Set(already.map((n) => n.userId));
      const toTell = admins.map((a) => a.id).filter((id) => !told.has(id));
      await notify(tx, toTell, { type: "RETENTION_DUE" });
      return toTell.length;
    });
  }
  return notified;
}

/** The worker, started once per app process (instrumentation.ts): runs the check on its daily schedule. */
export async function startRetentionWorker(): Promise<void> {
  const boss = await ensureQueue(RETENTION_QUEUE);
  await boss.work(RETENTION_QUEUE, { batchSize: 1 }, async () => {
    await notifyRetentionDue();
  });
  await boss.schedule(RETENTION_QUEUE, DAILY_CRON, {}, { singletonKey: "daily" });
}
