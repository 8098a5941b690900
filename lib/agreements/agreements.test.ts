// Independent study agreements: who writes, sends and signs them, and every signing rule.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { createPlan } from "@/lib/plans/commands";
import { completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { actorOf, makeSchool, person, planInput } from "@/test/fixtures";
import type { Actor } from "@/lib/auth/actor";
import { findVisibleAgreement } from "./access";
import { saveAgreement, sendForSignatures, signAgreement, startAgreement } from "./commands";
import type { AgreementDraft } from "./elements";
import { agreementRevisionSchema } from "./revision";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let aide: Actor;

/** Complete, starting in January: a long agreement whose signatures are due before it starts. */
const complete = (): AgreementDraft => ({ ...completeAgreement(), startsOn: "2027-01-11", endsOn: "2027-03-26" });

const version = async (id = planId) =>
  (await db.studyAgreement.findUniqueOrThrow({ where: { planId: id }, select: { version: true } })).version;
const latest = async (id = planId) =>
  db.agreementRevision.findFirstOrThrow({
    where: { agreement: { planId: id } },
    orderBy: { number: "desc" },
    include: { signatures: true },
  });
const save = async (actor: Actor, elements: AgreementDraft, extra: Record<string, unknown> = {}, id = planId) =>
  saveAgreement(actor, { planId: id, version: await version(id), elements, supervisingTeacherId: s.teacher.id, assistants: [], ...extra });
const sign = async (actor: Actor, typedName = actor.name, id = planId) =>
  signAgreement(actor, { planId: id, contentHash: (await latest(id)).contentHash, typedName, agree: true });

async function independentStudyPlan(student: Actor) {
  const { id } = await createPlan(student, planInput({ type: "INDEPENDENT_STUDY", title: `${student.name}'s independent study` }));
  return id;
}

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student, s.classmate]);
  aide = await person(s.school, "TEACHER", "Ada Aide");
  planId = await independentStudyPlan(s.student);
});

describe("writing an agreement", () => {
  it("is started by the student or their teacher, on an independent study plan only", async () => {
    // The family does not see a draft plan at all (a draft is the student's own).
    await expect(startAgreement(s.guardian, { planId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startAgreement(s.otherTeacher, { planId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startAgreement(s.otherAdmin, { planId })).rejects.toBeInstanceOf(NotFoundError);
    const personalized = await createPlan(s.student, planInput());
    await expect(startAgreement(s.student, { planId: personalized.id })).rejects.toBeInstanceOf(InputError);
    await startAgreement(s.student, { planId });
    const a = await db.studyAgreement.findUniqueOrThrow({ where: { planId } });
    expect(a).toMatchObject({ status: "DRAFT", supervisingTeacherId: null });
  });

  it("refuses to send an incomplete agreement, with one message per element", async () => {
    const error = await sendForSignatures(s.teacher, { planId, version: await version() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(Object.keys((error as InputError).fieldErrors).sort()).toEqual(
      ["communication", "credits", "duration", "resources", "signatures", "study", "supports"].sort(),
    );
    expect(await db.agreementRevision.count({ where: { agreement: { planId } } })).toBe(0);
  });

  it("names only a teacher at the school as supervising and only staff there as assisting", async () => {
    await expect(save(s.teacher, complete(), { supervisingTeacherId: s.teacherB.id })).rejects.toMatchObject({
      fieldErrors: { supervisingTeacherId: ["Choose a teacher at the student's school."] },
    });
    await expect(save(s.teacher, complete(), { assistants: [{ userId: s.classmate.id, role: "Buddy" }] })).rejects.toBeInstanceOf(
      InputError,
    );
    // The family never writes it; while it is being written they do not even find it.
    await expect(save(s.guardian, complete())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is sent by the teacher once complete: a hashed revision with the board's policies and the signers", async () => {
    await save(s.teacher, complete(), { assistants: [{ userId: aide.id, role: "Reading specialist" }] });
    await expect(sendForSignatures(s.student, { planId, version: await version() })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await sendForSignatures(s.teacher, { planId, version: await version() })).toEqual({ revision: 1 });
    const revision = await latest();
    expect(revision.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const content = agreementRevisionSchema.parse(revision.content);
    expect(content.policy.missedAssignmentsLimit).toBe(3);
    expect(content.signingRule).toMatchObject({ kind: "long", deadline: "2027-01-11" });
    expect(content.signers.map((e) => e.role)).toEqual(["STUDENT", "GUARDIAN", "TEACHER", "ASSISTANT"]);
    const notified = await db.notification.findMany({ where: { type: "AGREEMENT_TO_SIGN", planId }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([s.student.id, s.guardian.id, aide.id].sort());
    await expect(db.agreementRevision.update({ where: { id: revision.id }, data: { content: {} } })).rejects.toThrow(/immutable/);
  });
});

describe("signing", () => {
  it("refuses a signature on a version the signer did not read, a wrong name, or no agreement", async () => {
    await expect(
      signAgreement(s.student, { planId, contentHash: "0".repeat(64), typedName: s.student.name, agree: true }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(sign(s.student, "Someone Else")).rejects.toMatchObject({
      fieldErrors: { typedName: [expect.stringContaining(s.student.name)] },
    });
    await expect(
      signAgreement(s.student, { planId, contentHash: (await latest()).contentHash, typedName: s.student.name, agree: false }),
    ).rejects.toThrow();
  });

  it("lets only the people asked sign: another family's guardian does not even find it", async () => {
    await expect(sign(s.otherGuardian)).rejects.toBeInstanceOf(NotFoundError);
    await expect(sign(s.otherAdmin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(sign(s.admin)).rejects.toBeInstanceOf(ForbiddenError);
    // The aide cannot see the plan, but sees and signs the agreement they assist with.
    const seen = await findVisibleAgreement(db, aide, planId);
    expect(seen.relations).toMatchObject({ plan: [], assisting: true });
  });

  it("becomes active with every signature, in any order, each bound to the revision's hash", async () => {
    expect(await sign(s.guardian)).toMatchObject({ active: false, late: false });
    await expect(sign(s.guardian)).rejects.toBeInstanceOf(ConflictError);
    expect(await sign(aide)).toMatchObject({ active: false });
    expect(await sign(s.student)).toMatchObject({ active: false });
    expect(await sign(s.teacher)).toMatchObject({ active: true });
    const revision = await latest();
    expect(revision.signatures.map((x) => x.role).sort()).toEqual(["ASSISTANT", "GUARDIAN", "STUDENT", "TEACHER"]);
    expect(revision.signatures.every((x) => x.contentHash === revision.contentHash)).toBe(true);
    expect(await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).toMatchObject({ status: "ACTIVE" });
    expect(await db.notification.count({ where: { type: "AGREEMENT_ACTIVE", planId } })).toBe(3);
    // The database keeps them as given, bound to the revision's hash.
    const first = revision.signatures[0]!;
    await expect(db.agreementSignature.update({ where: { id: first.id }, data: { typedName: "Someone" } })).rejects.toThrow(/immutable/);
    await expect(db.agreementSignature.delete({ where: { id: first.id } })).rejects.toThrow(/deleted only with/);
    await expect(
      db.agreementSignature.create({
        data: {
          agreementId: revision.agreementId,
          revisionId: revision.id,
          signerId: s.admin.id,
          role: "ASSISTANT",
          typedName: "Ada Admin",
          contentHash: "f".repeat(64),
        },
      }),
    ).rejects.toThrow(/hash of the revision/);
  });

  it("ends a named staff member's access when they leave the school", async () => {
    // The aide moves to school B in the same district.
    const moved = await db.membership.create({
      data: { userId: aide.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "TEACHER" },
    });
    await db.membership.updateMany({ where: { userId: aide.id, organizationId: s.school.id }, data: { endedAt: new Date() } });
    await expect(findVisibleAgreement(db, await actorOf(aide.id), planId)).rejects.toBeInstanceOf(NotFoundError);
    await db.membership.updateMany({ where: { userId: aide.id, organizationId: s.school.id }, data: { endedAt: null } });
    await db.membership.delete({ where: { id: moved.id } });
  });

  it("clears the signatures on any change and sends the new version, keeping the signed one", async () => {
    await expect(save(s.student, { ...complete(), supports: "" })).rejects.toMatchObject({
      fieldErrors: { supports: [expect.any(String)] },
    });
    expect(await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).toMatchObject({ status: "ACTIVE" });
    expect(await save(s.student, { ...complete(), endsOn: "2027-03-19" })).toEqual({ status: "AWAITING_SIGNATURES", revision: 2 });
    const revisions = await db.agreementRevision.findMany({
      where: { agreement: { planId } },
      orderBy: { number: "asc" },
      include: { signatures: true },
    });
    expect(revisions.map((r) => [r.number, r.signatures.length])).toEqual([
      [1, 4],
      [2, 0],
    ]);
    expect(await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).toMatchObject({
      status: "AWAITING_SIGNATURES",
      activatedAt: null,
    });
    // A signature for the old version is refused as stale.
    await expect(
      signAgreement(s.student, { planId, contentHash: revisions[0]!.contentHash, typedName: s.student.name, agree: true }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("asks no guardian of a student aged 18 or over, and says when signatures are late", async () => {
    await db.studentProfile.update({ where: { userId: s.classmate.id }, data: { birthDate: new Date("2007-01-15") } });
    await db.guardianLink.create({ data: { districtId: s.district.id, guardianId: s.guardian.id, studentId: s.classmate.id } });
    const adultPlan = await independentStudyPlan(s.classmate);
    await startAgreement(s.teacher, { planId: adultPlan });
    // A short agreement that started in August: signatures were due within 10 school days of its start.
    const short = { ...complete(), startsOn: "2026-08-17", endsOn: "2026-08-21" };
    await save(s.teacher, short, {}, adultPlan);
    await sendForSignatures(s.teacher, { planId: adultPlan, version: await version(adultPlan) });
    const content = agreementRevisionSchema.parse((await latest(adultPlan)).content);
    expect(content.signers.map((e) => e.role)).toEqual(["STUDENT", "TEACHER"]);
    await expect(sign(s.guardian, s.guardian.name, adultPlan)).rejects.toBeInstanceOf(ForbiddenError);
    const result = await sign(s.classmate, s.classmate.name, adultPlan);
    expect(result.rule).toMatch(/within 10 school days of its start, by 2026-08-28/);
    expect(result).toMatchObject({ active: false, late: true });
  });
});
