// The classes a teacher teaches now, as ids read once per request (React's cache). The rule
// (classesTaughtBy: the class's term is on, at a school where they teach, their own enrollment
// current) is costly to compile into a query (issue 12), and a teacher's pages ask it of several
// lists: their students, their classes, the classes' students. Read once, each list filters by
// `classId in …` instead. Within a request the answer cannot change in a way a page could show.
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { classesTaughtBy, current, type Scope, sharedScope } from "./access";

/** The ids of the classes classesTaughtBy(actor, scope) names, read once per request. */
export function taughtClassIds(actor: Actor, scope: Scope): Promise<string[]> {
  return classIdsInRequest(actor, sharedScope(actor, scope));
}
const classIdsInRequest = cache(async (actor: Actor, scope: Scope): Promise<string[]> => {
  const rows = await db.class.findMany({ where: classesTaughtBy(actor, scope), select: { id: true } });
  return rows.map((r) => r.id);
});

/** taughtEnrollment(actor, scope), with the classes given as the ids taughtClassIds read. */
export function taughtEnrollmentIn(classIds: readonly string[]): Prisma.EnrollmentWhereInput {
  return { role: "STUDENT", ...current(), classId: { in: [...classIds] } };
}

/** A student of the actor's district (the user side of studentsTaughtIn). */
function studentOf(actor: Actor): Prisma.UserWhereInput {
  return { districtId: actor.districtId, memberships: { some: { role: "STUDENT" } } };
}

/** studentsVisibleTo(actor, "acting") for an actor acting as a teacher, with their classes as ids. */
export function studentsTaughtIn(actor: Actor, classIds: readonly string[]): Prisma.UserWhereInput {
  return { ...studentOf(actor), enrollments: { some: taughtEnrollmentIn(classIds) } };
}

/**
 * The enrollments by which studentsTaughtIn finds each student: the same students, each with the
 * actor's classes they are in (the teacher's home reads its students this way, classes and all).
 */
export function taughtStudentEnrollmentsIn(actor: Actor, classIds: readonly string[]): Prisma.EnrollmentWhereInput {
  return { ...taughtEnrollmentIn(classIds), user: studentOf(actor) };
}
