// A plan's conversation as its page shows it: comment threads (on the plan and on each
// goal) and reflections with their answers. Read through the plan's access, in a fixed
// number of queries whatever the plan holds.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { displayName } from "@/lib/people/names";
import { findVisiblePlan } from "@/lib/plans/access";
import { allowedInConversation, REFLECTABLE } from "./policy";

const person = { select: { id: true, name: true } } as const;

/** A comment thread still open: its first comment (threads are resolved there) not resolved. */
export const OPEN_THREAD = { parentId: null, resolvedAt: null } satisfies Prisma.CommentWhereInput;
const named = (p: { id: string; name: string } | null) => ({ id: p?.id ?? null, name: displayName(p) });

export type ConversationComment = { id: string; body: string; createdAt: Date; author: { id: string | null; name: string } };
export type CommentThread = ConversationComment & {
  goalId: string | null;
  replies: ConversationComment[];
  resolved: { at: Date; by: string } | null;
};

export async function getPlanConversation(actor: Actor, planId: string) {
  const plan = await findVisiblePlan(db, actor, planId, {
    id: true,
    deletedAt: true,
    goals: { orderBy: { position: "asc" }, select: { id: true, title: true } },
  });
  const [comments, reflections] = await Promise.all([
    db.comment.findMany({
      where: { planId: plan.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, goalId: true, parentId: true, body: true, createdAt: true, resolvedAt: true, author: person, resolvedBy: person },
    }),
    db.reflection.findMany({
      where: { planId: plan.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        goalId: true,
        learned: true,
        hard: true,
        next: true,
        createdAt: true,
        author: person,
        replies: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true, author: person } },
      },
    }),
  ]);

  const threads = new Map<string, CommentThread>();
  for (const c of comments) {
    const comment = { id: c.id, body: c.body, createdAt: c.createdAt, author: named(c.author) };
    if (c.parentId) threads.get(c.parentId)?.replies.push(comment);
    else
      threads.set(c.id, {
        ...comment,
        goalId: c.goalId,
        replies: [],
        resolved: c.resolvedAt ? { at: c.resolvedAt, by: displayName(c.resolvedBy) } : null,
      });
  }
  const all = [...threads.values()];
  return {
    planId: plan.id,
    goals: plan.goals.map((g, i) => ({ id: g.id, title: g.title, number: i + 1 })),
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
