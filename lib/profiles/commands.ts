// Writes to learner profiles: parse → load through access → policy → versioned update →
// revision + audit, in one transaction.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { PROFILE_CONTENT_SELECT } from "./content";
import { findVisibleStudent } from "./access";
import { canCommentOnProfile, canEditProfile } from "./policy";
import { PROFILE_FIELDS, profileCommentSchema, profileUpdateSchema, type StoredProfileContent } from "./schemas";

export const PROFILE_CONFLICT_MESSAGE =
  "Your profile was changed somewhere else (another tab or device) since you opened it. What you typed is still here: copy anything you need, then reload the page to see the latest version.";

/** Exactly the revision content shape (the migration's backfill writes the same keys). */
function contentOf<T extends StoredProfileContent>(p: T): T {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, p[f]])) as T;
}

/**
 * Profiles saved before history was kept (or seeded without it) get their current state
 * recorded first, so the first change is shown against what it replaced.
 */
async function keepBaseline(tx: Tx, studentId: string, version: number, current: StoredProfileContent) {
  const has = await tx.studentProfileRevision.count({ where: { studentId, number: version } });
  if (!has) await tx.studentProfileRevision.create({ data: { studentId, number: version, authorId: null, content: contentOf(current) } });
}

/** The student saves their own learner profile. */
export async function updateProfile(actor: Actor, input: unknown): Promise<{ version: number }> {
  const { studentId, version, profile } = profileUpdateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const student = await findVisibleStudent(tx, actor, studentId, {
      profile: { select: { ...PROFILE_CONTENT_SELECT, version: true } },
    });
    if (!canEditProfile(student)) throw new ForbiddenError("Only the student can change their learner profile: it is in their words.");
    if (!student.profile)
      throw new InputError("Your school has not set up your learner profile yet. Ask your teacher or the school office.");
    const { version: stored, ...current } = student.profile;
    await keepBaseline(tx, studentId, stored, current);

    // The version check and bump happen in one statement, so a concurrent save loses cleanly.
    const bumped = await tx.studentProfile.updateMany({
      where: { userId: studentId, version },
      data: { ...contentOf(profile), version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new ConflictError(PROFILE_CONFLICT_MESSAGE);
    await tx.studentProfileRevision.create({
      data: { studentId, number: version + 1, authorId: actor.id, content: contentOf(profile) },
    });
    const changed = PROFILE_FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(profile[f]));
    await recordAudit(tx, {
      organizationId: student.schoolId,
      actorId: actor.id,
      action: "profile.update",
      entityType: "StudentProfile",
      entityId: studentId,
      detail: { version: version + 1, changed },
    });
    return { version: version + 1 };
  });
}

/** A teacher of the student comments on their profile; the student is told. */
export async function addProfileComment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { studentId, body } = profileCommentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const student = await findVisibleStudent(tx, actor, studentId, {});
    if (!canCommentOnProfile(student)) throw new ForbiddenError("Only a teacher of this student can comment on their profile.");
    const comment = await tx.profileComment.create({ data: { studentId, authorId: actor.id, body }, select: { id: true } });
    await notify(tx, [studentId], { type: "PROFILE_COMMENTED", actorId: actor.id });
    await recordAudit(tx, {
      organizationId: student.schoolId,
      actorId: actor.id,
      action: "profile.comment",
      entityType: "StudentProfile",
      entityId: studentId,
      detail: { commentId: comment.id },
    });
    return comment;
  });
}
