// The family's view of the disclosure log: the student and their linked guardians see who outside
// the family opened the child's records (teachers, admins). Only they: a teacher or admin who may
// see the student does not find this page (NotFoundError), so the log is not read by the people it lists.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { keyset, type KeysetPage, type PageRequest } from "@/lib/people/listing";
import { plansVisibleTo } from "@/lib/plans/access";
import { recordsVisibleTo } from "@/lib/records/access";
import { lookupFor, type DisclosureEntry } from "./queries";
import { entryParts, entryText, studentText, whoText, type Lookup } from "./words";

export const FAMILY_PAGE = 25;

/** The student (when the actor is them, or a guardian linked to them), or NotFoundError. */
async function familyStudent(actor: Actor, studentId: string) {
  const roles = new Set(actor.memberships.map((m) => m.role));
  const self = actor.id === studentId && roles.has("STUDENT");
  const student = await db.user.findFirst({
    where: {
      id: studentId,
      districtId: actor.districtId,
      memberships: { some: { role: "STUDENT" } },
      ...(self ? {} : roles.has("GUARDIAN") ? { guardedBy: { some: { guardianId: actor.id } } } : { id: { in: [] } }),
    },
    select: { id: true, name: true, guardedBy: { select: { guardianId: true } } },
  });
  if (!student) throw new NotFoundError("That student");
  return student;
}

type Named = { actorId: string | null; studentId: string | null; entityType: string; entityId: string };

/**
 * Names and titles for entries the family reads (this page, and a guardian's export): a record's
 * title only where the actor may open that record — a plan (an agreement names its plan) through
 * plansVisibleTo, evidence through its plan, a learning record through recordsVisibleTo. Another
 * title is left out and the entry says "Maya's plan": a draft never submitted stays the student's,
 * title and all, even when a teacher opened it.
 */
export async function familyLookup(actor: Actor, districtId: string, rows: readonly Named[]): Promise<Lookup> {
  const lookup = await lookupFor(districtId, rows);
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const [plans, evidence, records] = [ids("Plan"), ids("Evidence"), ids("LearningRecord")];
  const plan = plansVisibleTo(actor);
  const visible = await Promise.all([
    plans.length ? db.plan.findMany({ where: { AND: [plan, { id: { in: plans } }] }, select: { id: true } }) : [],
    evidence.length ? db.evidence.findMany({ where: { id: { in: evidence }, plan }, select: { id: true } }) : [],
    records.length
      ? db.learningRecord.findMany({ where: { AND: [recordsVisibleTo(actor), { id: { in: records } }] }, select: { id: true } })
      : [],
  ]);
  const open = new Set(visible.flat().map((x) => x.id));
  return { ...lookup, titles: new Map([...lookup.titles].filter(([id]) => open.has(id))) };
}

/** Who outside the family opened the child's records, newest first, by keyset. */
export async function familyAccessLog(
  actor: Actor,
  studentId: string,
  request: PageRequest = {},
): Promise<{ student: { id: string; name: string }; entries: KeysetPage<DisclosureEntry> }> {
  const student = await familyStudent(actor, studentId);
  const family = [student.id, ...student.guardedBy.map((g) => g.guardianId)];
  const page = keyset("createdAt", request, { descending: true, date: true, size: FAMILY_PAGE });
  const rows = await db.disclosureEvent.findMany({
    where: { AND: [{ studentId: student.id, allowed: true, actorId: { not: null } }, { actorId: { notIn: family } }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
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
  });
  const entries = page.page(rows, (r) => r.createdAt);
  const lookup = await familyLookup(actor, actor.districtId, entries.items);
  return {
    student: { id: student.id, name: student.name },
    entries: {
      ...entries,
      // The address stays with the admins: the family learns who and what, not from where.
      items: entries.items.map((r) => ({
        ...r,
        ip: null,
        who: whoText(r.actorId, lookup),
        student: studentText(r.studentId, lookup),
        text: entryText(r, lookup),
        // The same entry as facts, for the page to word in the reader's language.
        parts: entryParts(r, lookup),
      })),
    },
  };
}
