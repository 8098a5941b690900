// agreements.json: each independent study agreement with its versions, signatures, assignments and
// evaluations. A guardian's export reads agreements through agreementsVisibleTo, so it holds
// exactly what they could open.
import "server-only";
import { agreementsVisibleTo } from "@/lib/agreements/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { ExportableStudent } from "./access";
import { batches, mapped, oldestFirst, oldestFirstBatches } from "./batches";
import { CHILD_BATCH, REVISION_BATCH } from "./plans";

const person = { select: { id: true, name: true } } as const;
const byTime = oldestFirst;

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
  signatures: {
    orderBy: [{ signedAt: "asc" }, { id: "asc" }],
    select: { id: true, revisionId: true, role: true, typedName: true, contentHash: true, signedAt: true, signer: person },
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

/** An agreement's versions (each whole) and its assignments (a year of work) grow with it: read a batch at a time. */
function agreementHistory(agreementId: string) {
  return {
    revisions: batches(
      (last: { number: number } | undefined) =>
        db.agreementRevision.findMany({
          where: { agreementId, ...(last ? { number: { gt: last.number } } : {}) },
          orderBy: { number: "asc" },
          take: REVISION_BATCH,
          select: { id: true, number: true, content: true, contentHash: true, createdAt: true, author: person },
        }),
      REVISION_BATCH,
    ),
    assignments: oldestFirstBatches(
      (afterLast) =>
        db.studyAssignment.findMany({
          where: { AND: [{ agreementId }, afterLast] },
          orderBy: oldestFirst,
          take: CHILD_BATCH,
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
        }),
      CHILD_BATCH,
    ),
  };
}

export function agreements(actor: Actor, student: ExportableStudent) {
  const where = agreementScope(actor, student);
  const rows = oldestFirstBatches(
    (afterLast) =>
      db.studyAgreement.findMany({
        where: { AND: [where, afterLast] },
        orderBy: oldestFirst,
        take: AGREEMENT_BATCH,
        select: agreementSelect,
      }),
    AGREEMENT_BATCH,
  );
  return mapped(rows, ({ signatures, evaluations, ...agreement }) => ({
    ...agreement,
    ...agreementHistory(agreement.id),
    signatures,
    evaluations,
  }));
}
