// The agreement's server actions are public endpoints: these replay them as a browser would,
// with tampered plan ids and hashes, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { emptyAgreement } from "@/lib/agreements/elements";
import { db } from "@/lib/db";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { completeAgreement, prepareIndependentStudy } from "@/test/agreements";
import { makeSchool, planInput } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;

const agreement = () =>
  db.studyAgreement.findUniqueOrThrow({ where: { planId }, include: { revisions: { include: { signatures: true } } } });
const form = async (elements = completeAgreement(), id = planId) => ({
  planId: id,
  version: (await agreement()).version,
  elements: { ...elements, startsOn: "2027-01-11", endsOn: "2027-03-26" },
  supervisingTeacherId: s.teacher.id,
  assistants: [],
});
const HASH = "0".repeat(64);

beforeAll(async () => {
  s = await makeSchool();
  await prepareIndependentStudy(s, [s.student]);
  planId = (await createPlan(s.student, planInput({ type: "INDEPENDENT_STUDY", title: "Away" }))).id;
});
beforeEach(() => {
  signedIn = null;
});

describe("agreement actions", () => {
  it("refuse a signed-out caller", async () => {
    for (const result of [
      await actions.startAgreementAction({ planId }),
      await actions.signAgreementAction({ planId, contentHash: HASH, typedName: "Sam Student", agree: true }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    }
    expect(await db.studyAgreement.count({ where: { planId } })).toBe(0);
  });

  it("answer a tampered plan id with 'not found' and start nothing", async () => {
    for (const outsider of [s.classmate, s.otherTeacher, s.otherGuardian, s.otherAdmin]) {
      signedIn = outsider;
      expect(await actions.startAgreementAction({ planId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // A draft never submitted is the student's own: the family does not find it. From the
    // first submission on they follow the plan, and still may not start its agreement.
    signedIn = s.guardian;
    expect(await actions.startAgreementAction({ planId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await transitionPlan(s.student, { planId, version: 1, transition: "submit", note: "" });
    expect(await actions.startAgreementAction({ planId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.studyAgreement.count({ where: { planId } })).toBe(0);
    signedIn = s.student;
    expect(await actions.startAgreementAction({ planId })).toEqual({ ok: true, data: { planId } });
  });

  it("refuse an incomplete agreement element by element, keeping what was saved", async () => {
    signedIn = s.teacher;
    const input = await form({ ...emptyAgreement(), supports: "Counselling for everyone who asks." });
    const result = await actions.saveAndSendAgreementAction(input);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["communication", "credits", "resources", "study"]);
    expect(result.fieldErrors?.communication?.[0]).toContain("manner, time, frequency and place");
    const after = await agreement();
    expect([after.status, after.version, after.revisions.length]).toEqual(["DRAFT", input.version + 1, 0]);
    expect((after.content as { supports: string }).supports).toBe("Counselling for everyone who asks.");
  });

  it("answer tampered writes with 'not found' or 'forbidden', and change nothing", async () => {
    const before = await agreement();
    signedIn = s.otherGuardian;
    expect(await actions.saveAgreementAction(await form())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.otherAdmin;
    expect(await actions.saveAndSendAgreementAction(await form())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.guardian;
    expect(await actions.saveAgreementAction(await form())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // A teacher from elsewhere in the district named as supervising: refused beside the field.
    signedIn = s.teacher;
    const foreign = await actions.saveAgreementAction({ ...(await form()), supervisingTeacherId: s.teacherB.id });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { supervisingTeacherId: [expect.any(String)] } });
    const after = await agreement();
    expect([after.version, after.content]).toEqual([before.version, before.content]);
  });

  it("send a complete agreement, then refuse signatures on a tampered or malformed hash", async () => {
    signedIn = s.teacher;
    expect(await actions.saveAndSendAgreementAction(await form())).toEqual({ ok: true, data: { revision: 1 } });
    const { contentHash } = (await agreement()).revisions[0]!;

    signedIn = s.student;
    const stale = await actions.signAgreementAction({ planId, contentHash: HASH, typedName: s.student.name, agree: true });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    const malformed = await actions.signAgreementAction({ planId, contentHash: "not-a-hash", typedName: s.student.name, agree: true });
    expect(malformed).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { contentHash: [expect.any(String)] } });
    const unagreed = await actions.signAgreementAction({ planId, contentHash, typedName: s.student.name, agree: false });
    expect(unagreed).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { agree: [expect.any(String)] } });
    signedIn = s.otherGuardian;
    const foreign = await actions.signAgreementAction({ planId, contentHash, typedName: s.otherGuardian.name, agree: true });
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await agreement()).revisions[0]?.signatures).toEqual([]);

    signedIn = s.student;
    const signed = await actions.signAgreementAction({ planId, contentHash, typedName: s.student.name, agree: true });
    expect(signed).toMatchObject({ ok: true, data: { active: false } });
    expect((await agreement()).revisions[0]?.signatures.map((x) => x.signerId)).toEqual([s.student.id]);
  });
});
