// Writing independent study agreements: start, edit, send for signatures, sign. Each is one
// transaction: parse → load through access → policy → check against the database → write →
// revision, notifications and audit.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { fromIsoDay, isoDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { emailSoon } from "@/lib/notifications/email";
import { notify } from "@/lib/notifications/notify";
import { findVisiblePlan } from "@/lib/plans/access";
import { findVisibleAgreement, lockAgreement, type VisibleAgreement } from "./access";
import { loadContext } from "./context";
import { agreementDraftSchema, checkAgreement, ELEMENT_LABEL, emptyAgreement, OPTIONAL_STATEMENT, type Element } from "./elements";
import { agreementRevisionSchema, type AgreementRevisionContent } from "./revision";
import { saveAgreementSchema, sendAgreementSchema, signAgreementSchema, startAgreementSchema } from "./schemas";
import { signedInTime, signingRule } from "./school-days";
import { sameName, signingStatus, toSignBy } from "./signers";

const today = () => isoDay(new Date());

/** An independent study plan's agreement, started empty (the four core subjects listed). */
export async function startAgreement(actor: Actor, input: unknown): Promise<{ planId: string }> {
  const { planId } = startAgreementSchema.parse(input);
  return db.$transaction(async (tx) => {
    const plan = await findVisiblePlan(tx, actor, planId, { id: true, type: true, schoolId: true, agreement: { select: { id: true } } });
    if (!allows(plan.relations, "agreement:edit")) throw new ForbiddenError("Only the student and their teachers write the agreement.");
    if (plan.type !== "INDEPENDENT_STUDY") throw new InputError("Only an independent study plan carries an agreement.");
    if (plan.agreement) return { planId };
    const created = await tx.studyAgreement.create({
      data: {
        planId,
        content: emptyAgreement(),
        // A teacher who starts it supervises, until someone names another.
        supervisingTeacherId: plan.relations.includes("TEACHER") ? actor.id : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: plan.schoolId,
      actorId: actor.id,
      action: "agreement.start",
      entityType: "StudyAgreement",
      entityId: created.id,
    });
    return { planId };
  });
}

/**
 * Saves the agreement's elements and signers. A change to an agreement already sent clears its
 * signatures: the new version must be complete, and it goes out for signatures again; every
 * earlier version stays, with the signatures it had.
 */
export async function saveAgreement(actor: Actor, input: unknown): Promise<{ status: string; revision: number | null }> {
  const r = saveAgreementSchema.parse(input);
  const saved = await db.$transaction(async (tx) => {
    await lockAgreement(tx, r.planId);
    const a = await findVisibleAgreement(tx, actor, r.planId);
    if (!allows(a.relations.plan, "agreement:edit")) throw new ForbiddenError("Only the student and their teachers change the agreement.");
    if (a.status === "ENDED") throw new ForbiddenError("This agreement has ended; it can no longer change.");
    await checkPeople(tx, a, r.supervisingTeacherId, r.assistants);
    const done = await tx.studyAgreement.updateMany({
      where: { id: a.id, version: r.version },
      data: {
        content: r.elements,
        startsOn: r.elements.startsOn ? fromIsoDay(r.elements.startsOn) : null,
        endsOn: r.elements.endsOn ? fromIsoDay(r.elements.endsOn) : null,
        supervisingTeacherId: r.supervisingTeacherId || null,
        version: { increment: 1 },
      },
    });
    if (done.count === 0) throw new ConflictError("Someone changed this agreement since you opened it. Reload it to see their changes.");
    await tx.agreementAssistant.deleteMany({ where: { agreementId: a.id } });
    if (r.assistants.length) await tx.agreementAssistant.createMany({ data: r.assistants.map((x) => ({ agreementId: a.id, ...x })) });
    await recordAudit(tx, {
      organizationId: a.plan.schoolId,
      actorId: actor.id,
      action: "agreement.edit",
      entityType: "StudyAgreement",
      entityId: a.id,
    });
    if (a.status === "DRAFT") return { status: "DRAFT", revision: null };
    // Sent before: signatures are void, and this version is sent again.
    const revision = await issueRevision(tx, actor, r.planId);
    return { status: "AWAITING_SIGNATURES", revision };
  });
  // Sent again: the people asked to sign get an email too.
  if (saved.revision !== null) emailSoon();
  return saved;
}

/** Sends a complete draft for signatures; refused with one message per missing or invalid element. */
export async function sendForSignatures(actor: Actor, input: unknown): Promise<{ revision: number }> {
  const r = sendAgreementSchema.parse(input);
  const sent = await db.$transaction(async (tx) => {
    await lockAgreement(tx, r.planId);
    const a = await findVisibleAgreement(tx, actor, r.planId);
    if (!allows(a.relations.plan, "agreement:send")) throw new ForbiddenError("The student's teacher sends the agreement for signatures.");
    if (a.status !== "DRAFT") throw new ConflictError("This agreement has been sent for signatures already.");
    const done = await tx.studyAgreement.updateMany({ where: { id: a.id, version: r.version }, data: { version: { increment: 1 } } });
    if (done.count === 0) throw new ConflictError("Someone changed this agreement since you opened it. Reload it to see their changes.");
    return { revision: await issueRevision(tx, actor, r.planId) };
  });
  emailSoon();
  return sent;
}

/** Signs the version the signer read (by its hash), for every place they are asked to sign. */
export async function signAgreement(actor: Actor, input: unknown): Promise<{ active: boolean; late: boolean; rule: string }> {
  const r = signAgreementSchema.parse(input);
  return db.$transaction(async (tx) => {
    await lockAgreement(tx, r.planId);
    const a = await findVisibleAgreement(tx, actor, r.planId);
    if (a.status === "ACTIVE") throw new ConflictError("Everyone has signed this agreement already.");
    if (a.status !== "AWAITING_SIGNATURES" || !a.latest) throw new ConflictError("This agreement is not waiting for signatures.");
    if (a.latest.contentHash !== r.contentHash) {
      throw new ConflictError("The agreement changed since you opened it. Read this version before you sign.");
    }
    const content = agreementRevisionSchema.parse(a.latest.content);
    const mine = toSignBy(actor.id, content.signers, a.latest.signatures);
    if (mine.length === 0) {
      if (content.signers.some((e) => e.anyOf.some((p) => p.id === actor.id)))
        throw new ConflictError("You have signed this version already.");
      throw new ForbiddenError("You are not asked to sign this agreement.");
    }
    if (!allows(signerRelations(a), "agreement:sign") && !a.relations.supervising && !a.relations.assisting) {
      throw new ForbiddenError("You are not asked to sign this agreement.");
    }
    if (!sameName(r.typedName, actor.name)) {
      const message = `Type your full name as your account has it: ${actor.name}.`;
      throw new InputError(message, { typedName: [message] });
    }
    const signedAt = new Date();
    await tx.agreementSignature.createMany({
      data: mine.map((e) => ({
        agreementId: a.id,
        revisionId: a.latest!.id,
        signerId: actor.id,
        role: e.role,
        typedName: r.typedName,
        contentHash: a.latest!.contentHash,
        signedAt,
      })),
    });
    const signatures = [
      ...a.latest.signatures,
      ...mine.map((e) => ({ signerId: actor.id, role: e.role, typedName: r.typedName, signedAt })),
    ];
    const { complete } = signingStatus(content.signers, signatures);
    if (complete) {
      // Still the version that was signed (the row lock makes this certain; the condition says so).
      await tx.studyAgreement.updateMany({
        where: { id: a.id, status: "AWAITING_SIGNATURES" },
        data: { status: "ACTIVE", activatedAt: signedAt },
      });
      await notify(
        tx,
        everyone(content).filter((id) => id !== actor.id),
        { type: "AGREEMENT_ACTIVE", actorId: actor.id, planId: a.planId, agreementId: a.id },
      );
    }
    await recordAudit(tx, {
      organizationId: a.plan.schoolId,
      actorId: actor.id,
      action: "agreement.sign",
      entityType: "StudyAgreement",
      entityId: a.id,
      detail: { revision: a.latest.number, contentHash: a.latest.contentHash, roles: mine.map((e) => e.role) },
    });
    const rule = ruleOf(content);
    return { active: complete, late: !signedInTime(rule, isoDay(signedAt)), rule: content.signingRule.text };
  });
}

/** The actor's relationships that allow signing: the student themself, a guardian of the student, a teacher. */
function signerRelations(a: VisibleAgreement) {
  return a.relations.plan;
}

function everyone(content: AgreementRevisionContent) {
  return [...new Set(content.signers.flatMap((e) => e.anyOf.map((p) => p.id)))];
}

function ruleOf(content: AgreementRevisionContent) {
  const r = content.signingRule;
  return r.kind === "long"
    ? { kind: "long" as const, schoolDays: r.schoolDays, signBefore: r.deadline ?? "", text: r.text }
    : { kind: "short" as const, schoolDays: r.schoolDays, signBy: r.deadline, text: r.text };
}

/** The supervising teacher teaches at the plan's school; everyone assisting is staff there; neither is the student. */
async function checkPeople(tx: Tx, a: VisibleAgreement, teacherId: string, assistants: { userId: string }[]) {
  const ids = [...new Set([teacherId, ...assistants.map((x) => x.userId)].filter(Boolean))];
  const staff = await tx.membership.findMany({
    where: { userId: { in: ids }, organizationId: a.plan.schoolId, endedAt: null, role: { in: ["TEACHER", "ADMIN"] } },
    select: { userId: true, role: true },
  });
  if (teacherId && !staff.some((m) => m.userId === teacherId && m.role === "TEACHER")) {
    throw new InputError("Choose a teacher at the student's school.", {
      supervisingTeacherId: ["Choose a teacher at the student's school."],
    });
  }
  const outsider = assistants.find((x) => x.userId === a.plan.studentId || !staff.some((m) => m.userId === x.userId));
  if (outsider)
    throw new InputError("Everyone assisting must be staff at the student's school.", {
      assistants: ["Everyone assisting must be staff at the student's school."],
    });
  if (new Set(assistants.map((x) => x.userId)).size !== assistants.length) {
    throw new InputError("Each person assists once.", { assistants: ["Each person assists once."] });
  }
}

/**
 * Checks the agreement as stored and sends it: a new immutable revision with the board's policies
 * copied in and the signers fixed, signatures cleared, the signers notified.
 */
async function issueRevision(tx: Tx, actor: Actor, planId: string): Promise<number> {
  const a = await findVisibleAgreement(tx, actor, planId);
  const elements = agreementDraftSchema.parse(a.content);
  const loaded = await loadContext(tx, a, today());
  const problems = checkAgreement(elements, loaded.context);
  const keys = Object.keys(problems) as Element[];
  if (keys.length || !loaded.policy || !loaded.calendar) {
    throw new InputError(
      `The agreement is not complete: ${keys.map((k) => ELEMENT_LABEL[k]).join("; ")}.`,
      Object.fromEntries(keys.map((k) => [k, [problems[k] ?? ""]])),
    );
  }
  const rule = signingRule(elements.startsOn, elements.endsOn, loaded.calendar);
  const content: AgreementRevisionContent = {
    header: {
      student: { id: a.plan.student.id, name: a.plan.student.name, gradeLevel: a.plan.student.profile?.gradeLevel ?? 0 },
      school: loaded.school,
      program: "Independent study",
      plan: { id: a.plan.id, title: a.plan.title },
    },
    elements,
    optionalStatement: OPTIONAL_STATEMENT,
    policy: loaded.policy,
    signingRule: {
      kind: rule.kind,
      schoolDays: rule.schoolDays,
      text: rule.text,
      deadline: rule.kind === "long" ? rule.signBefore : rule.signBy,
    },
    signers: loaded.signers,
  };
  const number = (a.latest?.number ?? 0) + 1;
  await tx.agreementRevision.create({ data: { agreementId: a.id, number, content: content as Prisma.InputJsonValue, authorId: actor.id } });
  await tx.studyAgreement.update({ where: { id: a.id }, data: { status: "AWAITING_SIGNATURES", activatedAt: null } });
  await notify(
    tx,
    everyone(content).filter((id) => id !== actor.id),
    { type: "AGREEMENT_TO_SIGN", actorId: actor.id, planId, agreementId: a.id },
  );
  await recordAudit(tx, {
    organizationId: a.plan.schoolId,
    actorId: actor.id,
    action: "agreement.send",
    entityType: "StudyAgreement",
    entityId: a.id,
    detail: { revision: number },
  });
  return number;
}
