// A person's notifications, rendered when read. Only notifications about records the
// reader may open now are listed or counted: a notification never shows more than the
// record itself would.
import "server-only";
import { createTranslator } from "use-intl/core";
import { agreementsVisibleTo } from "@/lib/agreements/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { PlanStatus } from "@/lib/generated/prisma/enums.ts";
import { messagesFor, type Messages } from "@/lib/i18n/catalogues";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { isoDay } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { encodeCursor, keyset, type PageRequest } from "@/lib/people/listing";
import { displayName } from "@/lib/people/names";
import { plansVisibleTo } from "@/lib/plans/access";
import { recordsVisibleTo } from "@/lib/records/access";
import { UNREAD_COUNTED_UP_TO } from "./unread";

/** The rule as a filter, for one row (markRead, email). Lists and counts use visibleAmong, the same rule. */
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

/** What the rule needs of a row of the actor's own (read with `userId: actor.id`). */
const refSelect = { id: true, createdAt: true, planId: true, agreementId: true, recordId: true } as const;
type Ref = Prisma.NotificationGetPayload<{ select: typeof refSelect }>;

/**
 * Which of these rows of the actor's the rule of notificationsVisibleTo lets them see, the rule said
 * of the rows' own plans, agreements and records: each kind's ids tested against its access rule,
 * the three at once and only when a row names one. The rule as one statement over a person's rows
 * joins all three (Postgres plans it longer than it runs it, and over many rows hashes every plan
 * and record of the district); tested by id, each is a few index lookups.
 */
async function visibleAmong(actor: Actor, rows: readonly Ref[]): Promise<Set<string>> {
  const named = (key: "planId" | "agreementId" | "recordId") => [...new Set(rows.flatMap((r) => (r[key] === null ? [] : [r[key]])))];
  const [planIds, agreementIds, recordIds] = [named("planId"), named("agreementId"), named("recordId")];
  const [plans, agreements, records] = await Promise.all([
    planIds.length ? db.plan.findMany({ where: { AND: [plansVisibleTo(actor), { id: { in: planIds } }] }, select: { id: true } }) : [],
    agreementIds.length
      ? db.studyAgreement.findMany({ where: { AND: [agreementsVisibleTo(actor), { id: { in: agreementIds } }] }, select: { id: true } })
      : [],
    recordIds.length
      ? db.learningRecord.findMany({ where: { AND: [recordsVisibleTo(actor), { id: { in: recordIds } }] }, select: { id: true } })
      : [],
  ]);
  const ids = (found: { id: string }[]) => new Set(found.map((x) => x.id));
  const [plan, agreement, record] = [ids(plans), ids(agreements), ids(records)];
  const open = (r: Ref) =>
    (r.planId === null && r.recordId === null) ||
    (r.planId !== null && plan.has(r.planId)) ||
    (r.agreementId !== null && agreement.has(r.agreementId)) ||
    (r.recordId !== null && record.has(r.recordId));
  return new Set(rows.filter(open).map((r) => r.id));
}

/** A window of a person's rows read at once, and how many windows a count or a page reads at most. */
const WINDOW = UNREAD_COUNTED_UP_TO + 1;
const MAX_WINDOWS = 20;

/**
 * How many of the actor's notifications they may see are unread, counted up to one past
 * UNREAD_COUNTED_UP_TO (shown as "99+"): every page's header asks. The unread rows are read newest
 * first a window at a time (Notification(userId, readAt, createdAt)) and tested by visibleAmong,
 * until the cap is passed or none are left. Someone who lost access to the records behind thousands
 * of unread rows is counted over the newest MAX_WINDOWS windows only (marking all read clears them).
 */
export async function unreadCount(actor: Actor): Promise<number> {
  let seen = 0;
  let cursor: Ref | null = null;
  for (let i = 0; i < MAX_WINDOWS; i++) {
    const past: Prisma.NotificationWhereInput = cursor
      ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
      : {};
    const unread = await db.notification.findMany({
      where: { AND: [{ userId: actor.id, readAt: null }, past] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: WINDOW,
      select: refSelect,
    });
    seen += (await visibleAmong(actor, unread)).size;
    cursor = unread.at(-1) ?? null;
    if (seen > UNREAD_COUNTED_UP_TO || unread.length < WINDOW || !cursor) break;
  }
  return Math.min(seen, UNREAD_COUNTED_UP_TO + 1);
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

type Translate = ReturnType<typeof createTranslator<Messages, "notifications">>;

/**
 * The words and link of one notification, from its type and the records it names, in the reader's
 * language (`t`: the notifications catalogue). People's names and what they wrote stay as written.
 */
function render(n: Row, t: Translate): { title: string; body: string; href: string | null } {
  const who = displayName(n.actor);
  const plan = n.plan ? t("quoted", { text: n.plan.title }) : t("aPlan");
  const href = n.plan ? `/plans/${n.plan.id}` : null;
  const agreement = href ? `${href}/agreement` : null;
  const record = n.record ? t("quoted", { text: n.record.title }) : "";
  const recordHref = n.record ? `/records/${n.record.id}` : null;
  switch (n.type) {
    case "WELCOME":
      return { title: t("render.welcome"), body: t("render.welcomeBody"), href: "/" };
    case "PLAN_SUBMITTED":
      return { title: t("render.planSubmitted", { who, plan }), body: n.event?.note ?? "", href };
    case "PLAN_STATUS_CHANGED":
      return {
        title: n.event ? statusChange(t, who, plan, n.event.fromStatus, n.event.toStatus) : t("render.planChanged", { plan }),
        body: n.event?.note ?? "",
        href,
      };
    case "COMMENT_ADDED":
      return {
        title: t("render.commentAdded", { who, plan }),
        body: n.comment?.body ?? "",
        href: href && n.comment ? `${href}#comment-${n.comment.id}` : href,
      };
    case "EVIDENCE_ADDED":
      return { title: t("render.evidenceAdded", { who, plan }), body: n.evidence?.title ?? "", href };
    case "EVIDENCE_RATED": {
      const evidence = n.evidence?.title ?? t("render.evidence");
      return {
        title: n.rating
          ? t("render.evidenceRatedAt", { who, evidence, level: n.rating.level.name })
          : t("render.evidenceRated", { who, evidence }),
        body: n.rating?.feedback ?? "",
        href: href && n.rating ? `${href}#goal-${n.rating.goalId}` : href,
      };
    }
    case "COMMENT_REPLIED":
      return {
        title: t("render.commentReplied", { who, plan }),
        body: n.comment?.body ?? "",
        href: href && n.comment ? `${href}#comment-${n.comment.id}` : href,
      };
    case "CHANGE_PROPOSED":
      return {
        title: t("render.changeProposed", { who, plan }),
        body: n.change?.note ?? "",
        href: href ? `${href}#proposed-change` : href,
      };
    case "CHANGE_DECIDED":
      return {
        title: n.change?.status === "APPROVED" ? t("render.changeApproved", { who, plan }) : t("render.changeDeclined", { who, plan }),
        body: n.change?.decisionNote ?? "",
        href,
      };
    case "REFLECTION_ADDED":
      return {
        title: t("render.reflectionAdded", { who, plan }),
        body: n.reflection?.learned ?? "",
        href: href && n.reflection ? `${href}#reflection-${n.reflection.id}` : href,
      };
    case "REFLECTION_REPLIED":
      return {
        title: t("render.reflectionReplied", { who, plan }),
        body: "",
        href: href && n.reflection ? `${href}#reflection-${n.reflection.id}` : href,
      };
    case "PROFILE_COMMENTED":
      return { title: t("render.profileCommented", { who }), body: "", href: "/profile" };
    case "AGREEMENT_TO_SIGN":
      return { title: t("render.agreementToSign", { plan }), body: "", href: agreement };
    case "AGREEMENT_ACTIVE":
      return { title: t("render.agreementActive", { plan }), body: "", href: agreement };
    case "EVALUATION_DUE":
      return { title: t("render.evaluationDue", { plan }), body: t("render.evaluationDueBody"), href: agreement };
    case "EVALUATION_RECORDED":
      return { title: t("render.evaluationRecorded", { who, plan }), body: "", href: agreement };
    case "RECORD_REVIEW_REQUESTED":
      return { title: t("render.recordReviewRequested", { who, record }), body: "", href: recordHref };
    case "RECORD_RATED":
      return { title: t("render.recordRated", { who, record }), body: "", href: recordHref };
    case "RECORD_SUGGESTED":
      return { title: t("render.recordSuggested", { record }), body: t("render.recordSuggestedBody"), href: recordHref };
    case "RETENTION_DUE":
      return { title: t("render.retentionDue"), body: t("render.retentionDueBody"), href: "/admin/retention" };
  }
}

/** What a status change did (as lib/plans/labels statusChangeText says it in English), in the reader's language. */
function statusChange(t: Translate, who: string, plan: string, from: PlanStatus | null, to: PlanStatus): string {
  if (from === null) return t("render.statusStarted", { who, plan });
  if (from === "ACTIVE" && to === "DRAFT") return t("render.statusSentBack", { who, plan });
  if (from === "COMPLETED" && to === "ACTIVE") return t("render.statusReopened", { who, plan });
  if (from === "SUBMITTED" && to === "DRAFT") return t("render.statusWithdrawn", { who, plan });
  return t("render.statusNow", { plan, status: t(`status.${to}`) });
}

/** How many notifications a page shows. */
export const NOTIFICATIONS_PAGE_SIZE = 25;

/**
 * One page of the actor's notifications, newest first, by keyset (older / newer): the cost is
 * the page's, however many a person has collected. Served by Notification(userId, createdAt).
 * Rendered in `locale` (the page's language); scripts and tests read English.
 */
export async function listNotifications(
  actor: Actor,
  request: PageRequest = {},
  size = NOTIFICATIONS_PAGE_SIZE,
  locale: Locale = DEFAULT_LOCALE,
) {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "notifications" });
  const page = keyset("createdAt", request, { descending: true, date: true, size });
  const { rows, resume } = await visibleRows(actor, request, size, page.take);
  const result = page.page(rows, (n) => n.createdAt);
  // The page stopped reading before it was full (rows the reader may not see, thousands of them):
  // the list goes on from where it stopped, not from its last row shown.
  if (resume?.after && !result.next) result.next = resume.after;
  if (resume?.before && !result.previous) result.previous = resume.before;
  return { ...result, items: result.items.map((n) => ({ id: n.id, readAt: n.readAt, createdAt: n.createdAt, ...render(n, t) })) };
}
export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];

/**
 * The next `take` notifications the actor may see from where `request` starts, in its reading order.
 * The person's rows are read by keyset a window at a time (Notification(userId, createdAt)) and
 * tested by visibleAmong; rows the rule hides are skipped and the next window read. After
 * MAX_WINDOWS windows it stops and says where to `resume`. Only the rows kept are then read whole.
 */
async function visibleRows(
  actor: Actor,
  request: PageRequest,
  size: number,
  take: number,
): Promise<{ rows: Row[]; resume: PageRequest | null }> {
  const window = Math.max(take, WINDOW);
  const kept: string[] = [];
  let from = request;
  let resume: PageRequest | null = null;
  for (let i = 0; kept.length < take; i++) {
    if (i === MAX_WINDOWS) {
      resume = from;
      break;
    }
    const page = keyset("createdAt", from, { descending: true, date: true, size });
    const candidates = await db.notification.findMany({
      where: { AND: [{ userId: actor.id }, page.where] },
      orderBy: page.orderBy,
      take: window,
      select: refSelect,
    });
    const visible = await visibleAmong(actor, candidates);
    kept.push(...candidates.filter((c) => visible.has(c.id)).map((c) => c.id));
    const last = candidates.at(-1);
    if (candidates.length < window || !last) break;
    // On past the window's last row, in the same direction (newer when reading backwards).
    const at = encodeCursor({ key: last.createdAt.toISOString(), id: last.id });
    from = page.orderBy[0]?.createdAt === "asc" ? { before: at } : { after: at };
  }
  const ids = kept.slice(0, take);
  const rows = ids.length ? await db.notification.findMany({ where: { userId: actor.id, id: { in: ids } }, select: renderSelect }) : [];
  const byId = new Map(rows.map((n) => [n.id, n]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), resume };
}

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
