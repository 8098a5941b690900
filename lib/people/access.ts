// Which students an actor may see: themselves, the students in the classes they
// teach, their linked children, or (for admins) everyone in their school.
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export function studentsVisibleTo(actor: Actor): Prisma.UserWhereInput {
  const base: Prisma.UserWhereInput = { schoolId: actor.schoolId, role: "STUDENT" };
  switch (actor.role) {
    case "ADMIN":
      return base;
    case "STUDENT":
      return { ...base, id: actor.id };
    case "TEACHER":
      return { ...base, enrollments: { some: { class: { teachers: { some: { teacherId: actor.id } } } } } };
    case "GUARDIAN":
      return { ...base, guardedBy: { some: { guardianId: actor.id } } };
  }
}
