// Notifications are stored as what happened (a type) and the ids involved, never as
// text: lib/notifications/queries.ts renders them when read, through the reader's
// access rules (docs/decisions/notification-rendering.md).
import "server-only";
import type { Tx } from "@/lib/db";
import type { NotificationType } from "@/lib/generated/prisma/enums.ts";
import { current, currentClass } from "@/lib/people/access";

export type NotificationInput = {
  type: NotificationType;
  actorId?: string;
  planId?: string;
  eventId?: string;
  commentId?: string;
  evidenceId?: string;
  ratingId?: string;
  reflectionId?: string;
  changeId?: string;
  agreementId?: string;
  recordId?: string;
};

/** The kinds also emailed at once (lib/notifications/email.ts): each asks the reader to act, or tells a family what it must know the same day. */
const EMAILED: ReadonlySet<NotificationType> = new Set<NotificationType>(["AGREEMENT_TO_SIGN", "EVALUATION_DUE"]);

export function emailedAtOnce(type: NotificationType): boolean {
  return EMAILED.has(type);
}

/**
 * Stores the notification for each person. A kind that is emailed is marked due in the same
 * transaction; the caller calls `emailSoon()` once it committed.
 */
export async function notify(tx: Tx, userIds: readonly string[], n: NotificationInput) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const emailDueAt = emailedAtOnce(n.type) ? new Date() : null;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, ...n, emailDueAt })) });
}

/** Everyone who teaches the student now, in at least one class. */
export async function teacherIdsOf(tx: Tx, studentId: string) {
  const rows = await tx.enrollment.findMany({
    where: {
      role: "TEACHER",
      ...current(),
      class: { ...currentClass(), enrollments: { some: { userId: studentId, role: "STUDENT", ...current() } } },
    },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.map((r) => r.userId);
}

export async function guardianIdsOf(tx: Tx, studentId: string) {
  const rows = await tx.guardianLink.findMany({ where: { studentId }, select: { guardianId: true } });
  return rows.map((r) => r.guardianId);
}
