// Which courses, terms and classes an admin runs: those of the schools they administer
// (a district admin's are every school's of the district). Written into the `where`, so a
// foreign id is simply not found.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { administered, type Scope } from "@/lib/people/access";

export function schoolsAdministered(actor: Actor, scope: Scope = "all"): Prisma.OrganizationWhereInput {
  return { AND: [administered(actor, scope), { type: "SCHOOL", districtId: actor.districtId }] };
}

export function classesAdministered(actor: Actor, scope: Scope = "all"): Prisma.ClassWhereInput {
  return { school: schoolsAdministered(actor, scope) };
}

export function coursesAdministered(actor: Actor, scope: Scope = "all"): Prisma.CourseWhereInput {
  return { school: schoolsAdministered(actor, scope) };
}

export function termsAdministered(actor: Actor, scope: Scope = "all"): Prisma.TermWhereInput {
  return { school: schoolsAdministered(actor, scope) };
}
