// A plan's conversation as its page shows it: comment threads (on the plan and on each
// goal) and reflections with their answers. Read through the plan's access, in a fixed
// number of queries whatever the plan holds.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { PlanStatus, Prisma } from "@/lib/generated/prisma/client.ts";
import { displayName } from "@/lib/people/names";
import { visiblePlanRelations } from "@/lib/plans/access";
import { allowedInConversation, REFLECTABLE } from "./policy";

/** A comment thread still open: its first comment (threads are resolved there) not resolved. */
export const OPEN_THREAD = { parentId: null, resolvedAt: null } satisfies Prisma.CommentWhereInput;
const named = (p: { id: string; name: string } | null) => ({ id: p?.id ?? null, name: displayName(p) });

export type ConversationComment = { id: string; body: string; createdAt: Date; author: { id: string | null; name: string } };
export type CommentThread = ConversationComment & {
  goalId: string | null;
  replies: ConversationComment[];
  resolved: { at: Date; by: string } | null;
};

type PersonColumns = { authorId: string | null; authorName: string | null };
type CommentRow = PersonColumns & {
  id: string;
  goalId: string | null;
  parentId: string | null;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolverId: string | null;
  resolverName: string | null;
};
type ReflectionRow = PersonColumns & { id: string; goalId: string | null; learned: string; hard: string; next: string; createdAt: Date };
type ReplyRow = PersonColumns & { id: string; reflectionId: string; body: string; createdAt: Date };
const authorOf = (r: PersonColumns) => (r.authorId === null ? null : { id: r.authorId, name: r.authorName as string });

/**
 * The conversation of a plan the actor may see. Its reads are plain statements by the plan's id:
 * as nested Prisma selects (author, resolver, replies and their authors) they cost the plan page
 * about 6 ms of CPU to prepare on every load (issue 12); conversation.test.ts covers what they give.
 */
export async function getPlanConversation(actor: Actor, planId: string) {
  const related = await visiblePlanRelations(actor, planId);
  const [plans, goals, comments, reflectionRows, replies] = await Promise.all([
    db.$queryRaw<{ status: PlanStatus }[]>`SELECT status::text AS status FROM "Plan" WHERE id = ${planId} AND "deletedAt" IS NULL`,
    db.$queryRaw<{ id: string; title: string }[]>`SELECT id, title FROM "Goal" WHERE "planId" = ${planId} ORDER BY position, id`,
    db.$queryRaw<CommentRow[]>`
      SELECT c.id, c."goalId", c."parentId", c.body, c."createdAt", c."resolvedAt", a.id AS "authorId", a.name AS "authorName",
        r.id AS "resolverId", r.name AS "resolverName"
      FROM "Comment" c
      LEFT JOIN "User" a ON a.id = c."authorId"
      LEFT JOIN "User" r ON r.id = c."resolvedById"
      WHERE c."planId" = ${planId}
      ORDER BY c."createdAt", c.id`,
    db.$queryRaw<ReflectionRow[]>`
      SELECT f.id, f."goalId", f.learned, f.hard, f.next, f."createdAt", a.id AS "authorId", a.name AS "authorName"
      FROM "Reflection" f
      LEFT JOIN "User" a ON a.id = f."authorId"
      WHERE f."planId" = ${planId}
      ORDER BY f."createdAt", f.id`,
    db.$queryRaw<ReplyRow[]>`
      SELECT y.id, y."reflectionId", y.body, y."createdAt", a.id AS "authorId", a.name AS "authorName"
      FROM "Reflection" f
      JOIN "ReflectionReply" y ON y."reflectionId" = f.id
      LEFT JOIN "User" a ON a.id = y."authorId"
      WHERE f."planId" = ${planId}
      ORDER BY y."createdAt", y.id`,
  ]);
  const row = plans[0];
  if (!row) throw new NotFoundError("That plan");
  const plan = { id: planId, status: row.status, deletedAt: null, relations: related.relations };
  const repliesOf = new Map<string, ReplyRow[]>();
  for (const r of replies) repliesOf.set(r.reflectionId, [...(repliesOf.get(r.reflectionId) ?? []), r]);
  const reflections = reflectionRows.map(({ authorId, authorName, ...r }) => ({
    ...r,
    author: authorOf({ authorId, authorName }),
    replies: (repliesOf.get(r.id) ?? []).map((y) => ({ id: y.id, body: y.body, createdAt: y.createdAt, author: authorOf(y) })),
  }));

  const threads = new Map<string, CommentThread>();
  for (const c of comments) {
    const comment = { id: c.id, body: c.body, createdAt: c.createdAt, author: named(authorOf(c)) };
    if (c.parentId) threads.get(c.parentId)?.replies.push(comment);
    else
      threads.set(c.id, {
        ...comment,
        goalId: c.goalId,
        replies: [],
        resolved: c.resolvedAt
          ? { at: c.resolvedAt, by: displayName(c.resolverId === null ? null : { name: c.resolverName as string }) }
          : null,
      });
  }
  const all = [...threads.values()];
  return {
    planId: plan.id,
    goals: goals.map((g, i) => ({ id: g.id, title: g.title, number: i + 1 })),
    threads: all,
    openThreads: all.filter((t) => !t.resolved).length,
    reflections: reflections.map((r) => ({
      ...r,
      author: named(r.author),
      replies: r.replies.map((reply) => ({ ...reply, author: named(reply.author) })),
    })),
    /** Whether reflections belong on the page now: the plan is under way or done, or some were written. */
    reflectionsShown: REFLECTABLE.includes(plan.status) || reflections.length > 0,
    allowed: allowedInConversation(plan),
  };
}
export type PlanConversation = Awaited<ReturnType<typeof getPlanConversation>>;
export type ReflectionView = PlanConversation["reflections"][number];
