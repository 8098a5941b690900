// Daily and weekly digests: one email per person and period listing what came in since their last
// digest, for the kinds they get that way (lib/notifications/kinds.ts). An hourly job on Postgres
// sends what is due. Each digest is claimed by inserting its EmailDigest row (unique per person,
// frequency and period) in the transaction that sends it and marks its notifications, so two
// workers never send the same digest and a failed send leaves nothing claimed for the retry.
// Like the immediate emails, a digest says what kind of thing happened and about whom, never what
// the records say: that stays behind sign-in (docs/decisions/notification-email.md).
import "server-only";
import { randomUUID } from "node:crypto";
import { loadActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { appUrl, env } from "@/lib/env";
import type { EmailDelivery } from "@/lib/generated/prisma/enums.ts";
import { ensureQueue } from "@/lib/jobs/boss";
import { sendMail, type Mail } from "@/lib/mail/send";
import { emailTranslator, firstName, kindText } from "./email";
import { kindOf, KINDS, type KindId } from "./kinds";
import { deliveriesOf } from "./preferences";
import { notificationsVisibleTo } from "./queries";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

export const DIGEST_QUEUE = "notification-digest";
/** Every hour: a digest goes out in the first run after its period's sending hour. */
const DIGEST_CRON = "7 * * * *";
type Frequency = Extract<EmailDelivery, "DAILY" | "WEEKLY">;
const FREQUENCIES: readonly Frequency[] = ["DAILY", "WEEKLY"];
/** At most this many notifications are read into one digest; the rest wait for the next. */
const MOST = 500;

const DAY = 86_400_000;

/** The period `now` falls in (a UTC day, or a week from Monday), and when its digest may go out. */
export function periodOf(frequency: Frequency, now: Date, hour = env().DIGEST_HOUR_UTC): { start: Date; sendFrom: Date } {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = frequency === "DAILY" ? day : day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  return { start: new Date(start), sendFrom: new Date(start + hour * 3_600_000) };
}

const pendingSelect = {
  id: true,
  type: true,
  event: { select: { toStatus: true } },
  plan: { select: { studentId: true, student: { select: { name: true } } } },
  record: { select: { studentId: true, student: { select: { name: true } } } },
} as const;

/** In `about`, the reader themself ("about you"), worded in their language when the digest is written. */
export const YOU = "you";
type Line = { kind: KindId; count: number; about: Set<string> };

/**
 * The message, in the reader's language: counts per kind and whom they are about, a link to the
 * notifications, and a way out of each kind.
 */
export function composeDigest(
  user: { id: string; name: string; email: string; locale?: string | null },
  frequency: Frequency,
  lines: readonly Line[],
): Mail {
  const language = emailTranslator(user);
  const { t } = language;
  const total = lines.reduce((sum, l) => sum + l.count, 0);
  const daily = frequency === "DAILY";
  const about = (l: Line) =>
    [...l.about]
      .map((name) => (name === YOU ? t("digest.you") : name))
      .sort()
      .join(", ");
  const text = [
    t("hello", { name: user.name }),
    "",
    daily ? t("digest.introDaily") : t("digest.introWeekly"),
    "",
    ...lines.map((l) =>
      l.about.size
        ? t("digest.lineAbout", { kind: t(`kinds.${l.kind}`), count: l.count, about: about(l) })
        : t("digest.line", { kind: t(`kinds.${l.kind}`), count: l.count }),
    ),
    "",
    t("digest.signIn"),
    new URL("/notifications", appUrl()).toString(),
    "",
    daily ? t("digest.whyDaily") : t("digest.whyWeekly"),
    ...lines.map((l) => t("footer.stop", { kind: kindText(l.kind, language), link: unsubscribeUrl(user.id, l.kind) })),
    t("footer.choose", { link: new URL("/account/notifications", appUrl()).toString() }),
  ].join("\n");
  // A mail program's one-click button can name one kind only: offered when the digest has one.
  const only = lines.length === 1 ? lines[0] : undefined;
  return {
    to: user.email,
    subject: daily ? t("digest.subjectDaily", { count: total }) : t("digest.subjectWeekly", { count: total }),
    text,
    ...(only ? { headers: unsubscribeHeaders(user.id, only.kind) } : {}),
  };
}

type Outcome = "sent" | "empty" | "taken";

/**
 * One person's digest for one period. What they get this way and may still open goes in; what
 * they no longer get by email (turned off, or sent at once) or may no longer open is closed
 * unsent; what waits for the other frequency stays. Throws when the mail server refuses, after
 * which nothing is claimed or marked.
 */
export async function digestFor(
  userId: string,
  frequency: Frequency,
  { start, sendFrom }: { start: Date; sendFrom: Date },
  now: Date,
): Promise<Outcome> {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "EmailDigest" ("id", "userId", "frequency", "periodStart", "notificationCount")
        VALUES (${randomUUID()}, ${userId}, ${frequency}::"EmailDelivery", ${start}, 0)
        ON CONFLICT ("userId", "frequency", "periodStart") DO NOTHING RETURNING "id"`;
      const digest = claimed[0];
      if (!digest) return "taken";
      const [user, pending, deliveries] = await Promise.all([
        tx.user.findUnique({
          where: { id: userId },
          select: { id: true, name: true, email: true, locale: true, sessionVersion: true, disabledAt: true },
        }),
        tx.notification.findMany({
          where: { userId, emailedAt: null, digestedAt: null, emailDueAt: null, createdAt: { lt: sendFrom } },
          orderBy: { createdAt: "asc" },
          take: MOST,
          select: pendingSelect,
        }),
        deliveriesOf(tx, userId),
      ]);
      const reader = user && !user.disabledAt ? await loadActor(user.id, user.sessionVersion) : null;
      const visible = reader
        ? await stillVisible(
            tx,
            reader,
            pending.map((n) => n.id),
          )
        : new Set<string>();
      const lines = new Map<KindId, Line>();
      const done: string[] = [];
      for (const n of pending) {
        const kind = kindOf(n.type, n.event?.toStatus);
        const delivery = kind ? deliveries.get(kind) : undefined;
        if (kind && delivery !== frequency && (delivery === "DAILY" || delivery === "WEEKLY")) continue;
        done.push(n.id);
        if (!kind || delivery !== frequency || !visible.has(n.id)) continue;
        const line = lines.get(kind) ?? { kind, count: 0, about: new Set<string>() };
        line.count++;
        const about = n.plan ?? n.record;
        if (about) line.about.add(about.studentId === userId ? YOU : firstName(about.student.name));
        lines.set(kind, line);
      }
      const ordered = KINDS.flatMap((k) => lines.get(k.id) ?? []);
      if (user && ordered.length) await sendMail(composeDigest(user, frequency, ordered));
      await tx.notification.updateMany({ where: { id: { in: done } }, data: { digestedAt: now } });
      const count = ordered.reduce((sum, l) => sum + l.count, 0);
      await tx.emailDigest.update({ where: { id: digest.id }, data: { notificationCount: count, sentAt: count ? new Date() : null } });
      return count ? "sent" : "empty";
    },
    // The mail server's answer is awaited inside: allow it more than Prisma's 5 s default.
    { timeout: 60_000 },
  );
}

/** Which of these notifications the reader may still open (the same rule as their Notifications page). */
async function stillVisible(tx: Tx, reader: NonNullable<Awaited<ReturnType<typeof loadActor>>>, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx.notification.findMany({
    where: { AND: [notificationsVisibleTo(reader), { id: { in: ids } }] },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

/**
 * Sends every digest due at `now`: for each frequency whose sending hour has come in the current
 * period, everyone with notifications waiting from before that hour and no digest of that period
 * yet. What comes later waits for the next period, so a weekly digest carries a whole week. A failed send is
 * retried by the job (it throws once the others are done). `districtId` limits it to one district.
 */
export async function sendDueDigests({ now = new Date(), districtId }: { now?: Date; districtId?: string } = {}): Promise<{
  sent: number;
  empty: number;
  failed: number;
}> {
  let sent = 0;
  let empty = 0;
  let failed = 0;
  for (const frequency of FREQUENCIES) {
    const period = periodOf(frequency, now);
    const { start, sendFrom } = period;
    if (now < sendFrom) continue;
    // Served by the partial index of notifications waiting for a digest (Notification_digest_pending_idx).
    const people = await db.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT n."userId" FROM "Notification" n JOIN "User" u ON u."id" = n."userId"
      WHERE (${districtId ?? null}::text IS NULL OR u."districtId" = ${districtId ?? null})
        AND n."emailedAt" IS NULL AND n."digestedAt" IS NULL AND n."emailDueAt" IS NULL AND n."createdAt" < ${sendFrom}
        AND NOT EXISTS (
          SELECT 1 FROM "EmailDigest" d
          WHERE d."userId" = n."userId" AND d."frequency" = ${frequency}::"EmailDelivery" AND d."periodStart" = ${start})`;
    for (const { userId } of people) {
      try {
        const outcome = await digestFor(userId, frequency, period, now);
        if (outcome === "sent") sent++;
        if (outcome === "empty") empty++;
      } catch (error) {
        console.error(`[mail] could not send the ${frequency.toLowerCase()} digest of ${userId}; it is retried`, error);
        failed++;
      }
    }
  }
  if (failed) throw new Error(`${failed} digest(s) could not be sent; they are retried`);
  return { sent, empty, failed };
}

/** The hourly digest job, started once per app process next to the email worker (instrumentation.ts). */
export async function startDigestWorker(): Promise<void> {
  const boss = await ensureQueue(DIGEST_QUEUE);
  await boss.work(DIGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    await sendDueDigests();
  });
  await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { singletonKey: "digest" });
}
