// A plan's history: its revisions listed and compared, a past revision restored as the
// newest one, and the latest saved content for an editor who hit an edit conflict.
// Every read goes through findVisiblePlan, so a foreign plan is simply not found.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { displayName } from "@/lib/people/names";
import { findVisiblePlan } from "./access";
import { canRestoreRevision, canSeeHistory, REVISION_KIND_LABEL, restoreRevisionSchema } from "./change-policy";
import { droppedGoalWithEvidence, planFields, writePlanGoals } from "./content";
import { diffContent, type Content, type PlanDiff } from "./diff";
import { STATUS_LABEL } from "./labels";
import { planContent, recordRevision } from "./revisions";
import { planFormSchema, revisionContentSchema, type PlanFormInput } from "./schemas";

export const REVISION_PAGE_SIZE = 50;

const revisionSelect = {
  number: true,
  kind: true,
  createdAt: true,
  contentHash: true,
  author: { select: { id: true, name: true } },
} as const;

type RevisionRow = { number: number; kind: keyof typeof REVISION_KIND_LABEL; createdAt: Date; author: { id: string; name: string } | null };
const toRevision = (r: RevisionRow) => ({
  number: r.number,
  kind: r.kind,
  kindLabel: REVISION_KIND_LABEL[r.kind],
  createdAt: r.createdAt,
  author: displayName(r.author),
});
export type RevisionListItem = ReturnType<typeof toRevision>;

async function visibleForHistory(actor: Actor, planId: string) {
  const plan = await findVisiblePlan(db, actor, planId, { id: true, title: true, version: true });
  if (!canSeeHistory(plan)) throw new NotFoundError("That plan");
  return plan;
}

/**
 * A plan's revisions, newest first, a page at a time: `before` is the number after the
 * last one shown (keyset on the (planId, number) key, so a long history costs the same).
 */
export async function listRevisions(actor: Actor, planId: string, { before }: { before?: number } = {}) {
  const plan = await visibleForHistory(actor, planId);
  const rows = await db.planRevision.findMany({
    where: { planId: plan.id, ...(before ? { number: { lt: before } } : {}) },
    orderBy: { number: "desc" },
    take: REVISION_PAGE_SIZE + 1,
    select: revisionSelect,
  });
  const shown = rows.slice(0, REVISION_PAGE_SIZE);
  return {
    plan: { id: plan.id, title: plan.title, version: plan.version, status: plan.status, statusLabel: STATUS_LABEL[plan.status] },
    revisions: shown.map(toRevision),
    nextBefore: rows.length > REVISION_PAGE_SIZE ? (shown.at(-1)?.number ?? null) : null,
    allowed: { restore: canRestoreRevision(plan) },
  };
}
export type RevisionList = Awaited<ReturnType<typeof listRevisions>>;

/** Code and description of the standards a comparison mentions, from the plan's school or above. */
export async function standardNames(tx: Tx, school: { id: string; parentId: string | null; districtId: string }, diff: PlanDiff) {
  const ids = [...new Set(diff.goals.flatMap((g) => [...g.standards.added, ...g.standards.removed]))];
  if (!ids.length) return {};
  const owners = [school.id, school.parentId, school.districtId].filter((o): o is string => o !== null);
  const rows = await tx.standard.findMany({
    where: { id: { in: ids }, organizationId: { in: owners } },
    select: { id: true, code: true, description: true },
  });
  return Object.fromEntries(rows.map((s) => [s.id, { code: s.code, description: s.description }]));
}
export type StandardNames = Awaited<ReturnType<typeof standardNames>>;

/** Two revisions of a plan side by side with what changed from `from` to `to`. */
export async function compareRevisions(actor: Actor, planId: string, from: number, to: number) {
  const plan = await findVisiblePlan(db, actor, planId, { id: true, title: true, version: true });
  if (!canSeeHistory(plan)) throw new NotFoundError("That plan");
  const [rows, latest] = await Promise.all([
    db.planRevision.findMany({ where: { planId: plan.id, number: { in: [from, to] } }, select: { ...revisionSelect, content: true } }),
    db.planRevision.findFirst({ where: { planId: plan.id }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const find = (n: number) => {
    const row = rows.find((r) => r.number === n);
    if (!row) throw new NotFoundError(`Version ${n}`);
    return { ...toRevision(row), content: revisionContentSchema.parse(row.content) };
  };
  const [older, newer] = [find(from), find(to)];
  const diff = diffContent(older.content, newer.content);
  return {
    plan: { id: plan.id, title: plan.title, version: plan.version, latestRevision: latest?.number ?? 0 },
    from: older,
    to: newer,
    diff,
    standards: await standardNames(db, plan.school, diff),
    allowed: { restore: canRestoreRevision(plan) },
  };
}
export type RevisionComparison = Awaited<ReturnType<typeof compareRevisions>>;

/**
 * The plan as saved now, for an editor whose save met a conflict: the "theirs" of the
 * merge, with the version to save against. The version is read first, so at worst the
 * content is newer than it and the merged save meets a conflict again (never the reverse).
 */
export async function latestPlanForm(actor: Actor, planId: string): Promise<{ version: number; content: PlanFormInput }> {
  const plan = await findVisiblePlan(db, actor, planId, { id: true, version: true });
  const content: Content = await planContent(db, plan.id);
  return { version: plan.version, content };
}

/**
 * Brings back a past revision as the newest one (kind RESTORED). The content is checked
 * as any edit is; a goal that has evidence since and is not in the restored revision is
 * refused with its name, so nothing recorded against it is lost.
 */
export async function restoreRevision(actor: Actor, input: unknown): Promise<{ version: number; number: number }> {
  const { planId, version, number } = restoreRevisionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, schoolId: true });
    if (!canRestoreRevision(plan)) {
      throw new ForbiddenError(`This plan is ${STATUS_LABEL[plan.status].toLowerCase()} and cannot be changed now.`);
    }
    const revision = await tx.planRevision.findUnique({ where: { planId_number: { planId, number } }, select: { content: true } });
    if (!revision) throw new NotFoundError(`Version ${number}`);
    const parsed = planFormSchema.safeParse(revisionContentSchema.parse(revision.content));
    if (!parsed.success)
      throw new InputError(`Version ${number} cannot be restored as it is: ${parsed.error.issues[0]?.message ?? "it is incomplete"}`);
    const content = parsed.data;

    const dropped = await droppedGoalWithEvidence(
      tx,
      planId,
      content.goals.map((g) => g.id),
    );
    if (dropped) {
      throw new InputError(
        `Version ${number} cannot be restored: it does not have the goal “${dropped.title}”, which has evidence now. Edit the plan instead.`,
      );
    }

    const bumped = await tx.plan.updateMany({
      where: { id: planId, version },
      // Restoring is writing by hand: the plan stops following its template, like any edit.
      data: { ...planFields(content), version: { increment: 1 }, templateLinked: false },
    });
    if (bumped.count === 0) {
      throw new ConflictError("Someone changed this plan since you opened its history. Reload the page and choose again.");
    }
    await writePlanGoals(tx, { id: planId, school: plan.school }, content.goals, { strictIds: false });
    const restored = await recordRevision(tx, planId, "RESTORED", actor.id);
    await tx.planEvent.create({
      data: {
        planId,
        kind: "REVISION_RESTORED",
        actorId: actor.id,
        fromStatus: plan.status,
        toStatus: plan.status,
        note: `Version ${number} restored as version ${restored.number}.`,
      },
    });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "plan.restore",
      entityType: "Plan",
      entityId: planId,
      detail: { restored: number, as: restored.number },
    });
    return { version: version + 1, number: restored.number };
  });
}
