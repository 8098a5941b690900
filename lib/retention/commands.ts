// Deleting the students due under the district's retention period, once a district admin has
// confirmed the list they saw (typing how many). Each student is re-checked inside their own
// transaction, after locking them: someone who came back, or an id that was never on the list's
// terms, is skipped, never deleted. Each deletion writes its own certificate (reason "retention").
// A deletion that fails rolls back alone; the others still happen, and the result counts it.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, InputError } from "@/lib/errors";
import { DELETION_TX, erasePerson, lockPerson, removeFiles } from "@/lib/people/deletion";
import { isDue } from "./due";
import { requireRetentionAdmin } from "./policy";
import { CONFIRM_COUNT_MISMATCH, countMatches, deleteDueSchema } from "./schemas";

export type DeleteDueResult = { deleted: number; skipped: number; failed: number; certificateIds: string[] };

export async function deleteDueStudents(actor: Actor, input: unknown, now = new Date()): Promise<DeleteDueResult> {
  requireRetentionAdmin(actor);
  const parsed = deleteDueSchema.parse(input);
  const ids = [...new Set(parsed.studentIds)];
  if (!countMatches(parsed.confirmCount, ids.length)) {
    throw new InputError(CONFIRM_COUNT_MISMATCH, { confirmCount: [`Type ${ids.length} to delete the ${ids.length} students listed.`] });
  }
  const certificateIds: string[] = [];
  let skipped = 0;
  let failed = 0;
  let noPolicy = false;
  // One transaction per student: a long list never holds one huge transaction, and each
  // certificate stands for a deletion that happened.
  for (const userId of ids) {
    let result;
    try {
      result = await db.$transaction(async (tx) => {
        const policy = await tx.retentionPolicy.findUnique({ where: { districtId: actor.districtId }, select: { keepMonths: true } });
        if (policy?.keepMonths == null) return "no-policy" as const;
        const subject = await lockPerson(tx, actor, userId);
        if (!subject || !(await isDue(tx, actor.districtId, policy.keepMonths, userId, now))) return null;
        return erasePerson(tx, actor, subject, "retention");
      }, DELETION_TX);
    } catch (error) {
      // Nothing of theirs was removed (the transaction rolled back): counted, and the list goes on.
      console.error(`[retention] could not delete ${userId}`, error);
      failed++;
      continue;
    }
    if (result === "no-policy") {
      noPolicy = true;
      break;
    }
    if (!result) {
      skipped++;
      continue;
    }
    certificateIds.push(result.certificateId);
    await removeFiles(result.files);
  }
  if (noPolicy && certificateIds.length === 0 && failed === 0) {
    throw new ConflictError("The district now keeps records until someone deletes them, so nothing was deleted.");
  }
  return {
    deleted: certificateIds.length,
    skipped: noPolicy ? ids.length - certificateIds.length - failed : skipped,
    failed,
    certificateIds,
  };
}
