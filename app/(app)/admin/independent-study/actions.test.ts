// Server actions are public endpoints: anyone can post any ids to them. These tests call them as
// the browser would, with tampered ids, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

const YEAR = { startsOn: "2026-08-17", endsOn: "2027-06-10" };
const EMPTY = { startsOn: "", endsOn: "" };
const policy = (organizationId: string, extra: object = {}) => ({
  organizationId,
  maxDaysToDue: Array.from({ length: 13 }, () => 10),
  missedAssignmentsLimit: 3,
  satisfactoryProgress: "Completes 80% of assignments on time.",
  requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"],
  ...extra,
});

beforeAll(async () => {
  s = await makeSchool();
  // Another district with a school policy, year and closure to aim tampered ids at.
  await db.organization.update({
    where: { id: s.other.id },
    data: { schoolYearStartsOn: new Date(YEAR.startsOn), schoolYearEndsOn: new Date(YEAR.endsOn) },
  });
  await db.studyPolicy.create({
    data: {
      organizationId: s.otherSchool.id,
      maxDaysToDue: { K: 5 },
      missedAssignmentsLimit: 3,
      satisfactoryProgress: "Theirs",
      requiredSubjects: [],
    },
  });
  await db.schoolClosure.create({ data: { organizationId: s.other.id, day: new Date("2026-11-26"), name: "Their holiday" } });
});
beforeEach(() => {
  signedIn = null;
});

describe("independent study settings actions", () => {
  it("refuse a signed-out caller and a teacher", async () => {
    expect(await actions.saveStudyPolicyAction(policy(s.school.id))).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.teacher;
    expect(await actions.saveStudyPolicyAction(policy(s.school.id))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await actions.addClosureAction({ organizationId: s.school.id, day: "2026-11-26", name: "Thanksgiving" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("answer bad input with the field's message, never a 500", async () => {
    signedIn = s.districtAdmin;
    expect(
      await actions.saveSchoolYearAction({ organizationId: s.district.id, startsOn: "2027-06-10", endsOn: "2026-08-17", loaded: EMPTY }),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { endsOn: ["The school year must end after it starts."] },
    });
    expect(
      await actions.saveStudyPolicyAction(policy(s.district.id, { missedAssignmentsLimit: null, satisfactoryProgress: "" })),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: {
        missedAssignmentsLimit: ["Enter a number of missed assignments."],
        satisfactoryProgress: ["Describe satisfactory progress."],
      },
    });
    expect(await actions.removeClosureAction({ closureId: 42 })).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("answer tampered ids with 'not found' and change nothing", async () => {
    signedIn = s.admin;
    const theirPolicy = await db.studyPolicy.findUniqueOrThrow({ where: { organizationId: s.otherSchool.id } });
    const theirClosure = await db.schoolClosure.findFirstOrThrow({ where: { organizationId: s.other.id } });
    const results = [
      await actions.saveStudyPolicyAction(policy(s.schoolB.id)),
      await actions.saveStudyPolicyAction(policy(s.otherSchool.id, { version: 1 })),
      await actions.removeStudyPolicyAction({ policyId: theirPolicy.id, version: 1 }),
      await actions.saveSchoolYearAction({ organizationId: s.schoolB.id, ...YEAR, loaded: EMPTY }),
      await actions.saveSchoolYearAction({ organizationId: s.other.id, ...YEAR, loaded: YEAR }),
      await actions.districtSchoolYearAction({ organizationId: s.otherSchool.id, loaded: EMPTY }),
      await actions.addClosureAction({ organizationId: s.otherSchool.id, day: "2026-12-21", name: "Tampered" }),
      await actions.removeClosureAction({ closureId: theirClosure.id }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    // The district is visible to a school admin, not theirs to change.
    expect(await actions.saveSchoolYearAction({ organizationId: s.district.id, ...YEAR, loaded: EMPTY })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.studyPolicy.findUniqueOrThrow({ where: { id: theirPolicy.id } })).toMatchObject({
      version: 1,
      satisfactoryProgress: "Theirs",
    });
    expect(await db.studyPolicy.count({ where: { organizationId: s.schoolB.id } })).toBe(0);
    expect(await db.schoolClosure.count({ where: { OR: [{ id: theirClosure.id }, { name: "Tampered" }] } })).toBe(1);
    const orgs = await db.organization.findMany({
      where: { id: { in: [s.schoolB.id, s.district.id] } },
      select: { schoolYearStartsOn: true },
    });
    expect(orgs).toEqual([{ schoolYearStartsOn: null }, { schoolYearStartsOn: null }]);
  });

  it("let admins set the year, a school's own policy and a closure, and remove them", async () => {
    signedIn = s.districtAdmin;
    expect(await actions.saveSchoolYearAction({ organizationId: s.district.id, ...YEAR, loaded: EMPTY })).toEqual({ ok: true, data: YEAR });
    signedIn = s.admin;
    const saved = await actions.saveStudyPolicyAction(policy(s.school.id));
    expect(saved).toMatchObject({ ok: true, data: { version: 1 } });
    const closure = await actions.addClosureAction({ organizationId: s.school.id, day: "2026-11-26", name: "Thanksgiving" });
    expect(closure).toMatchObject({ ok: true, data: { day: "2026-11-26" } });
    expect(await actions.addClosureAction({ organizationId: s.school.id, day: "2026-11-26", name: "Again" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { day: ["There is already a closure that day: Thanksgiving."] },
    });
    if (!saved.ok || !closure.ok) return;
    expect(await actions.removeClosureAction({ closureId: closure.data.id })).toMatchObject({ ok: true });
    expect(await actions.removeStudyPolicyAction({ policyId: saved.data.id, version: 2 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await actions.removeStudyPolicyAction({ policyId: saved.data.id, version: 1 })).toMatchObject({ ok: true });
  });
});
