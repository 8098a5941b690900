// A student's learning records: recording, editing, deleting, attachments, links to
// standards and goals, asking for review, and accepting or dismissing a tool's suggestion.
// Each command: parse → load through access (a foreign id is not found) → permission →
// check input against the database → write → audit, in one transaction. Only the student
// changes their records; guardians and teachers who can see one are refused (Forbidden).
import "server-only";
import { cleanFileName, contentProblem } from "@/lib/files/uploads";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { fromIsoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { fileProblem, fileTypeOf } from "@/lib/evidence/files";
import { removeStoredFile, storeFile } from "@/lib/evidence/storage";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { alreadyMade, once } from "@/lib/idempotency/once";
import { refuseWhenSpent, takeWrite } from "@/lib/limits/writes";
import { notify, teacherIdsOf } from "@/lib/notifications/notify";
import { findVisibleRecord, lockRecord } from "./access";
import {
  attachmentRemoveSchema,
  attachmentsFormSchema,
  durationOf,
  goalLinkSchema,
  linesOf,
  RATED_MESSAGE,
  recordEditSchema,
  recordFormSchema,
  recordIdSchema,
  standardLinkSchema,
  suggestionSchema,
} from "./schemas";

export const CONFLICT_MESSAGE =
  "This record changed in another tab or on another device while you were editing. What you typed is still in the form: copy anything you need, then reload to see the latest version.";
const ONLY_STUDENT = "Only the student can change their learning records.";

function recordData(r: {
  title: string;
  description: string;
  setting: Prisma.LearningRecordCreateInput["setting"];
  place: string;
  happenedOn: string;
  hours: string;
  minutes: string;
  withWhom: string;
}) {
  return {
    title: r.title,
    description: r.description,
    setting: r.setting,
    place: r.place,
    happenedOn: fromIsoDay(r.happenedOn),
    durationMinutes: durationOf(r),
    withWhom: r.withWhom,
  };
}

/** The student's school: the one they act in, else their first school. */
function studentSchoolOf(actor: Actor): string {
  const m = actor.acting.role === "STUDENT" ? actor.acting : actor.memberships.find((x) => x.role === "STUDENT");
  if (!m) throw new ForbiddenError("Only students can record their learning.");
  return m.organizationId;
}

type StoredFile = { name: string; type: string; size: number; storageKey: string };

/**
 * Checks every upload's content first (nothing is written when one is refused), then stores
 * them. The caller removes the stored files again when its transaction fails.
 */
async function storeUploads(files: readonly File[]): Promise<StoredFile[]> {
  const read = await Promise.all(files.map(async (f) => ({ name: cleanFileName(f.name), bytes: new Uint8Array(await f.arrayBuffer()) })));
  const checked = await Promise.all(
    read.map(async (f) => fileProblem({ name: f.name, size: f.bytes.byteLength }) ?? (await contentProblem(f.name, f.bytes))),
  );
  const problems = checked.filter((p): p is string => p !== null);
  if (problems.length) throw new InputError(problems[0] as string, { files: problems });
  const stored: StoredFile[] = [];
  try {
    for (const f of read) {
      stored.push({
        name: f.name.slice(0, 255),
        type: fileTypeOf(f.name) as string,
        size: f.bytes.byteLength,
        storageKey: await storeFile(f.name, f.bytes),
      });
    }
  } catch (error) {
    await removeAll(stored);
    throw error;
  }
  return stored;
}

const removeAll = (files: readonly { storageKey: string | null }[]) =>
  Promise.all(files.map((f) => (f.storageKey ? removeStoredFile(f.storageKey) : undefined)));

function attachmentRows(files: readonly StoredFile[], links: string) {
  return [
    ...files.map((f) => ({
      kind: "FILE" as const,
      title: f.name,
      fileName: f.name,
      fileType: f.type,
      fileSize: f.size,
      storageKey: f.storageKey,
    })),
    ...linesOf(links).map((url) => ({ kind: "LINK" as const, title: url.slice(0, 200), url })),
  ];
}

/** Runs `write` and removes the uploads it was given when it fails. */
async function withUploads<T>(files: readonly File[], write: (stored: StoredFile[]) => Promise<T>): Promise<T> {
  const stored = await storeUploads(files);
  try {
    return await write(stored);
  } catch (error) {
    await removeAll(stored);
    throw error;
  }
}

/**
 * A new record, its files and links in the same save. Files count toward the student's upload
 * limit; a retry of the same form returns the record the first attempt made (and its files are
 * not kept twice).
 */
export async function createRecord(actor: Actor, input: unknown): Promise<{ id: string }> {
  const r = recordFormSchema.parse(input);
  const schoolId = studentSchoolOf(actor);
  if (r.files.length > 0) {
    // Answered before any file is stored.
    const made = await alreadyMade(actor, r.idempotencyKey, "record.create");
    if (made) return { id: made };
    await refuseWhenSpent(actor.id, "upload", r.files.length);
  }
  return withUploads(r.files, async (stored) => {
    const made = await db.$transaction((tx) =>
      once(tx, actor, r.idempotencyKey, "record.create", async () => {
        await takeWrite(tx, actor.id, "upload", stored.length);
        const record = await tx.learningRecord.create({
          data: {
            studentId: actor.id,
            schoolId,
            ...recordData(r),
            attachments: { create: attachmentRows(stored, r.links) },
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          organizationId: schoolId,
          actorId: actor.id,
          action: "record.create",
          entityType: "LearningRecord",
          entityId: record.id,
          detail: { files: stored.length, links: linesOf(r.links).length },
        });
        return record;
      }),
    );
    // Two attempts at once both stored the files; the record the first one made keeps its own.
    if (made.replayed) await removeAll(stored);
    return { id: made.id };
  });
}

/**
 * The record when the actor may change it: it is theirs. Others who can see it are refused;
 * a suggestion can only be accepted or dismissed, not changed. The row is locked before it is
 * read, so what is checked here (its status) is what the rest of the transaction acts on: two
 * tabs deciding one suggestion at once take turns, and the second sees the first's decision.
 */
async function ownRecord(tx: Tx, actor: Actor, recordId: string, opts: { suggestion?: boolean } = {}) {
  await lockRecord(tx, recordId);
  const record = await findVisibleRecord(tx, actor, recordId, { id: true, schoolId: true, studentId: true, status: true, version: true });
  if (!allows(record.relations, "record:add")) throw new ForbiddenError(ONLY_STUDENT);
  if (!opts.suggestion && record.status !== "RECORDED") {
    throw new ForbiddenError("Accept this suggestion first; then you can change it.");
  }
  return record;
}

/**
 * A rated record is evidence a teacher judged (and counted in stored mastery): what was told and
 * attached stays as it was rated. Adding to it stays open. Read under the record's lock, which a
 * rating also takes, so a rating and an edit cannot cross.
 */
async function refuseWhenRated(tx: Tx, recordId: string, standardId?: string) {
  if (await tx.recordRating.count({ where: { recordId, ...(standardId ? { standardId } : {}) } })) {
    throw new ForbiddenError(RATED_MESSAGE);
  }
}

async function audit(tx: Tx, actor: Actor, record: { id: string; schoolId: string }, action: string, detail?: Prisma.InputJsonValue) {
  await recordAudit(tx, {
    organizationId: record.schoolId,
    actorId: actor.id,
    action,
    entityType: "LearningRecord",
    entityId: record.id,
    detail,
  });
}

export async function updateRecord(actor: Actor, input: unknown): Promise<{ version: number }> {
  const r = recordEditSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, r.recordId);
    await refuseWhenRated(tx, record.id);
    // The version check and bump happen in one statement, so a concurrent edit loses cleanly.
    const bumped = await tx.learningRecord.updateMany({
      where: { id: record.id, version: r.version },
      data: { ...recordData(r), version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT_MESSAGE);
    await audit(tx, actor, record, "record.update");
    return { version: r.version + 1 };
  });
}

export async function deleteRecord(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { recordId } = recordIdSchema.parse(input);
  const files = await db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    // A rated record is evidence a teacher has judged, counted in stored mastery: it stays.
    if (await tx.recordRating.count({ where: { recordId: record.id } })) {
      throw new ForbiddenError("A teacher has rated this record, so it counts toward your progress and can no longer be deleted.");
    }
    const attachments = await tx.learningRecordAttachment.findMany({ where: { recordId: record.id }, select: { storageKey: true } });
    await tx.learningRecord.delete({ where: { id: record.id } });
    await audit(tx, actor, record, "record.delete");
    return attachments;
  });
  // Files go once the rows are gone for good; a failed removal leaves an unreachable file, never a broken record.
  await removeAll(files).catch((error: unknown) => console.error(error));
  return { id: recordId };
}

export async function addAttachments(actor: Actor, input: unknown): Promise<{ count: number }> {
  const a = attachmentsFormSchema.parse(input);
  // Found (and refused) before anything is stored.
  await db.$transaction((tx) => ownRecord(tx, actor, a.recordId));
  await refuseWhenSpent(actor.id, "upload", a.files.length);
  return withUploads(a.files, (stored) =>
    db.$transaction(async (tx) => {
      const record = await ownRecord(tx, actor, a.recordId);
      await takeWrite(tx, actor.id, "upload", stored.length);
      const rows = attachmentRows(stored, a.links);
      await tx.learningRecordAttachment.createMany({ data: rows.map((row) => ({ ...row, recordId: record.id })) });
      await audit(tx, actor, record, "record.attachments.add", { files: stored.length, links: rows.length - stored.length });
      return { count: rows.length };
    }),
  );
}

export async function removeAttachment(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { recordId, attachmentId } = attachmentRemoveSchema.parse(input);
  const removed = await db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    await refuseWhenRated(tx, record.id);
    const attachment = await tx.learningRecordAttachment.findFirst({
      where: { id: attachmentId, recordId: record.id },
      select: { id: true, kind: true, title: true, storageKey: true },
    });
    if (!attachment) throw new NotFoundError("That attachment");
    await tx.learningRecordAttachment.delete({ where: { id: attachment.id } });
    await audit(tx, actor, record, "record.attachments.remove", { kind: attachment.kind, title: attachment.title });
    return attachment;
  });
  await removeAll([removed]).catch((error: unknown) => console.error(error));
  return { id: removed.id };
}

/**
 * Links a standard of the record's school, the one above it or its district (never a
 * retired one, never another district's). Each link is written to the standard's history
 * with who and when, in the same transaction.
 */
export async function linkStandard(actor: Actor, input: unknown): Promise<{ linked: boolean }> {
  const { recordId, standardId } = standardLinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    const school = await tx.organization.findUniqueOrThrow({
      where: { id: record.schoolId },
      select: { parentId: true, districtId: true },
    });
    const owners = [record.schoolId, school.parentId, school.districtId].filter((o): o is string => o !== null);
    const standard = await tx.standard.findFirst({
      where: { id: standardId, organizationId: { in: owners }, retiredAt: null },
      select: { id: true, code: true },
    });
    if (!standard)
      throw new InputError("That standard cannot be linked here. Search again.", { standardId: ["Choose a standard from the search."] });
    const created = await tx.learningRecordStandard.createMany({
      data: { recordId: record.id, standardId: standard.id },
      skipDuplicates: true,
    });
    if (created.count === 0) return { linked: false };
    await tx.learningRecordLinkEvent.create({
      data: { recordId: record.id, studentId: record.studentId, standardId: standard.id, action: "LINKED", actorId: actor.id },
    });
    await audit(tx, actor, record, "record.standard.link", { standard: standard.code });
    return { linked: true };
  });
}

/**
 * Unlinks a standard: it leaves the teachers' review queue; the history keeps "unlinked", with
 * who and when. A standard a teacher rated the record on stays linked (its rating stands on it).
 */
export async function unlinkStandard(actor: Actor, input: unknown): Promise<{ unlinked: boolean }> {
  const { recordId, standardId } = standardLinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    await refuseWhenRated(tx, record.id, standardId);
    const removed = await tx.learningRecordStandard.deleteMany({ where: { recordId: record.id, standardId } });
    if (removed.count === 0) return { unlinked: false };
    await tx.learningRecordLinkEvent.create({
      data: { recordId: record.id, studentId: record.studentId, standardId, action: "UNLINKED", actorId: actor.id },
    });
    await audit(tx, actor, record, "record.standard.unlink", { standardId });
    return { unlinked: true };
  });
}

/** Links a goal of one of the student's own plans (not deleted). */
export async function linkGoal(actor: Actor, input: unknown): Promise<{ linked: boolean }> {
  const { recordId, goalId } = goalLinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    const goal = await tx.goal.findFirst({
      where: { id: goalId, plan: { studentId: record.studentId, deletedAt: null } },
      select: { id: true, title: true },
    });
    if (!goal) throw new InputError("Choose a goal of one of your plans.", { goalId: ["Choose a goal of one of your plans."] });
    const created = await tx.learningRecordGoal.createMany({ data: { recordId: record.id, goalId: goal.id }, skipDuplicates: true });
    if (created.count) await audit(tx, actor, record, "record.goal.link", { goal: goal.title });
    return { linked: created.count > 0 };
  });
}

export async function unlinkGoal(actor: Actor, input: unknown): Promise<{ unlinked: boolean }> {
  const { recordId, goalId } = goalLinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    const removed = await tx.learningRecordGoal.deleteMany({ where: { recordId: record.id, goalId } });
    if (removed.count) await audit(tx, actor, record, "record.goal.unlink", { goalId });
    return { unlinked: removed.count > 0 };
  });
}

/**
 * Asks the student's teachers to review the record: its linked standards enter their rating
 * queue, and each teacher is notified. A record without a standard has nothing to rate.
 */
export async function requestReview(actor: Actor, input: unknown): Promise<{ requestedAt: Date }> {
  const { recordId } = recordIdSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId);
    if ((await tx.learningRecordStandard.count({ where: { recordId: record.id } })) === 0) {
      const message = "Link at least one standard that this learning shows, then ask for review.";
      throw new InputError(message, { standardId: [message] });
    }
    const requestedAt = new Date();
    await tx.learningRecord.update({ where: { id: record.id }, data: { reviewRequestedAt: requestedAt } });
    await notify(tx, await teacherIdsOf(tx, record.studentId), { type: "RECORD_REVIEW_REQUESTED", actorId: actor.id, recordId: record.id });
    await audit(tx, actor, record, "record.review.request");
    return { requestedAt };
  });
}

/** Accepts a tool's suggestion (it becomes the student's record, keeping its standard links) or dismisses it. */
export async function decideSuggestion(actor: Actor, input: unknown): Promise<{ id: string; status: "RECORDED" | "DISMISSED" }> {
  const { recordId, decision } = suggestionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const record = await ownRecord(tx, actor, recordId, { suggestion: true });
    const status = decision === "accept" ? "RECORDED" : "DISMISSED";
    // Only a suggestion still waiting is decided: the status is part of the update's condition.
    const decided = await tx.learningRecord.updateMany({
      where: { id: record.id, status: "SUGGESTED" },
      data: { status, version: { increment: 1 } },
    });
    if (decided.count === 0) throw new ConflictError("This suggestion was already accepted or dismissed. Reload the page.");
    await audit(tx, actor, record, decision === "accept" ? "record.suggestion.accept" : "record.suggestion.dismiss");
    return { id: record.id, status };
  });
}
