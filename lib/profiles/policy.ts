// What an actor may do with a learner profile they can already see (visibility is
// access.ts's job), decided from their relationships to the student, never the acting role.
import { allows } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums.ts";

type Related = { relations: readonly Role[] };

/** Only the student writes their profile: it is their voice (docs/decisions/learner-profile.md). */
export function canEditProfile(p: Related) {
  return allows(p.relations, "profile:edit");
}

/** A teacher of the student may comment; the student, their guardians and admins read the comments. */
export function canCommentOnProfile(p: Related) {
  return allows(p.relations, "profile:comment");
}

export function allowedOnProfile(p: Related) {
  return { edit: canEditProfile(p), comment: canCommentOnProfile(p) };
}
