// The family's view of the disclosure log: the student and their linked guardians see who outside
// the family opened the child's records (teachers, admins). Only they: a teacher or admin who may
// see the student does not find this page (NotFoundError), so the log is not read by the people it lists.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { keyset, type KeysetPage, type PageRequest } from "@/lib/people/listing";
import { lookupFor, type DisclosureEntry } from "./queries";
import { entryText, studentText, whoText } from "./words";

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
  const lookup = await lookupFor(actor.districtId, entries.items);
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
      })),
    },
  };
}
