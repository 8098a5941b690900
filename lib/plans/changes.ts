// Proposed changes to an active plan: the student proposes the whole new content with a
// note, a teacher of the student approves (it is applied as a new revision) or declines
// with a reason, the student may withdraw it while it waits. The plan stays active all
// along, and at most one proposal waits per plan (a partial unique index keeps it so).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import type { ChangeStatus, Prisma } from "@/lib/generated/prisma/client.ts";
import { notify, teacherIdsOf } from "@/lib/notifications/notify";
import { displayName } from "@/lib/people/names";
import { findVisiblePlan, findVisiblePlanRow } from "./access";
import {
  canDecideChange,
  canProposeChange,
  canWithdrawChange,
  decideChangeSchema,
  proposeChangeSchema,
  withdrawChangeSchema,
} from "./change-policy";
import { checkStandards, droppedGoalWithEvidence, planFields, writePlanGoals } from "./content";
import { diffContent } from "./diff";
import { standardNames } from "./history";
import { STATUS_LABEL } from "./labels";
import { planContent, recordRevision } from "./revisions";
import { planFormSchema, revisionContentSchema, type PlanFormInput } from "./schemas";

const ONE_PENDING = "A proposed change to this plan is already waiting for the teacher. Withdraw it first to propose a different one.";
const STALE =
  "The plan has changed since this change was proposed, so approving it could undo those changes. Decline it with a note, and the student can propose it again on the current plan.";

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ((error as { code?: unknown }).code === "P2002" || /unique constraint/i.test(String((error as { message?: unknown }).message)));

/** The plan's content as the propose form starts from, or why it cannot be proposed now. */
export async function proposalForm(actor: Actor, planId: string) {
  const plan = await findVisiblePlan(db, actor, planId, {
    id: true,
    title: true,
    version: true,
    schoolId: true,
    changes: { where: { status: "PENDING" }, select: { id: true }, take: 1 },
  });
  const initial: PlanFormInput = await planContent(db, plan.id);
  return {
    plan: { id: plan.id, title: plan.title, version: plan.version, schoolId: plan.schoolId },
    initial,
    allowed: canProposeChange(plan),
    pending: plan.changes.length > 0,
  };
}

export async function proposeChange(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, version, plan, note } = proposeChangeSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const current = await findVisiblePlan(tx, actor, planId, { id: true, version: true, schoolId: true });
      if (!canProposeChange(current)) {
        throw new ForbiddenError(
          `Changes are proposed on active plans by their student. This plan is ${STATUS_LABEL[current.status].toLowerCase()}.`,
        );
      }
      if (current.version !== version) {
        throw new ConflictError(
          "The plan changed while you were writing your proposal. Your text is still in the form: reload to start from the current plan.",
        );
      }
      if (await tx.planChange.findFirst({ where: { planId, status: "PENDING" }, select: { id: true } }))
        throw new ConflictError(ONE_PENDING);
      await checkIds(tx, planId, plan);
      await checkStandards(tx, current.school, plan.goals);
      // Said now rather than when the teacher tries to approve it.
      const dropped = await droppedGoalWithEvidence(
        tx,
        planId,
        plan.goals.map((g) => g.id),
      );
      if (dropped)
        throw new InputError(`The goal “${dropped.title}” already has evidence, so it cannot be dropped. Keep it in your proposal.`);
      const change = await tx.planChange.create({
        data: { planId, proposedById: actor.id, basedOnVersion: version, content: plan as Prisma.InputJsonValue, note },
        select: { id: true },
      });
      const event = await tx.planEvent.create({
        data: { planId, kind: "CHANGE_PROPOSED", actorId: actor.id, fromStatus: current.status, toStatus: current.status, note },
        select: { id: true },
      });
      await notify(
        tx,
        (await teacherIdsOf(tx, current.studentId)).filter((id) => id !== actor.id),
        {
          type: "CHANGE_PROPOSED",
          actorId: actor.id,
          planId,
          eventId: event.id,
          changeId: change.id,
        },
      );
      await recordAudit(tx, {
        organizationId: current.schoolId,
        actorId: actor.id,
        action: "plan.change.propose",
        entityType: "Plan",
        entityId: planId,
        detail: { changeId: change.id },
      });
      return change;
    });
  } catch (error) {
    // Two proposals sent at once: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw new ConflictError(ONE_PENDING);
    throw error;
  }
}

/** Goal and activity ids in a proposal must be this plan's own: a tampered id is refused. */
async function checkIds(tx: Tx, planId: string, plan: PlanFormInput) {
  const goalIds = plan.goals.map((g) => g.id).filter((id): id is string => !!id);
  const activityIds = plan.goals.flatMap((g) => g.activities.map((a) => a.id)).filter((id): id is string => !!id);
  const [goals, activities] = await Promise.all([
    goalIds.length ? tx.goal.count({ where: { planId, id: { in: goalIds } } }) : 0,
    activityIds.length ? tx.activity.count({ where: { goal: { planId }, id: { in: activityIds } } }) : 0,
  ]);
  if (goals !== new Set(goalIds).size || activities !== new Set(activityIds).size) {
    throw new InputError("One of the goals or activities is not part of this plan. Reload the page and try again.");
  }
}

async function pendingChange(tx: Tx, planId: string, changeId: string) {
  const change = await tx.planChange.findFirst({
    where: { id: changeId, planId, status: "PENDING" },
    select: { id: true, basedOnVersion: true, content: true, proposedById: true },
  });
  if (!change) throw new NotFoundError("That proposed change");
  return change;
}

export async function decideChange(actor: Actor, input: unknown): Promise<{ status: "APPROVED" | "DECLINED" }> {
  const { planId, changeId, decision, note } = decideChangeSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, version: true, schoolId: true });
    if (!canDecideChange(plan)) throw new ForbiddenError("Only a teacher of the student decides on a proposed change to an active plan.");
    const change = await pendingChange(tx, planId, changeId);
    const status = decision === "approve" ? "APPROVED" : "DECLINED";

    if (status === "APPROVED") {
      if (change.basedOnVersion !== plan.version) throw new ConflictError(STALE);
      const parsed = planFormSchema.safeParse(revisionContentSchema.parse(change.content));
      if (!parsed.success) throw new InputError("This proposed change is incomplete and cannot be applied. Decline it with a note.");
      const content = parsed.data;
      // The version check and bump in one statement: a concurrent approval or edit loses cleanly.
      const bumped = await tx.plan.updateMany({
        where: { id: planId, version: change.basedOnVersion, status: "ACTIVE" },
        data: { ...planFields(content), version: { increment: 1 } },
      });
      if (bumped.count === 0) throw new ConflictError(STALE);
      await writePlanGoals(tx, { id: planId, school: plan.school }, content.goals, { strictIds: false });
      await recordRevision(tx, planId, "CHANGE_APPROVED", actor.id);
    }

    const decided = await tx.planChange.updateMany({
      where: { id: changeId, status: "PENDING" },
      data: { status, decidedById: actor.id, decidedAt: new Date(), decisionNote: note },
    });
    if (decided.count === 0) throw new ConflictError("Someone else decided on this change a moment ago. Reload the page to see it.");
    const event = await tx.planEvent.create({
      data: {
        planId,
        kind: status === "APPROVED" ? "CHANGE_APPROVED" : "CHANGE_DECLINED",
        actorId: actor.id,
        fromStatus: plan.status,
        toStatus: plan.status,
        note,
      },
      select: { id: true },
    });
    await notify(
      tx,
      [plan.studentId].filter((id) => id !== actor.id),
      { type: "CHANGE_DECIDED", actorId: actor.id, planId, eventId: event.id, changeId },
    );
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: status === "APPROVED" ? "plan.change.approve" : "plan.change.decline",
      entityType: "Plan",
      entityId: planId,
      detail: { changeId },
    });
    return { status };
  });
}

export async function withdrawChange(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { planId, changeId } = withdrawChangeSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, schoolId: true });
    const change = await pendingChange(tx, planId, changeId);
    if (!canWithdrawChange(plan, change, actor.id)) throw new ForbiddenError("Only the student who proposed a change can withdraw it.");
    const withdrawn = await tx.planChange.updateMany({
      where: { id: changeId, status: "PENDING" },
      data: { status: "WITHDRAWN", decidedById: actor.id, decidedAt: new Date() },
    });
    if (withdrawn.count === 0) throw new ConflictError("This change was decided a moment ago. Reload the page to see it.");
    await tx.planEvent.create({
      data: { planId, kind: "CHANGE_WITHDRAWN", actorId: actor.id, fromStatus: plan.status, toStatus: plan.status },
    });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "plan.change.withdraw",
      entityType: "Plan",
      entityId: planId,
      detail: { changeId },
    });
    return { id: changeId };
  });
}

const CHANGE_HISTORY_SIZE = 20;

/**
 * What the plan page's "Proposed change" panel shows: the waiting proposal with its
 * changes against the plan as it is now, what the actor may do, and the latest decided
 * proposals (newest first, a bounded number).
 */
type ChangeRow = {
  id: string;
  status: ChangeStatus;
  basedOnVersion: number;
  content: Prisma.JsonValue;
  note: string;
  decisionNote: string;
  createdAt: Date;
  decidedAt: Date | null;
  proposedById: string | null;
  proposedBy: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
};

export async function getPlanChanges(actor: Actor, planId: string) {
  const plan = await findVisiblePlanRow(actor, planId);
  // Plain SQL by the plan's id (issue 12: the plan page's loaders each compiled their own queries).
  const rows = (
    await db.$queryRaw<
      (Omit<ChangeRow, "proposedBy" | "decidedBy"> & {
        proposerName: string | null;
        deciderName: string | null;
        deciderId: string | null;
      })[]
    >`
      SELECT c.id, c.status::text AS status, c."basedOnVersion", c.content, c.note, c."decisionNote", c."createdAt", c."decidedAt",
        c."proposedById", pu.name AS "proposerName", du.id AS "deciderId", du.name AS "deciderName"
      FROM "PlanChange" c
      LEFT JOIN "User" pu ON pu.id = c."proposedById"
      LEFT JOIN "User" du ON du.id = c."decidedById"
      WHERE c."planId" = ${plan.id}
      ORDER BY c."createdAt" DESC, c.id ASC
      LIMIT ${CHANGE_HISTORY_SIZE}`
  ).map(({ proposerName, deciderName, deciderId, ...r }) => ({
    ...r,
    proposedBy: r.proposedById === null || proposerName === null ? null : { id: r.proposedById, name: proposerName },
    decidedBy: deciderId === null || deciderName === null ? null : { id: deciderId, name: deciderName },
  }));
  const pendingRow = rows.find((r) => r.status === "PENDING");
  let pending = null;
  if (pendingRow) {
    const diff = diffContent(await planContent(db, plan.id), revisionContentSchema.parse(pendingRow.content));
    pending = {
      id: pendingRow.id,
      note: pendingRow.note,
      createdAt: pendingRow.createdAt,
      proposedBy: displayName(pendingRow.proposedBy),
      stale: pendingRow.basedOnVersion !== plan.version,
      diff,
      standards: await standardNames(db, plan.school, diff),
      withdraw: canWithdrawChange(plan, pendingRow, actor.id),
    };
  }
  return {
    planId: plan.id,
    pending,
    decided: rows
      .filter((r) => r.status !== "PENDING")
      .map((r) => ({
        id: r.id,
        status: r.status,
        note: r.note,
        decisionNote: r.decisionNote,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        proposedBy: displayName(r.proposedBy),
        decidedBy: displayName(r.decidedBy),
      })),
    allowed: { propose: canProposeChange(plan) && !pendingRow, decide: canDecideChange(plan) && !!pendingRow },
  };
}
export type PlanChanges = Awaited<ReturnType<typeof getPlanChanges>>;
