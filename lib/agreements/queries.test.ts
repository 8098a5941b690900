// The agreement page's reads: who sees what, what each may do, and every version kept.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createPlan } from "@/lib/plans/commands";
import { completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, person, planInput } from "@/test/fixtures";
import { saveAgreement, sendForSignatures, signAgreement, startAgreement } from "./commands";
import type { AgreementDraft } from "./elements";
import { agreementPdfFile, getAgreement, getAgreementRevision } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let aide: Actor;

/** Starts in January: signatures are due before it starts, so not late today. */
const onTime = (): AgreementDraft => ({ ...completeAgreement(), startsOn: "2027-01-11", endsOn: "2027-03-26" });
const version = async () => (await db.studyAgreement.findUniqueOrThrow({ where: { planId } })).version;
const save = async (actor: Actor, elements: AgreementDraft, assistants: { userId: string; role: string }[] = []) =>
  saveAgreement(actor, { planId, version: await version(), elements, supervisingTeacherId: s.teacher.id, assistants });
const sign = async (actor: Actor) => {
  const { contentHash } = await db.agreementRevision.findFirstOrThrow({ where: { agreement: { planId } }, orderBy: { number: "desc" } });
  return signAgreement(actor, { planId, contentHash, typedName: actor.name, agree: true });
};
const detail = async (actor: Actor) => {
  const page = await getAgreement(actor, planId);
  if (!page.agreement) throw new Error("no agreement");
  return page.agreement;
};

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student]);
  aide = await person(s.school, "TEACHER", "Ada Aide");
  planId = (await createPlan(s.student, planInput({ type: "INDEPENDENT_STUDY", title: "Away this spring" }))).id;
});

describe("getAgreement", () => {
  it("offers to start an independent study plan's agreement to the student and their teacher only", async () => {
    expect(await getAgreement(s.student, planId)).toMatchObject({ agreement: null, canStart: true, plan: { title: "Away this spring" } });
    expect(await getAgreement(s.teacher, planId)).toMatchObject({ agreement: null, canStart: true });
    // A draft plan is the student's own: the family finds nothing until an agreement is sent.
    for (const outsider of [s.guardian, s.otherTeacher, s.otherGuardian, s.otherAdmin, s.classmate, aide]) {
      await expect(getAgreement(outsider, planId)).rejects.toBeInstanceOf(NotFoundError);
    }
    const personalized = await createPlan(s.student, planInput());
    await expect(getAgreement(s.student, personalized.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives a draft's elements, what each person may do, and staff at the student's school to choose from", async () => {
    await startAgreement(s.teacher, { planId });
    const teacher = await detail(s.teacher);
    expect(teacher).toMatchObject({
      status: "DRAFT",
      latest: null,
      earlier: [],
      rule: null,
      allowed: { edit: true, send: true, sign: false },
    });
    expect(teacher.form.elements.subjects.map((x) => x.subject)).toEqual(["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"]);
    expect(teacher.form.supervisingTeacherId).toBe(s.teacher.id);
    expect(teacher.policy?.missedAssignmentsLimit).toBe(3);
    const teachers = teacher.staff.teachers.map((p) => p.id);
    expect(teachers).toEqual(expect.arrayContaining([s.teacher.id, s.otherTeacher.id, aide.id]));
    expect(teachers).not.toContain(s.teacherB.id);
    expect(teacher.staff.staff.map((p) => p.id)).toContain(s.admin.id);
    expect(teacher.staff.staff.map((p) => p.id)).not.toContain(s.student.id);

    expect((await detail(s.student)).allowed).toEqual({ edit: true, send: false, sign: false });
    // The family does not see an agreement that is still being written.
    await expect(getAgreement(s.guardian, planId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows the signing rule the draft's dates give, and once sent who still has to sign", async () => {
    await save(s.teacher, onTime(), [{ userId: aide.id, role: "Reading specialist" }]);
    expect((await detail(s.teacher)).rule).toMatchObject({ deadline: "2027-01-11", late: false });
    await sendForSignatures(s.teacher, { planId, version: await version() });

    const student = await detail(s.student);
    expect(student.status).toBe("AWAITING_SIGNATURES");
    expect(student.latest).toMatchObject({ number: 1, complete: false, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(student.latest?.content.header.student.name).toBe(s.student.name);
    expect(student.latest?.signing.map((r) => [r.label, r.names, r.signature])).toEqual([
      ["Student", [s.student.name], null],
      ["Parent or guardian", [s.guardian.name], null],
      ["Supervising teacher", [s.teacher.name], null],
      ["Reading specialist", [aide.name], null],
    ]);
    expect(student.allowed).toEqual({ edit: true, send: false, sign: true });
    // Once sent, the family reads and signs it (never edits, no list of staff), though the plan is
    // still a draft they do not see.
    const guardian = await detail(s.guardian);
    expect(guardian.allowed).toEqual({ edit: false, send: false, sign: true });
    expect(guardian.staff).toEqual({ teachers: [], staff: [] });
    // The aide cannot see the plan, yet reads and signs the agreement they assist with.
    const asAide = await getAgreement(aide, planId);
    expect([asAide.plan.visible, asAide.agreement?.allowed]).toEqual([false, { edit: false, send: false, sign: true }]);
    expect((await getAgreement(s.guardian, planId)).plan.visible).toBe(false);
    await expect(getAgreement(s.otherGuardian, planId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("records who signed and when, and asks no one twice", async () => {
    await sign(s.student);
    const after = await detail(s.student);
    expect(after.allowed.sign).toBe(false);
    expect(after.latest?.signing[0]?.signature).toMatchObject({
      name: s.student.name,
      typedName: s.student.name,
      signedAt: expect.any(Date),
    });
    expect(after.latest?.signedByMeAt).toEqual(expect.any(Date));
    const teacher = await detail(s.teacher);
    expect([teacher.allowed.sign, teacher.latest?.signedByMeAt]).toEqual([true, null]);
  });

  it("keeps an earlier version with its signatures when a change voids them, and warns when signing is late", async () => {
    // Starting in August, before today: signatures were due before it started.
    await save(s.teacher, completeAgreement(), [{ userId: aide.id, role: "Reading specialist" }]);
    const teacher = await detail(s.teacher);
    expect(teacher.latest).toMatchObject({ number: 2, complete: false });
    expect(teacher.latest?.signing.every((r) => r.signature === null)).toBe(true);
    expect(teacher.earlier).toEqual([{ number: 1, createdAt: expect.any(Date), signatureCount: 1 }]);
    expect(teacher.rule).toMatchObject({ deadline: "2026-08-17", late: true });
  });
});

describe("getAgreementRevision", () => {
  it("prints the latest or an earlier version with its signatures, for those who may see the agreement only", async () => {
    const latest = await getAgreementRevision(s.guardian, planId);
    expect(latest).toMatchObject({ number: 2, latest: true, complete: false });
    const first = await getAgreementRevision(s.guardian, planId, 1);
    expect(first).toMatchObject({ number: 1, latest: false });
    expect(first.signing.filter((r) => r.signature).map((r) => r.signature?.name)).toEqual([s.student.name]);
    expect(first.contentHash).not.toBe(latest.contentHash);
    expect(first.content.elements.startsOn).toBe("2027-01-11");
    await expect(getAgreementRevision(s.guardian, planId, 3)).rejects.toBeInstanceOf(NotFoundError);
    for (const outsider of [s.otherGuardian, s.otherTeacher, s.otherAdmin, s.classmate]) {
      await expect(getAgreementRevision(outsider, planId, 1)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("downloads a version as a PDF for those who may see the agreement only", async () => {
    const { bytes, fileName } = await agreementPdfFile(s.guardian, planId, 1);
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(fileName).toBe("independent-study-agreement-Sam-Student-v1.pdf");
    expect((await agreementPdfFile(s.teacher, planId)).fileName).toMatch(/-v2\.pdf$/);
    await expect(agreementPdfFile(s.otherGuardian, planId, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(agreementPdfFile(s.otherAdmin, planId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds nothing to print before the agreement is sent", async () => {
    const { id } = await createPlan(s.student, planInput({ type: "INDEPENDENT_STUDY", title: "Not sent" }));
    await startAgreement(s.student, { planId: id });
    await expect(getAgreementRevision(s.student, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
