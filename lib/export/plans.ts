// plans.json and agreements.json: each plan with everything that hangs off it, each independent
// study agreement with its versions and signatures. A guardian's export reads plans through
// plansVisibleTo and agreements through agreementsVisibleTo, so it holds exactly what they could open.
import "server-only";
import { agreementsVisibleTo } from "@/lib/agreements/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";
import type { ExportableStudent } from "./access";
import { mapped, oldestFirst, oldestFirstBatches } from "./batches";
import { evidencePath } from "./paths";

// A plan carries its whole history: a few plans per batch keep each read small.
export const PLAN_BATCH = 10;
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
  revisions: {
    orderBy: { number: "asc" },
    select: { id: true, number: true, kind: true, content: true, contentHash: true, createdAt: true, author: person },
  },
  events: {
    orderBy: byTime,
    select: { id: true, kind: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: person },
  },
  changes: {
    orderBy: byTime,
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
  },
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
  evidence: { orderBy: byTime, select: evidenceSelect },
  comments: {
    orderBy: byTime,
    select: { id: true, goalId: true, parentId: true, body: true, resolvedAt: true, createdAt: true, author: person, resolvedBy: person },
  },
  reflections: {
    orderBy: byTime,
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
  },
  acknowledgments: { orderBy: byTime, select: { id: true, planVersion: true, signedName: true, createdAt: true, guardian: person } },
} satisfies Prisma.PlanSelect;

type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>;

/** Evidence as the archive tells it: the stored file's name on disk stays inside Pathways; its place in the archive is given instead. */
export function evidenceOut({ storageKey, ...e }: EvidenceRow) {
  return { ...e, file: storageKey ? { name: e.fileName, type: e.fileType, size: e.fileSize, archivePath: evidencePath(e) } : null };
}

export function plans(actor: Actor, student: ExportableStudent) {
  const where = planScope(actor, student);
  const rows = oldestFirstBatches(
    (afterLast) => db.plan.findMany({ where: { AND: [where, afterLast] }, orderBy: oldestFirst, take: PLAN_BATCH, select: planSelect }),
    PLAN_BATCH,
  );
  return mapped(rows, (p) => ({ ...p, evidence: p.evidence.map(evidenceOut) }));
}

const AGREEMENT_BATCH = 10;

export function agreementScope(actor: Actor, student: ExportableStudent): Prisma.StudyAgreementWhereInput {
  if (student.scope === "district") return { plan: { studentId: student.id, school: { districtId: student.districtId } } };
  return { AND: [agreementsVisibleTo(actor), { plan: { studentId: student.id } }] };
}

const agreementSelect = {
  id: true,
  planId: true,
  status: true,
  content: true,
  startsOn: true,
  endsOn: true,
  version: true,
  evaluationDueAt: true,
  activatedAt: true,
  createdAt: true,
  updatedAt: true,
  plan: { select: { title: true } },
  supervisingTeacher: person,
  assistants: { orderBy: { userId: "asc" }, select: { role: true, user: person } },
  revisions: {
    orderBy: { number: "asc" },
    select: { id: true, number: true, content: true, contentHash: true, createdAt: true, author: person },
  },
  signatures: {
    orderBy: [{ signedAt: "asc" }, { id: "asc" }],
    select: { id: true, revisionId: true, role: true, typedName: true, contentHash: true, signedAt: true, signer: person },
  },
  assignments: {
    orderBy: byTime,
    select: {
      id: true,
      subject: true,
      title: true,
      description: true,
      assignedOn: true,
      dueOn: true,
      status: true,
      evidenceId: true,
      submittedAt: true,
      timeValueMinutes: true,
      recordedAt: true,
      recordedBy: person,
      createdAt: true,
    },
  },
  evaluations: {
    orderBy: byTime,
    select: {
      id: true,
      evaluatedOn: true,
      outcome: true,
      notes: true,
      returnOn: true,
      missedCount: true,
      createdAt: true,
      recordedBy: person,
    },
  },
} satisfies Prisma.StudyAgreementSelect;

export function agreements(actor: Actor, student: ExportableStudent) {
  const where = agreementScope(actor, student);
  return oldestFirstBatches(
    (afterLast) =>
      db.studyAgreement.findMany({
        where: { AND: [where, afterLast] },
        orderBy: oldestFirst,
        take: AGREEMENT_BATCH,
        select: agreementSelect,
      }),
    AGREEMENT_BATCH,
  );
}
