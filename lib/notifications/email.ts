// Notifications that also go out by email. The notification row is the outbox: `notify` marks
// the kinds that ask someone to act (emailDueAt) in the same transaction as the change, and a
// background job on Postgres (pg-boss) sends what is pending, so a slow mail server never slows
// a page and a crash loses nothing. docs/decisions/notification-email.md says why.
import "server-only";
// From next-intl's core (use-intl): "next-intl" itself pulls in React client code, which scripts such as
// `npm run digests` (run with the react-server condition) cannot load.
import { createTranslator } from "use-intl/core";
import { loadActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { messagesFor } from "@/lib/i18n/catalogues";
import { localeOf } from "@/lib/i18n/locales";
import { enqueue, ensureQueue } from "@/lib/jobs/boss";
import { sendMail, type Mail } from "@/lib/mail/send";
import { kindOf, type KindId } from "./kinds";
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
  user: { select: { id: true, name: true, email: true, locale: true, sessionVersion: true, disabledAt: true } },
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

/** The translator for one reader's emails: their own language, else English (works outside a request). */
export function emailTranslator(user: { locale?: string | null }) {
  const locale = localeOf(user);
  return { locale, t: createTranslator({ locale, messages: messagesFor(locale), namespace: "email" }) };
}
export type EmailTranslator = ReturnType<typeof emailTranslator>;

/**
 * The message for one notification, in its reader's language. It says what needs the reader and
 * where, and no more: the student's first name and school, never the plan's content; the details
 * stay behind sign-in. Every message carries a link that turns its kind off, signed so it works
 * without signing in.
 */
export function composeEmail(n: Pending): Mail | null {
  const kind = kindOf(n.type, n.event?.toStatus);
  const about = n.plan
    ? { student: n.plan.student.name, studentId: n.plan.studentId, school: n.plan.school.name }
    : n.record
      ? { student: n.record.student.name, studentId: null, school: n.record.school.name }
      : null;
  if (!kind || !about) return null;
  const language = emailTranslator(n.user);
  const { t } = language;
  const own = about.studentId === n.user.id;
  const child = firstName(about.student);
  const planLink = n.planId ? new URL(`/plans/${n.planId}`, appUrl()).toString() : null;
  const agreementLink = n.planId ? new URL(`/plans/${n.planId}/agreement`, appUrl()).toString() : null;
  const message = (subject: string, lines: string[], link: string | null): Mail | null =>
    link
      ? {
          to: n.user.email,
          subject,
          text: [t("hello", { name: n.user.name }), "", ...lines, "", link, "", ...footer(about.school, n.user.id, kind, language)].join(
            "\n",
          ),
          headers: unsubscribeHeaders(n.user.id, kind),
        }
      : null;
  switch (kind) {
    case "AGREEMENT_TO_SIGN": {
      const sender = n.actor
        ? own
          ? t("agreementToSign.sentOwn", { sender: n.actor.name })
          : t("agreementToSign.sentChild", { sender: n.actor.name, child })
        : own
          ? t("agreementToSign.readyOwn")
          : t("agreementToSign.readyChild", { child });
      return message(
        own ? t("agreementToSign.subjectOwn") : t("agreementToSign.subjectChild", { child }),
        [sender, t("agreementToSign.body")],
        agreementLink,
      );
    }
    case "STUDY_NEWS_TODAY":
      // What happened (missed work, an evaluation) is part of the education record: it stays behind
      // sign-in; the email says only that there is something to read.
      return message(
        own ? t("studyNews.subjectOwn") : t("studyNews.subjectChild", { child }),
        [own ? t("studyNews.bodyOwn") : t("studyNews.bodyChild", { child }), t("studyNews.signIn")],
        agreementLink,
      );
    case "CHANGES_REQUESTED": {
      const teacher = n.actor?.name ?? t("changesRequested.aTeacher");
      return message(
        own ? t("changesRequested.subjectOwn") : t("changesRequested.subjectChild", { child }),
        [
          own ? t("changesRequested.bodyOwn", { teacher }) : t("changesRequested.bodyChild", { teacher, child }),
          t("changesRequested.signIn"),
        ],
        planLink,
      );
    }
    case "TO_RATE":
      if (n.type === "RECORD_REVIEW_REQUESTED") {
        const link = n.record ? new URL(`/records/${n.record.id}`, appUrl()).toString() : null;
        return message(t("toRate.recordSubject", { child }), [t("toRate.recordBody", { child }), t("toRate.signIn")], link);
      }
      return message(t("toRate.evidenceSubject", { child }), [t("toRate.evidenceBody", { child }), t("toRate.signIn")], planLink);
    default: {
      // A kind the person chose to get at once: what kind of thing happened and about whom, no more.
      const label = kindText(kind, language);
      return message(
        t("news.subject", { kind: label }),
        [own ? t("news.bodyOwn", { kind: label }) : t("news.bodyChild", { child, kind: label }), t("news.signIn")],
        planLink ?? (n.record ? new URL(`/records/${n.record.id}`, appUrl()).toString() : null),
      );
    }
  }
}

/** A kind's name inside a sentence ("comments and replies"), in the reader's language. */
export function kindText(kind: KindId, { t, locale }: EmailTranslator): string {
  return t(`kinds.${kind}`).toLocaleLowerCase(locale);
}

/** The end of every notification email: why it came, and the one-click way to stop this kind. */
export function footer(school: string, userId: string, kind: KindId, language: EmailTranslator): string[] {
  const { t } = language;
  return [
    t("footer.why", { school }),
    t("footer.stop", { kind: kindText(kind, language), link: unsubscribeUrl(userId, kind) }),
    t("footer.choose", { link: new URL("/account/notifications", appUrl()).toString() }),
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
