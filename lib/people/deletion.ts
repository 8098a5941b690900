// Erasing one person, inside the caller's transaction: count what goes, per kind, remove it, and
// write the deletion certificate (docs/decisions/deletion-and-retention.md). What they wrote on
// other people's records stays, authorless (docs/decisions/deleting-people.md). Files are
// returned, to be removed once the transaction has committed.
import "server-only";
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { uploadDir } from "@/lib/env";
import { removeStoredFile } from "@/lib/evidence/storage";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { objectAgentKey } from "@/lib/xapi/keys";
import type { Removed } from "./certificate-words";
import { likeText } from "./listing";

export type DeletionReason = "request" | "retention";

export type Subject = { id: string; name: string; email: string; sourcedId: string | null; districtId: string };

/** A statement attachment's stored content: uploads/xapi/<toolId>/<sha2>, shared by the tool's statements. */
type ToolFile = { toolId: string; sha2: string };

/** What to remove from disk once the deletion has committed. */
export type RemovedFiles = { keys: string[]; xapi: ToolFile[] };

/**
 * Locks the person's row, in the actor's district: the first thing a deletion does, before any
 * permission check reads their memberships, so two deletions (or a deletion and a change of role)
 * run one after the other. Null when there is no such person (or they were just deleted).
 */
export async function lockPerson(tx: Tx, actor: Actor, userId: string): Promise<Subject | null> {
  const locked = await tx.$queryRaw<Subject[]>`
    SELECT id, name, email, "sourcedId", "districtId" FROM "User" WHERE id = ${userId} AND "districtId" = ${actor.districtId} FOR UPDATE`;
  return locked[0] ?? null;
}

/** Every attachment object of the statement `s`: its own and its sub-statement's. */
const ATTACHMENTS = Prisma.sql`jsonb_array_elements(
  CASE WHEN jsonb_typeof(s.statement->'attachments') = 'array' THEN s.statement->'attachments' ELSE '[]'::jsonb END ||
  CASE WHEN jsonb_typeof(s.statement->'object'->'attachments') = 'array' THEN s.statement->'object'->'attachments' ELSE '[]'::jsonb END)`;

/**
 * Deletes the statements a district's tools sent about this person, returning how many and the
 * attachment files they named. A statement is theirs when it became their learning record, or
 * names them as an agent anywhere (actor, object, team, instructor) by email, by the SHA-1 of
 * their mailto IRI, or by an account whose name is their roster id (matched literally: a roster id
 * may hold _ or %). One DELETE … RETURNING, so a statement stored meanwhile is either deleted with
 * its files collected, or not touched.
 */
async function deleteStatements(tx: Tx, p: Subject): Promise<{ count: number; files: ToolFile[] }> {
  const email = p.email.toLowerCase();
  const keys = [`mbox:mailto:${email}`, `sha1:${createHash("sha1").update(`mailto:${email}`).digest("hex")}`];
  const related = [...keys, ...keys.map(objectAgentKey)];
  const byAccount = p.sourcedId
    ? Prisma.sql`OR EXISTS (SELECT 1 FROM unnest(array_append(s."relatedAgentKeys", s."actorKey")) k
        WHERE (k LIKE 'account:%' OR k LIKE ${`${objectAgentKey("account:")}%`}) AND k LIKE ${`% ${likeText(p.sourcedId)}`})`
    : Prisma.empty;
  const rows = await tx.$queryRaw<{ count: number; files: ToolFile[] }[]>`
    WITH gone AS (
      DELETE FROM "XapiStatement" s USING "XapiTool" t
      WHERE t.id = s."toolId" AND t."districtId" = ${p.districtId} AND (
        EXISTS (SELECT 1 FROM "LearningRecord" r WHERE r."statementId" = s.id AND r."studentId" = ${p.id})
        OR s."actorKey" = ANY(${keys}::text[])
        OR s."relatedAgentKeys" && ${related}::text[]
        ${byAccount})
      RETURNING s."toolId", s.statement),
    files AS (
      SELECT DISTINCT s."toolId", lower(a->>'sha2') AS sha2 FROM gone s CROSS JOIN LATERAL ${ATTACHMENTS} a
      WHERE jsonb_typeof(a) = 'object' AND a->>'sha2' IS NOT NULL)
    SELECT (SELECT count(*) FROM gone)::int AS count,
      COALESCE((SELECT json_agg(json_build_object('toolId', f."toolId", 'sha2', f.sha2)) FROM files f), '[]'::json) AS files`;
  return rows[0] ?? { count: 0, files: [] };
}

/** How many of each kind go with the person: theirs, and everything on their plans and records. */
async function countRemovals(tx: Tx, p: Subject): Promise<Omit<Removed, "files" | "bytes" | "statements" | "disclosures">> {
  const id = p.id;
  const onPlan = { plan: { studentId: id } };
  const onAgreement = { agreement: onPlan };
  const onRecord = { record: { studentId: id } };
  const c = {
    plans: tx.plan.count({ where: { studentId: id } }),
    planRevisions: tx.planRevision.count({ where: onPlan }),
    planChanges: tx.planChange.count({ where: onPlan }),
    planEvents: tx.planEvent.count({ where: onPlan }),
    goals: tx.goal.count({ where: onPlan }),
    activities: tx.activity.count({ where: { goal: onPlan } }),
    evidence: tx.evidence.count({ where: { OR: [{ studentId: id }, onPlan] } }),
    ratings: tx.rating.count({ where: { OR: [{ evidence: { studentId: id } }, { goal: onPlan }] } }),
    comments: tx.comment.count({ where: onPlan }),
    reflections: tx.reflection.count({ where: onPlan }),
    reflectionReplies: tx.reflectionReply.count({ where: { reflection: onPlan } }),
    acknowledgments: tx.guardianAcknowledgment.count({ where: onPlan }),
    agreements: tx.studyAgreement.count({ where: onPlan }),
    agreementRevisions: tx.agreementRevision.count({ where: onAgreement }),
    signatures: tx.agreementSignature.count({ where: onAgreement }),
    assignments: tx.studyAssignment.count({ where: onAgreement }),
    evaluations: tx.studyEvaluation.count({ where: onAgreement }),
    learningRecords: tx.learningRecord.count({ where: { studentId: id } }),
    attachments: tx.learningRecordAttachment.count({ where: onRecord }),
    recordRatings: tx.recordRating.count({ where: onRecord }),
    recordHistory: tx.learningRecordLinkEvent.count({ where: onRecord }),
    profile: tx.studentProfile.count({ where: { userId: id } }),
    profileRevisions: tx.studentProfileRevision.count({ where: { studentId: id } }),
    profileComments: tx.profileComment.count({ where: { studentId: id } }),
    mastery: Promise.all([tx.standardMastery.count({ where: { studentId: id } }), tx.goalMastery.count({ where: { goal: onPlan } })]),
    learningGroups: tx.learningGroupMember.count({ where: { studentId: id } }),
    // Theirs, and everyone's about their plans and records (those cascade with them).
    notifications: tx.notification.count({
      where: {
        OR: [
          { userId: id },
          onPlan,
          { evidence: { studentId: id } },
          onRecord,
          { agreement: onPlan },
          { event: onPlan },
          { comment: onPlan },
          { reflection: onPlan },
          { change: onPlan },
          { rating: { evidence: { studentId: id } } },
        ],
      },
    }),
    guardianLinks: tx.guardianLink.count({ where: { OR: [{ studentId: id }, { guardianId: id }] } }),
    enrollments: tx.enrollment.count({ where: { userId: id } }),
    memberships: tx.membership.count({ where: { userId: id } }),
    identities: tx.identity.count({ where: { userId: id } }),
    sessions: tx.session.count({ where: { userId: id } }),
    settings: Promise.all([
      tx.notificationPreference.count({ where: { userId: id } }),
      tx.emailDigest.count({ where: { userId: id } }),
      tx.passwordResetToken.count({ where: { userId: id } }),
      tx.idempotencyKey.count({ where: { userId: id } }),
      tx.agreementAssistant.count({ where: { userId: id } }),
    ]),
  };
  const keys = Object.keys(c) as (keyof typeof c)[];
  const values = await Promise.all(keys.map((k) => c[k]));
  const sum = (v: number | number[]) => (Array.isArray(v) ? v.reduce((a, b) => a + b, 0) : v);
  return Object.fromEntries(keys.map((k, i) => [k, sum(values[i] as number | number[])])) as Omit<
    Removed,
    "files" | "bytes" | "statements" | "disclosures"
  >;
}

/** Stored files of the person's evidence and learning records, with their sizes. */
async function storedFiles(tx: Tx, id: string) {
  const stored = { storageKey: { not: null } };
  const [evidence, attachments] = await Promise.all([
    tx.evidence.findMany({
      where: { OR: [{ studentId: id }, { plan: { studentId: id } }], ...stored },
      select: { storageKey: true, fileSize: true },
    }),
    tx.learningRecordAttachment.findMany({ where: { record: { studentId: id }, ...stored }, select: { storageKey: true, fileSize: true } }),
  ]);
  const all = [...evidence, ...attachments].flatMap((f) => (f.storageKey ? [{ key: f.storageKey, size: f.fileSize ?? 0 }] : []));
  return { keys: all.map((f) => f.key), bytes: all.reduce((n, f) => n + f.size, 0) };
}

/**
 * Locks what new files could hang from: the student's plans (evidence) and learning records
 * (attachments). Adding to them takes a key-share lock that waits for this transaction, so what
 * was added just before is counted and its file removed, and what comes after finds them gone.
 * New plans, records and evidence of the student wait on the person's row, locked already.
 */
async function lockRecords(tx: Tx, id: string) {
  await tx.$executeRaw`SELECT id FROM "Plan" WHERE "studentId" = ${id} ORDER BY id FOR UPDATE`;
  await tx.$executeRaw`SELECT id FROM "LearningRecord" WHERE "studentId" = ${id} ORDER BY id FOR UPDATE`;
}

/**
 * Deletes the person, whose row the caller locked (lockPerson) and then found through its access
 * rule in the same transaction, and writes the certificate.
 */
export async function erasePerson(
  tx: Tx,
  actor: Actor,
  subject: Subject,
  reason: DeletionReason,
): Promise<{ certificateId: string; files: RemovedFiles }> {
  await lockRecords(tx, subject.id);
  const [counts, files] = await Promise.all([countRemovals(tx, subject), storedFiles(tx, subject.id)]);

  // Their statements are personal data the tools sent; the tools keep only what is about others.
  const statements = await deleteStatements(tx, subject);
  // Who opened their records is kept as long as the records are: those lines go with them. A
  // student's own trail of what they opened (it holds their address) goes too. What a staff member
  // or guardian opened of another student stays: it is that student's record of who saw it, shown
  // as by a former member. The append-only rule lets this one transaction remove them, and only them.
  const student = await tx.membership.count({ where: { userId: subject.id, role: "STUDENT" } });
  await tx.$executeRaw`SELECT set_config('pathways.erasure', 'on', true)`;
  const disclosures = await tx.disclosureEvent.deleteMany({
    where: { OR: [{ studentId: subject.id }, ...(student ? [{ actorId: subject.id }] : [{ actorId: subject.id, studentId: null }])] },
  });
  await tx.$executeRaw`SELECT set_config('pathways.erasure', 'off', true)`;
  await tx.user.delete({ where: { id: subject.id } });

  const removed: Removed = {
    ...counts,
    statements: statements.count,
    disclosures: disclosures.count,
    files: files.keys.length,
    bytes: files.bytes,
  };
  const certificate = await tx.deletionCertificate.create({
    data: {
      districtId: subject.districtId,
      subjectRef: subject.id,
      subjectName: subject.name,
      subjectSourcedId: subject.sourcedId,
      reason,
      removed,
      deletedById: actor.id,
      deletedByName: actor.name,
    },
    select: { id: true },
  });
  // The audit line names no one: it outlives the certificate's purpose and can never be edited.
  await recordAudit(tx, {
    organizationId: actor.acting.organizationId,
    actorId: actor.id,
    action: "user.delete",
    entityType: "User",
    entityId: subject.id,
    detail: { reason, certificateId: certificate.id },
  });
  return { certificateId: certificate.id, files: { keys: files.keys, xapi: statements.files } };
}

const HASH = /^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/;
const TOOL_ID = /^[A-Za-z0-9_-]+$/;

/** Of these attachment files, those no statement of their tool names any more (content is shared by hash). */
async function unreferenced(files: readonly ToolFile[]): Promise<ToolFile[]> {
  const valid = files.filter((f) => HASH.test(f.sha2) && TOOL_ID.test(f.toolId));
  if (valid.length === 0) return [];
  return db.$queryRaw<ToolFile[]>`
    SELECT c."toolId", c.sha2 FROM unnest(${valid.map((f) => f.toolId)}::text[], ${valid.map((f) => f.sha2)}::text[]) AS c("toolId", sha2)
    WHERE NOT EXISTS (
      SELECT 1 FROM "XapiStatement" s CROSS JOIN LATERAL ${ATTACHMENTS} a
      WHERE s."toolId" = c."toolId" AND jsonb_typeof(a) = 'object' AND lower(a->>'sha2') = c.sha2)`;
}

/** After commit: a file left by a crash is unreachable (no row names it), so a failure is only logged. */
export async function removeFiles(files: RemovedFiles): Promise<void> {
  const log = (what: string) => (error: unknown) => console.error(`[deletion] could not remove ${what}`, error);
  await Promise.all(files.keys.map((key) => removeStoredFile(key).catch(log(`stored file ${key}`))));
  const orphans = await unreferenced(files.xapi).catch((error: unknown) => {
    log("statement attachments")(error);
    return [];
  });
  await Promise.all(
    orphans.map((f) =>
      rm(path.join(/* turbopackIgnore: true */ uploadDir(), "xapi", f.toolId, f.sha2), { force: true }).catch(
        log(`statement attachment ${f.toolId}/${f.sha2}`),
      ),
    ),
  );
}

/** A deletion's transaction may hold a student's years of records: longer than Prisma's 5 s default. */
export const DELETION_TX = { timeout: 60_000, maxWait: 10_000 } as const;
