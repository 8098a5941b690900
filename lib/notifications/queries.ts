// A person's notifications, rendered when read. Only notifications about records the
// reader may open now are listed or counted: a notification never shows more than the
// record itself would.
import "server-only";
import { agreementsVisibleTo } from "@/lib/agreements/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { isoDay } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { keyset, type PageRequest } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import { statusChangeText } from "@/lib/plans/labels";
import { plansVisibleTo } from "@/lib/plans/access";
import { recordsVisibleTo } from "@/lib/records/access";

export function notificationsVisibleTo(actor: Actor): Prisma.NotificationWhereInput {
  // An agreement's notice reaches whoever may see the agreement: the people asked to sign it
  // include assistants who may not see the plan itself.
  return {
    userId: actor.id,
    OR: [
      { planId: null, recordId: null },
      { plan: plansVisibleTo(actor) },
      { agreementId: { not: null }, agreement: agreementsVisibleTo(actor) },
      // A learning record is outside any plan: its notice reaches whoever may see the record.
      { recordId: { not: null }, record: recordsVisibleTo(actor) },
    ],
  };
}

export function unreadCount(actor: Actor) {
  return db.notification.count({ where: { AND: [notificationsVisibleTo(actor), { readAt: null }] } });
}

const renderSelect = {
  id: true,
  type: true,
  readAt: true,
  createdAt: true,
  actor: { select: { name: true } },
  plan: { select: { id: true, title: true } },
  event: { select: { fromStatus: true, toStatus: true, note: true } },
  comment: { select: { body: true, id: true } },
  reflection: { select: { id: true, learned: true } },
  change: { select: { id: true, status: true, note: true, decisionNote: true } },
  evidence: { select: { title: true } },
  rating: { select: { level: { select: { name: true } }, feedback: true, goalId: true } },
  record: { select: { id: true, title: true } },
} satisfies Prisma.NotificationSelect;
type Row = Prisma.NotificationGetPayload<{ select: typeof renderSelect }>;

/** The words and link of one notification, from its type and the records it names. */
function render(n: Row): { title: string; body: string; href: string | null } {
  const who = displayName(n.actor);
  const plan = n.plan ? `“${n.plan.title}”` : "a plan";
  const href = n.plan ? `/plans/${n.plan.id}` : null;
  const agreement = href ? `${href}/agreement` : null;
  const record = n.record ? `“${n.record.title}”` : "";
  const recordHref = n.record ? `/records/${n.record.id}` : null;
  switch (n.type) {
    case "WELCOME":
      return { title: "Welcome to Pathways", body: "Your home page lists what needs you. Help explains how plans work.", href: "/" };
    case "PLAN_SUBMITTED":
      return { title: `${who} submitted ${plan} for review`, body: n.event?.note ?? "", href };
    case "PLAN_STATUS_CHANGED":
      return {
        title: n.event ? statusChangeText(who, plan, n.event.fromStatus, n.event.toStatus) : `${plan} changed`,
        body: n.event?.note ?? "",
        href,
      };
    case "COMMENT_ADDED":
      return {
        title: `${who} commented on ${plan}`,
        body: n.comment?.body ?? "",
        href: href && n.comment ? `${href}#comment-${n.comment.id}` : href,
      };
    case "EVIDENCE_ADDED":
      return { title: `${who} added evidence to ${plan}`, body: n.evidence?.title ?? "", href };
    case "EVIDENCE_RATED":
      return {
        title: `${who} rated “${n.evidence?.title ?? "evidence"}”${n.rating ? `: ${n.rating.level.name}` : ""}`,
        body: n.rating?.feedback ?? "",
        href: href && n.rating ? `${href}#goal-${n.rating.goalId}` : href,
      };
    case "COMMENT_REPLIED":
      return {
        title: `${who} replied on ${plan}`,
        body: n.comment?.body ?? "",
        href: href && n.comment ? `${href}#comment-${n.comment.id}` : href,
      };
    case "CHANGE_PROPOSED":
      return { title: `${who} proposed a change to ${plan}`, body: n.change?.note ?? "", href: href ? `${href}#proposed-change` : href };
    case "CHANGE_DECIDED":
      return {
        title: `${who} ${n.change?.status === "APPROVED" ? "approved" : "declined"} your proposed change to ${plan}`,
        body: n.change?.decisionNote ?? "",
        href,
      };
    case "REFLECTION_ADDED":
      return {
        title: `${who} wrote a reflection on ${plan}`,
        body: n.reflection?.learned ?? "",
        href: href && n.reflection ? `${href}#reflection-${n.reflection.id}` : href,
      };
    case "REFLECTION_REPLIED":
      return {
        title: `${who} answered your reflection on ${plan}`,
        body: "",
        href: href && n.reflection ? `${href}#reflection-${n.reflection.id}` : href,
      };
    case "PROFILE_COMMENTED":
      return { title: `${who} commented on your learner profile`, body: "", href: "/profile" };
    case "AGREEMENT_TO_SIGN":
      return { title: `Please read and sign the independent study agreement for ${plan}`, body: "", href: agreement };
    case "AGREEMENT_ACTIVE":
      return { title: `The independent study agreement for ${plan} is signed by everyone and active`, body: "", href: agreement };
    case "EVALUATION_DUE":
      return {
        title: `Missed assignments reached the limit on ${plan}: an evaluation is due`,
        body: "The teacher will evaluate whether independent study still serves the student.",
        href: agreement,
      };
    case "EVALUATION_RECORDED":
      return { title: `${who} recorded an evaluation of the independent study on ${plan}`, body: "", href: agreement };
    case "RECORD_REVIEW_REQUESTED":
      return { title: `${who} asked you to review the learning record ${record}`, body: "", href: recordHref };
    case "RECORD_RATED":
      return { title: `${who} rated the learning record ${record}`, body: "", href: recordHref };
    case "RECORD_SUGGESTED":
      return {
        title: `A learning app suggested a learning record: ${record}`,
        body: "Accept it to keep it, or dismiss it.",
        href: recordHref,
      };
    case "RETENTION_DUE":
      return {
        title: "Records of students who left are past the district's retention period",
        body: "Review the list and confirm the deletion.",
        href: "/admin/retention",
      };
  }
}

/** How many notifications a page shows. */
export const NOTIFICATIONS_PAGE_SIZE = 25;

/**
 * One page of the actor's notifications, newest first, by keyset (older / newer): the cost is
 * the page's, however many a person has collected. Served by Notification(userId, createdAt).
 */
export async function listNotifications(actor: Actor, request: PageRequest = {}, size = NOTIFICATIONS_PAGE_SIZE) {
  const page = keyset("createdAt", request, { descending: true, date: true, size });
  const rows = await db.notification.findMany({
    where: { AND: [notificationsVisibleTo(actor), page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: renderSelect,
  });
  const result = page.page(rows, (n) => n.createdAt);
  return { ...result, items: result.items.map((n) => ({ id: n.id, readAt: n.readAt, createdAt: n.createdAt, ...render(n) })) };
}
export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];

/** Items grouped by the day they came (UTC, like every date the app shows), in the order given. */
export function groupByDay<T extends { createdAt: Date }>(items: readonly T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = isoDay(item.createdAt);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** Marks one of the actor's notifications read; another person's is not found. */
export async function markRead(actor: Actor, input: { notificationId: string }) {
  const done = await db.notification.updateMany({
    where: { AND: [notificationsVisibleTo(actor), { id: input.notificationId }] },
    data: { readAt: new Date() },
  });
  if (done.count === 0) throw new NotFoundError("That notification");
  return { notificationId: input.notificationId };
}

export async function markAllRead(actor: Actor) {
  await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}
