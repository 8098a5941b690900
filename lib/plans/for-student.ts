// Plans a teacher starts for a student they teach. The plan is the student's from the
// start (they own and edit it like their own); the teacher is only its creator.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { taughtEnrollment } from "@/lib/people/access";

/**
 * The student, and the school their plan belongs to: the school of a class the actor
 * teaches them in now, where the student is an active student. Anyone else (another
 * teacher, an admin, a guardian, a foreign id) finds no such student.
 */
export async function studentTaughtBy(tx: Tx, actor: Actor, studentId: string) {
  if (
    !allows(
      actor.memberships.map((m) => m.role),
      "plan:create-for-student",
    )
  )
    throw new NotFoundError("That student");
  const enrollment = await tx.enrollment.findFirst({
    where: {
      ...taughtEnrollment(actor),
      userId: studentId,
      user: { districtId: actor.districtId },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      user: { select: { id: true, name: true } },
      class: { select: { school: { select: { id: true, parentId: true, districtId: true } } } },
    },
  });
  if (!enrollment) throw new NotFoundError("That student");
  const { school } = enrollment.class;
  const member = await tx.membership.count({ where: { userId: studentId, organizationId: school.id, role: "STUDENT", endedAt: null } });
  if (member === 0) throw new NotFoundError("That student");
  return { student: enrollment.user, school };
}

/** The student a teacher is about to start a plan for, and the school the plan will belong to. */
export async function getStudentForNewPlan(actor: Actor, studentId: string) {
  const { student, school } = await studentTaughtBy(db, actor, studentId);
  return { ...student, schoolId: school.id };
}
