// Who may download everything about a student: an admin of a school where the student is or was
// enrolled (or of their district), and a guardian linked to the student. Not the student's
// teachers, not the student's classmates, never anyone from another district. Written into the
// `where`, so a foreign id is simply not found. docs/decisions/student-export.md explains why.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { administered } from "@/lib/people/access";

/**
 * What the export holds: "district" is everything about the student in the district (an admin's),
 * "family" is what the guardian may see anyway (no draft never submitted, no suggestion not yet
 * accepted, the family's view of the disclosure log).
 */
export type ExportScope = "district" | "family";

const holds = (actor: Actor, role: "ADMIN" | "GUARDIAN") => actor.memberships.some((m) => m.role === role);

/**
 * Admin: the student has (or had: a former student's records are still asked for) a student
 * membership there, and never had one anywhere the admin does not run. A student who moved on to
 * another school is exported by a district admin, not by the school they left.
 */
function administeredStudent(actor: Actor): Prisma.UserWhereInput {
  return {
    AND: [
      { memberships: { some: { role: "STUDENT", organization: administered(actor) } } },
      { memberships: { none: { role: "STUDENT", NOT: { organization: administered(actor) } } } },
    ],
  };
}

function guardedStudent(actor: Actor): Prisma.UserWhereInput {
  return { guardedBy: { some: { guardianId: actor.id } } };
}

/** The students whose records the actor may download. */
export function studentsExportableBy(actor: Actor): Prisma.UserWhereInput {
  const clauses: Prisma.UserWhereInput[] = [];
  if (holds(actor, "ADMIN")) clauses.push(administeredStudent(actor));
  if (holds(actor, "GUARDIAN")) clauses.push(guardedStudent(actor));
  // An empty OR inside an AND is dropped by Prisma (it would match every student): say "none" outright.
  return { districtId: actor.districtId, memberships: { some: { role: "STUDENT" } }, OR: clauses.length ? clauses : [{ id: { in: [] } }] };
}

export type ExportableStudent = { id: string; name: string; districtId: string; scope: ExportScope };

/** The student when the actor may download their records, with what the archive holds; NotFoundError otherwise. */
export async function findExportableStudent(actor: Actor, studentId: string): Promise<ExportableStudent> {
  const row = await db.user.findFirst({
    where: { AND: [studentsExportableBy(actor), { id: studentId }] },
    select: {
      id: true,
      name: true,
      districtId: true,
      // Whether the admin's own relationship holds; a guardian who is also an admin elsewhere gets the family's view.
      memberships: holds(actor, "ADMIN")
        ? { where: { role: "STUDENT", organization: administered(actor) }, select: { id: true }, take: 1 }
        : { where: { id: { in: [] } }, select: { id: true } },
    },
  });
  if (!row) throw new NotFoundError("That student");
  return { id: row.id, name: row.name, districtId: row.districtId, scope: row.memberships.length ? "district" : "family" };
}
