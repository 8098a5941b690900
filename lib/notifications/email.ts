// Notifications that also go out by email. The notification row is the outbox: `notify` marks
// the kinds that ask someone to act (emailDueAt) in the same transaction as the change, and a
// background job on Postgres (pg-boss) sends what is pending, so a slow mail server never slows
// a page and a crash loses nothing. docs/decisions/notification-email.md says why.
import "server-only";
import { loadActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { enqueue, ensureQueue } from "@/lib/jobs/boss";
import { sendMail, type Mail } from "@/lib/mail/send";
import { kindById, kindOf, type KindId } from "./kinds";
import { deliveriesOf } from "./preferences";
import { notificationsVisibleTo } from "./queries";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe";

export const EMAIL_QUEUE = "notification-email";
/** Pending emails are looked for this often even when no change asked (a lost kick, a retry exhausted). */
const SWEEP_CRON = "*/10 * * * *";

/**
 * Asks the worker to send pending emails now; call it after the transaction that created them
 * committed. Not awaited by anyone: a failure to queue is logged and the next sweep sends them.
 */
export function emailSoon(): void {
  enqueue(EMAIL_QUEUE, {}, { singletonKey: "outbox" }).catch((error: unknown) =>
    console.error("[mail] could not queue notification emails; the next sweep sends them", error),
  );
}

/**
 * Called by `notify` inside the transaction that stores an immediate notification, for the many
 * commands that do not call `emailSoon()` after they commit: a kick a few seconds later, once the
 * transaction committed. Should it run first (or the process stop), the sweep sends it.
 */
export function emailAfterCommit(): void {
  setTimeout(emailSoon, AFTER_COMMIT_MS).unref();
}
const AFTER_COMMIT_MS = 3_000;

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export const emailSelect = {
  id: true,
  type: true,
  planId: true,
  event: { select: { toStatus: true } },
  record: { select: { id: true, student: { select: { name: true } }, school: { select: { name: true } } } },
  user: { select: { id: true, name: true, email: true, sessionVersion: true, disabledAt: true } },
  actor: { select: { name: true } },
  plan: { select: { studentId: true, student: { select: { name: true } }, school: { select: { name: true } } } },
  agreement: {
    select: {
      status: true,
      evaluationDueAt: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { signatures: { select: { signerId: true } } } },
    },
  },
} as const;
type Pending = NonNullable<Awaited<ReturnType<typeof loadPending>>>;

function loadPending(tx: Tx, id: string) {
  return tx.notification.findUnique({ where: { id }, select: emailSelect });
}

/**
 * The message for one notification. It says what needs the reader and where, and no more: the
 * student's first name and school, never the plan's content; the details stay behind sign-in.
 * Every message carries a link that turns its kind off, signed so it works without signing in.
 */
export function composeEmail(n: Pending): Mail | null {
  const kind = kindOf(n.type, n.event?.toStatus);
  const about = n.plan
    ? { student: n.plan.student.name, studentId: n.plan.studentId, school: n.plan.school.name }
    : n.record
      ? { student: n.record.student.name, studentId: null, school: n.record.school.name }
      : null;
  if (!kind || !about) return null;
  const own = about.studentId === n.user.id;
  const child = firstName(about.student);
  const planLink = n.planId ? new URL(`/plans/${n.planId}`, appUrl()).toString() : null;
  const agreementLink = n.planId ? new URL(`/plans/${n.planId}/agreement`, appUrl()).toString() : null;
  const message = (subject: string, lines: string[], link: string | null): Mail | null =>
    link
      ? {
          to: n.user.email,
          subject,
          text: [`Hello ${n.user.name},`, "", ...lines, "", link, "", ...footer(about.school, n.user.id, kind)].join("\n"),
          headers: unsubscribeHeaders(n.user.id, kind),
        }
      : null;
  switch (kind) {
    case "AGREEMENT_TO_SIGN": {
      const whose = own ? "your independent study agreement" : `the independent study agreement for ${child}`;
      const sender = n.actor
        ? `${n.actor.name} sent ${whose} for signatures.`
        : `${whose[0]?.toUpperCase()}${whose.slice(1)} is ready for signatures.`;
      return message(
        own ? "Please sign your independent study agreement" : `Please sign the independent study agreement for ${child}`,
        [sender, "Please sign in, read the whole agreement and sign it. It becomes active only when everyone asked has signed."],
        agreementLink,
      );
    }
    case "STUDY_NEWS_TODAY":
      // What happened (missed work, an evaluation) is part of the education record: it stays behind
      // sign-in; the email says only that there is something to read.
      return message(
        own ? "News about your independent study" : `News about ${child}'s independent study`,
        [
          `There is news about ${own ? "your" : `${child}'s`} independent study agreement that you should read today.`,
          "Please sign in to Pathways to read it:",
        ],
        agreementLink,
      );
    case "CHANGES_REQUESTED":
      return message(
        own ? "Changes requested on your plan" : `Changes requested on ${child}'s plan`,
        [
          `${n.actor?.name ?? "A teacher"} asked for changes on ${own ? "your" : `${child}'s`} plan.`,
          "Please sign in to read what to change:",
        ],
        planLink,
      );
    case "TO_RATE":
      if (n.type === "RECORD_REVIEW_REQUESTED") {
        const link = n.record ? new URL(`/records/${n.record.id}`, appUrl()).toString() : null;
        return message(
          `A learning record from ${child} is waiting for your review`,
          [`${child} asked you to review a learning record.`, "Please sign in to rate it:"],
          link,
        );
      }
      return message(
        `Evidence from ${child} is waiting for you to rate`,
        [`${child} added evidence to a plan.`, "Please sign in to rate it:"],
        planLink,
      );
    default:
      // A kind the person chose to get at once: what kind of thing happened and about whom, no more.
      return message(
        `Pathways: ${kindById(kind).label.toLowerCase()}`,
        [
          `There is news in Pathways about ${own ? "your work" : child}: ${kindById(kind).label.toLowerCase()}.`,
          "Please sign in to read it:",
        ],
        planLink ?? (n.record ? new URL(`/records/${n.record.id}`, appUrl()).toString() : null),
      );
  }
}

/** The end of every notification email: why it came, and the one-click way to stop this kind. */
export function footer(school: string, userId: string, kind: KindId): string[] {
  return [
    `You get this email from Pathways at ${school}. The same notice is on your Notifications page.`,
    `To stop emails about "${kindById(kind).label.toLowerCase()}", open: ${unsubscribeUrl(userId, kind)}`,
    `To choose how you get each kind of email, sign in and open ${new URL("/account/notifications", appUrl()).toString()}`,
  ];
}

/** Whether what the notification asks for is still so: unsigned by this person, the evaluation still due. */
function stillDue(n: Pending): boolean {
  switch (n.type) {
    case "AGREEMENT_TO_SIGN":
      return (
        n.agreement?.status === "AWAITING_SIGNATURES" &&
        !(n.agreement.revisions[0]?.signatures ?? []).some((sig) => sig.signerId === n.user.id)
      );
    case "EVALUATION_DUE":
      return n.agreement?.evaluationDueAt != null;
    default:
      return true;
  }
}

/**
 * Whether the recipient may still open what the notification is about (they may have lost access
 * since), and it still needs them (after an outage, "please sign" must not reach someone who signed).
 */
async function stillFor(n: Pending): Promise<boolean> {
  if (n.user.disabledAt || !stillDue(n)) return false;
  // Turned to a digest or off since: the digest (or nobody) has it.
  const kind = kindOf(n.type, n.event?.toStatus);
  if (!kind || (await deliveriesOf(db, n.user.id)).get(kind) !== "IMMEDIATE") return false;
  const reader = await loadActor(n.user.id, n.user.sessionVersion);
  if (!reader) return false;
  return (await db.notification.count({ where: { AND: [{ id: n.id }, notificationsVisibleTo(reader)] } })) === 1;
}

/**
 * Sends every pending email, oldest first. Each is claimed with a row lock (SKIP LOCKED), so two
 * workers never send the same one, and marked sent in the same transaction once the mail server
 * took it: a failed send leaves it pending. Throws after the others are sent when any failed, so
 * the job is retried with backoff.
 */
export async function sendPendingEmails({ limit = 500 }: { limit?: number } = {}): Promise<{
  sent: number;
  skipped: number;
  failed: number;
}> {
  const failed: string[] = [];
  let sent = 0;
  let skipped = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Notification"
          WHERE "emailDueAt" IS NOT NULL AND "emailedAt" IS NULL AND NOT ("id" = ANY(${failed}::text[]))
          ORDER BY "emailDueAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return "none" as const;
        const n = await loadPending(tx, row.id);
        if (!n) return "none" as const;
        const mail = (await stillFor(n)) ? composeEmail(n) : null;
        if (!mail) {
          // Nothing to send any more (access ended, a kind with no email): no longer due, never marked sent.
          await tx.notification.update({ where: { id: n.id }, data: { emailDueAt: null } });
          return "skipped" as const;
        }
        try {
          await sendMail(mail);
        } catch (error) {
          console.error(`[mail] could not send notification ${n.id}; it stays pending`, error);
          failed.push(n.id);
          return "failed" as const;
        }
        await tx.notification.update({ where: { id: n.id }, data: { emailedAt: new Date() } });
        return "sent" as const;
        // The mail server's answer is awaited inside: allow it more than Prisma's 5 s default.
      },
      { timeout: 60_000 },
    );
    if (outcome === "none") break;
    if (outcome === "sent") sent++;
    if (outcome === "skipped") skipped++;
  }
  if (failed.length) throw new Error(`${failed.length} notification email(s) could not be sent; they stay pending for the retry`);
  return { sent, skipped, failed: failed.length };
}

/** The worker, started once per app process (instrumentation.ts): sends on each kick, sweeps on a schedule, and sends what a restart left. */
export async function startEmailWorker(): Promise<void> {
  const boss = await ensureQueue(EMAIL_QUEUE);
  await boss.work(EMAIL_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    await sendPendingEmails();
  });
  await boss.schedule(EMAIL_QUEUE, SWEEP_CRON, {}, { singletonKey: "outbox" });
  emailSoon();
}
