// profile.json, notifications.json and disclosure-log.json: the student as Pathways knows them, what
// Pathways told them, and who opened their records. A guardian's export keeps to the family's view:
// notifications only about what the guardian may open, the disclosure log as the family's page shows it.
import "server-only";
import { agreementsVisibleTo } from "@/lib/agreements/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { familyLookup } from "@/lib/disclosure/family";
import { lookupFor } from "@/lib/disclosure/queries";
import { entryText, whoText } from "@/lib/disclosure/words";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { plansVisibleTo } from "@/lib/plans/access";
import { recordsVisibleTo } from "@/lib/records/access";
import type { ExportableStudent } from "./access";
import { batches, oldestFirst, oldestFirstBatches } from "./batches";

const BATCH = 200;
const person = { select: { id: true, name: true } } as const;

/** The student, their schools, classes and family, and their learner profile as it is now. */
export async function studentFacts(student: ExportableStudent) {
  return db.user.findUniqueOrThrow({
    where: { id: student.id },
    select: {
      id: true,
      name: true,
      email: true,
      sourcedId: true,
      createdAt: true,
      disabledAt: true,
      memberships: {
        orderBy: oldestFirst,
        select: { role: true, createdAt: true, endedAt: true, organization: { select: { id: true, name: true, type: true } } },
      },
      enrollments: {
        orderBy: oldestFirst,
        select: {
          role: true,
          beginsOn: true,
          endsOn: true,
          createdAt: true,
          class: {
            select: { id: true, name: true, school: { select: { name: true } }, course: { select: { title: true, subject: true } } },
          },
        },
      },
      guardedBy: {
        orderBy: oldestFirst,
        // A family's copy names the other guardians but not their addresses (separated parents).
        select: {
          relationship: true,
          createdAt: true,
          guardian: { select: { id: true, name: true, email: student.scope === "district" } },
        },
      },
      profile: {
        select: {
          gradeLevel: true,
          strengths: true,
          needs: true,
          interests: true,
          learningPreferences: true,
          aspirations: true,
          engagement: true,
          representation: true,
          expression: true,
          preferredSettings: true,
          birthDate: true,
          updatedAt: true,
        },
      },
    },
  });
}

export function profileRevisions(student: ExportableStudent) {
  return batches(
    (last: { number: number } | undefined) =>
      db.studentProfileRevision.findMany({
        where: { studentId: student.id, ...(last ? { number: { gt: last.number } } : {}) },
        orderBy: { number: "asc" },
        take: BATCH,
        select: { id: true, number: true, content: true, createdAt: true, author: person },
      }),
    BATCH,
  );
}

export function profileComments(student: ExportableStudent) {
  return oldestFirstBatches(
    (afterLast) =>
      db.profileComment.findMany({
        where: { AND: [{ studentId: student.id }, afterLast] },
        orderBy: oldestFirst,
        take: BATCH,
        select: { id: true, body: true, createdAt: true, author: person },
      }),
    BATCH,
  );
}

/** A notification names a plan, a record, an agreement…: the guardian's export keeps those they may open. */
function familyNotifications(actor: Actor): Prisma.NotificationWhereInput[] {
  const plan = plansVisibleTo(actor);
  return [
    { OR: [{ planId: null }, { plan }] },
    { OR: [{ evidenceId: null }, { evidence: { plan } }] },
    { OR: [{ commentId: null }, { comment: { plan } }] },
    { OR: [{ reflectionId: null }, { reflection: { plan } }] },
    { OR: [{ changeId: null }, { change: { plan } }] },
    { OR: [{ ratingId: null }, { rating: { evidence: { plan } } }] },
    { OR: [{ eventId: null }, { event: { plan } }] },
    { OR: [{ recordId: null }, { record: recordsVisibleTo(actor) }] },
    { OR: [{ agreementId: null }, { agreement: agreementsVisibleTo(actor) }] },
  ];
}

export function notifications(actor: Actor, student: ExportableStudent) {
  const where: Prisma.NotificationWhereInput = {
    AND: [{ userId: student.id }, ...(student.scope === "family" ? familyNotifications(actor) : [])],
  };
  return oldestFirstBatches(
    (afterLast) =>
      db.notification.findMany({
        where: { AND: [where, afterLast] },
        orderBy: oldestFirst,
        take: BATCH,
        select: {
          id: true,
          type: true,
          createdAt: true,
          readAt: true,
          emailedAt: true,
          digestedAt: true,
          actor: person,
          planId: true,
          eventId: true,
          commentId: true,
          evidenceId: true,
          ratingId: true,
          reflectionId: true,
          changeId: true,
          agreementId: true,
          recordId: true,
        },
      }),
    BATCH,
  );
}

/**
 * The disclosure log about the student: all of it for an admin; for the family, what their page
 * shows (outsiders' reads, no addresses, no title of a record the guardian may not open).
 */
export async function* disclosureLog(actor: Actor, student: ExportableStudent) {
  let where: Prisma.DisclosureEventWhereInput = { studentId: student.id, districtId: student.districtId };
  if (student.scope === "family") {
    const guardians = await db.guardianLink.findMany({ where: { studentId: student.id }, select: { guardianId: true } });
    const family = [student.id, ...guardians.map((g) => g.guardianId)];
    where = { AND: [where, { allowed: true, actorId: { not: null } }, { actorId: { notIn: family } }] };
  }
  const rows = oldestFirstBatches(
    (afterLast) =>
      db.disclosureEvent.findMany({
        where: { AND: [where, afterLast] },
        orderBy: oldestFirst,
        take: BATCH,
        select: {
          id: true,
          createdAt: true,
          actorId: true,
          studentId: true,
          action: true,
          entityType: true,
          entityId: true,
          allowed: true,
          ip: true,
        },
      }),
    BATCH,
  );
  // Names and titles are looked up once per batch of entries, never per entry.
  let batch: Prisma.DisclosureEventGetPayload<{
    select: {
      id: true;
      createdAt: true;
      actorId: true;
      studentId: true;
      action: true;
      entityType: true;
      entityId: true;
      allowed: true;
      ip: true;
    };
  }>[] = [];
  const flush = async function* () {
    const lookup =
      student.scope === "family" ? await familyLookup(actor, student.districtId, batch) : await lookupFor(student.districtId, batch);
    for (const r of batch) {
      yield {
        id: r.id,
        at: r.createdAt,
        who: { id: r.actorId, name: whoText(r.actorId, lookup) },
        action: r.action,
        record: { type: r.entityType, id: r.entityId },
        allowed: r.allowed,
        ...(student.scope === "district" ? { ip: r.ip } : {}),
        text: entryText(r, lookup),
      };
    }
    batch = [];
  };
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= BATCH) yield* flush();
  }
  if (batch.length) yield* flush();
}
