// Adding evidence to a goal and rating it.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { alreadyMade, once, type Once } from "@/lib/idempotency/once";
import { refuseWhenSpent, takeWrite } from "@/lib/limits/writes";
import { loadPolicies } from "@/lib/mastery/policies";
import { recomputeStudents } from "@/lib/mastery/recompute";
import { guardianIdsOf, notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisiblePlan } from "@/lib/plans/access";
import { canAddEvidence, canRateEvidence } from "@/lib/plans/policy";
import { relationSelect, relationsOf } from "@/lib/people/access";
import { evidenceVisibleTo } from "./access";
import { cleanFileName, contentProblem } from "@/lib/files/uploads";
import { fileTypeOf } from "./files";
import { evidenceFormSchema, ratingFormSchema } from "./schemas";
import { removeStoredFile, storeFile } from "./storage";

/**
 * Adds evidence to a goal of the student's own plan. A file counts toward the student's upload
 * limit, and a retry of the same form returns the evidence the first attempt added (its file is
 * then not kept twice).
 */
export async function addEvidence(actor: Actor, input: unknown): Promise<{ id: string }> {
  const e = evidenceFormSchema.parse(input);
  const plan = await findVisiblePlan(db, actor, e.planId, {
    id: true,
    schoolId: true,
    goals: { where: { id: e.goalId }, select: { id: true } },
  });
  if (plan.goals.length === 0) throw new NotFoundError("That goal");
  if (!canAddEvidence(plan)) throw new ForbiddenError("Evidence can be added only to your own active plans.");

  // The bytes must be what the name says; then the file is written first, and removed again
  // if the database write fails. A retry or a spent upload limit is answered before storing.
  let storageKey: string | null = null;
  const fileName = e.kind === "FILE" && e.file ? cleanFileName(e.file.name) : null;
  const files = fileName ? 1 : 0;
  if (e.kind === "FILE" && e.file && fileName) {
    const made = await alreadyMade(actor, e.idempotencyKey, "evidence.create");
    if (made) return { id: made };
    await refuseWhenSpent(actor.id, "upload", files);
    const bytes = new Uint8Array(await e.file.arrayBuffer());
    const problem = await contentProblem(fileName, bytes);
    if (problem) throw new InputError(problem, { file: [problem] });
    storageKey = await storeFile(fileName, bytes);
  }
  let made: Once;
  try {
    made = await db.$transaction((tx) =>
      once(tx, actor, e.idempotencyKey, "evidence.create", async () => {
        await takeWrite(tx, actor.id, "upload", files);
        const evidence = await tx.evidence.create({
          data: {
            planId: plan.id,
            studentId: plan.studentId,
            addedById: actor.id,
            kind: e.kind,
            title: e.title,
            text: e.kind === "TEXT" ? e.text : null,
            url: e.kind === "LINK" ? e.url : null,
            fileName,
            fileType: fileName ? fileTypeOf(fileName) : null,
            fileSize: e.kind === "FILE" ? (e.file?.size ?? null) : null,
            storageKey,
            reflection: e.reflection,
            goals: { create: { goalId: e.goalId } },
          },
          select: { id: true },
        });
        await notify(tx, await teacherIdsOf(tx, plan.studentId), {
          type: "EVIDENCE_ADDED",
          actorId: actor.id,
          planId: plan.id,
          evidenceId: evidence.id,
        });
        await recordAudit(tx, {
          organizationId: plan.schoolId,
          actorId: actor.id,
          action: "evidence.create",
          entityType: "Evidence",
          entityId: evidence.id,
        });
        return evidence;
      }),
    );
  } catch (error) {
    if (storageKey) await removeStoredFile(storageKey);
    throw error;
  }
  // Two attempts at once both stored the file; the evidence the first one added keeps its own.
  if (made.replayed && storageKey) await removeStoredFile(storageKey);
  return { id: made.id };
}

export async function rateEvidence(actor: Actor, input: unknown): Promise<{ id: string }> {
  const r = ratingFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { AND: [evidenceVisibleTo(actor), { id: r.evidenceId, goals: { some: { goalId: r.goalId } } }] },
      select: { id: true, plan: { select: { id: true, status: true, ...relationSelect(actor) } } },
    });
    if (!evidence) throw new NotFoundError("That evidence");
    const plan = { ...evidence.plan, relations: relationsOf(actor, evidence.plan) };
    if (!canRateEvidence(plan)) throw new ForbiddenError("Evidence can be rated only by the student's teachers, on active plans.");
    // Only a level of the scale the plan's school rates on (a level id from elsewhere is not found).
    const policy = (await loadPolicies(tx, [plan.school.id])).forSchool(plan.school.id);
    const level = policy.scale.levels.find((l) => l.id === r.levelId);
    if (!level) throw new InputError("Choose a level of your school's scale.", { levelId: ["Choose a level of your school's scale."] });
    const rating = await tx.rating.create({
      data: { evidenceId: evidence.id, goalId: r.goalId, raterId: actor.id, levelId: level.id, feedback: r.feedback },
      select: { id: true },
    });
    await recomputeStudents(tx, [plan.studentId]);
    const family = await guardianIdsOf(tx, plan.studentId);
    await notify(tx, [plan.studentId, ...family], {
      type: "EVIDENCE_RATED",
      actorId: actor.id,
      planId: plan.id,
      evidenceId: evidence.id,
      ratingId: rating.id,
    });
    await recordAudit(tx, {
      organizationId: plan.school.id,
      actorId: actor.id,
      action: "rating.create",
      entityType: "Evidence",
      entityId: evidence.id,
      detail: { level: level.name, points: level.points },
    });
    return rating;
  });
}
