// plans.json: each plan with everything that hangs off it. A guardian's export reads plans through
// plansVisibleTo, so it holds exactly what they could open.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";
import type { ExportableStudent } from "./access";
import { batches, mapped, oldestFirst, oldestFirstBatches } from "./batches";
import { evidencePath } from "./paths";

// A plan's own fields and its goals (a handful) are read a few plans at a time; what grows with
// the plan's life (revisions, events, evidence, the conversation…) is read per plan in batches of
// its own as the download reaches it, so a plan with thousands of revisions is never one read.
export const PLAN_BATCH = 10;
/** A revision holds the whole plan: fewer per batch. */
export const REVISION_BATCH = 50;
export const CHILD_BATCH = 200;
const person = { select: { id: true, name: true } } as const;
const level = { select: { name: true, points: true, proficient: true } } as const;
const byTime = oldestFirst;

export function planScope(actor: Actor, student: ExportableStudent): Prisma.PlanWhereInput {
  // An admin's export holds every plan, drafts in "Recently deleted" too (they still exist).
  if (student.scope === "district") return { studentId: student.id, school: { districtId: student.districtId } };
  return { AND: [plansVisibleTo(actor), { studentId: student.id }] };
}

export const evidenceSelect = {
  id: true,
  kind: true,
  title: true,
  text: true,
  url: true,
  fileName: true,
  fileType: true,
  fileSize: true,
  storageKey: true,
  statement: true,
  reflection: true,
  createdAt: true,
  addedBy: person,
  goals: { select: { goalId: true } },
  ratings: { orderBy: byTime, select: { id: true, goalId: true, feedback: true, createdAt: true, rater: person, level } },
} satisfies Prisma.EvidenceSelect;

const planSelect = {
  id: true,
  type: true,
  status: true,
  title: true,
  summary: true,
  startsOn: true,
  endsOn: true,
  version: true,
  guardianAckRequired: true,
  submittedAt: true,
  approvedAt: true,
  completedAt: true,
  archivedAt: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  templateId: true,
  templateLinked: true,
  templateVersion: true,
  school: { select: { id: true, name: true } },
  createdBy: person,
  approvedBy: person,
  goals: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      subject: true,
      title: true,
      successCriteria: true,
      masteryDemonstration: true,
      targetDate: true,
      createdAt: true,
      updatedAt: true,
      standards: { select: { standard: { select: { id: true, code: true, description: true } } } },
      activities: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          description: true,
          setting: true,
          timing: true,
          withWhom: true,
          resourceKind: true,
          resource: true,
          resourceUrl: true,
          createdAt: true,
        },
      },
    },
  },
} satisfies Prisma.PlanSelect;

type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>;

/** Evidence as the archive tells it: the stored file's name on disk stays inside Pathways; its place in the archive is given instead. */
export function evidenceOut({ storageKey, ...e }: EvidenceRow) {
  return { ...e, file: storageKey ? { name: e.fileName, type: e.fileType, size: e.fileSize, archivePath: evidencePath(e) } : null };
}

/** Every saved version of the plan, by number, a batch at a time. */
export function planRevisions(planId: string) {
  return batches(
    (last: { number: number } | undefined) =>
      db.planRevision.findMany({
        where: { planId, ...(last ? { number: { gt: last.number } } : {}) },
        orderBy: { number: "asc" },
        take: REVISION_BATCH,
        select: { id: true, number: true, kind: true, content: true, contentHash: true, createdAt: true, author: person },
      }),
    REVISION_BATCH,
  );
}

/** What else hangs off the plan and grows with it, each oldest first, a batch at a time when the download reaches it. */
function planHistory(planId: string) {
  const where = (afterLast: object) => ({ AND: [{ planId }, afterLast] });
  const read = { orderBy: oldestFirst, take: CHILD_BATCH } as const;
  return {
    revisions: planRevisions(planId),
    events: oldestFirstBatches(
      (afterLast) =>
        db.planEvent.findMany({
          where: where(afterLast),
          ...read,
          select: { id: true, kind: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: person },
        }),
      CHILD_BATCH,
    ),
    changes: oldestFirstBatches(
      (afterLast) =>
        db.planChange.findMany({
          where: where(afterLast),
          ...read,
          select: {
            id: true,
            status: true,
            basedOnVersion: true,
            content: true,
            note: true,
            decisionNote: true,
            decidedAt: true,
            createdAt: true,
            proposedBy: person,
            decidedBy: person,
          },
        }),
      CHILD_BATCH,
    ),
  };
}

function planConversation(planId: string) {
  const where = (afterLast: object) => ({ AND: [{ planId }, afterLast] });
  const read = { orderBy: oldestFirst, take: CHILD_BATCH } as const;
  return {
    evidence: mapped(
      oldestFirstBatches((afterLast) => db.evidence.findMany({ where: where(afterLast), ...read, select: evidenceSelect }), CHILD_BATCH),
      evidenceOut,
    ),
    comments: oldestFirstBatches(
      (afterLast) =>
        db.comment.findMany({
          where: where(afterLast),
          ...read,
          select: {
            id: true,
            goalId: true,
            parentId: true,
            body: true,
            resolvedAt: true,
            createdAt: true,
            author: person,
            resolvedBy: person,
          },
        }),
      CHILD_BATCH,
    ),
    reflections: oldestFirstBatches(
      (afterLast) =>
        db.reflection.findMany({
          where: where(afterLast),
          ...read,
          select: {
            id: true,
            goalId: true,
            learned: true,
            hard: true,
            next: true,
            createdAt: true,
            author: person,
            replies: { orderBy: byTime, select: { id: true, body: true, createdAt: true, author: person } },
          },
        }),
      CHILD_BATCH,
    ),
    acknowledgments: oldestFirstBatches(
      (afterLast) =>
        db.guardianAcknowledgment.findMany({
          where: where(afterLast),
          ...read,
          select: { id: true, planVersion: true, signedName: true, createdAt: true, guardian: person },
        }),
      CHILD_BATCH,
    ),
  };
}

/** Each plan with its history; the lists in it are read when the JSON writer reaches them (json.ts). */
export function plans(actor: Actor, student: ExportableStudent) {
  const where = planScope(actor, student);
  const rows = oldestFirstBatches(
    (afterLast) => db.plan.findMany({ where: { AND: [where, afterLast] }, orderBy: oldestFirst, take: PLAN_BATCH, select: planSelect }),
    PLAN_BATCH,
  );
  return mapped(rows, ({ goals, ...plan }) => ({ ...plan, ...planHistory(plan.id), goals, ...planConversation(plan.id) }));
}
