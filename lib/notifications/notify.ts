// Notifications are stored as what happened (a type) and the ids involved, never as
// text: lib/notifications/queries.ts renders them when read, through the reader's
// access rules (docs/decisions/notification-rendering.md).
import "server-only";
import type { Tx } from "@/lib/db";
import type { EmailDelivery, NotificationType } from "@/lib/generated/prisma/enums.ts";
import { current, currentClass } from "@/lib/people/access";
import { emailAfterCommit } from "./email";
import { kindById, kindOf } from "./kinds";
import { deliveriesFor } from "./preferences";

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

/** Whether a type is emailed at once unless the reader chose otherwise (its kind's default). */
export function emailedAtOnce(type: NotificationType): boolean {
  const kind = kindOf(type);
  return kind !== null && kindById(kind).defaultDelivery === "IMMEDIATE";
}

/**
 * Stores the notification for each person. Whoever gets its kind immediately (their choice, else
 * the kind's default) has it marked due for email in the same transaction; a daily or weekly kind
 * waits for the digest (lib/notifications/digest.ts); a kind turned off is only in the app. The
 * worker is asked to send shortly after: callers that can also call `emailSoon()` once committed.
 */
export async function notify(tx: Tx, userIds: readonly string[], n: NotificationInput) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const toStatus =
    n.type === "PLAN_STATUS_CHANGED" && n.eventId
      ? (await tx.planEvent.findUnique({ where: { id: n.eventId }, select: { toStatus: true } }))?.toStatus
      : null;
  const kind = kindOf(n.type, toStatus);
  // One query for everyone's choice, not one per person.
  const deliveries = kind ? await deliveriesFor(tx, unique, kind) : new Map<string, EmailDelivery>();
  const now = new Date();
  const data = unique.map((userId) => {
    const delivery = deliveries.get(userId);
    return {
      userId,
      ...n,
      emailDueAt: delivery === "IMMEDIATE" ? now : null,
      // Never emailed (a welcome, or a kind turned off): no digest waits for it either.
      digestedAt: !delivery || delivery === "OFF" ? now : null,
    };
  });
  await tx.notification.createMany({ data });
  if (data.some((d) => d.emailDueAt)) emailAfterCommit();
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
