import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { addProfileComment, updateProfile } from "./commands";
import { getProfileForPlan, getProfileHistory, getStudentProfile } from "./queries";
import type { ProfileFormInput } from "./schemas";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
  await db.studentProfile.createMany({
    data: [s.student, s.classmate, s.strangerStudent, s.childB, s.otherStudent].map((p) => ({
      userId: p.id,
      gradeLevel: 7,
      strengths: "Curious",
      interests: "Rivers",
    })),
  });
});

const profile = (overrides: Partial<ProfileFormInput> = {}): ProfileFormInput => ({
  strengths: "Curious and patient",
  needs: "Quiet time to start",
  interests: "Rivers and fishing",
  learningPreferences: "Trying things out",
  aspirations: "Become a marine biologist",
  engagement: ["real-world", "with-others"],
  representation: ["trying", "diagrams"],
  expression: ["building", "talking"],
  preferredSettings: ["COMMUNITY", "HOME"],
  ...overrides,
});

async function versionOf(studentId: string) {
  return (await db.studentProfile.findUniqueOrThrow({ where: { userId: studentId } })).version;
}

async function save(actor: Actor, studentId: string, overrides: Partial<ProfileFormInput> = {}) {
  return updateProfile(actor, { studentId, version: await versionOf(studentId), profile: profile(overrides) });
}

describe("who may read a learner profile", () => {
  it("lets the student, their guardian, their teacher and admins over their school read it, with what each may do", async () => {
    const cases: [Actor, { edit: boolean; comment: boolean }][] = [
      [s.student, { edit: true, comment: false }],
      [s.guardian, { edit: false, comment: false }],
      [s.teacher, { edit: false, comment: true }],
      [s.admin, { edit: false, comment: false }],
      [s.districtAdmin, { edit: false, comment: false }],
    ];
    for (const [actor, allowed] of cases) {
      const p = await getStudentProfile(actor, s.student.id);
      expect(p.profile?.interests, actor.name).toBe("Rivers");
      expect(p.allowed, actor.name).toEqual(allowed);
    }
  });

  it("hides it from another student, another teacher, another family, another school's teacher and another district", async () => {
    for (const actor of [s.classmate, s.otherTeacher, s.otherGuardian, s.teacherB, s.otherAdmin]) {
      await expect(getStudentProfile(actor, s.student.id), actor.name).rejects.toBeInstanceOf(NotFoundError);
      await expect(getProfileHistory(actor, s.student.id), actor.name).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("shows a teacher-parent their own child's profile to read, not to comment on", async () => {
    const p = await getStudentProfile(s.teacherParent, s.childB.id);
    expect(p.allowed).toEqual({ edit: false, comment: false });
  });

  it("goes beside a plan only for people who may see the plan", async () => {
    const { id } = await createPlan(s.student, planInput());
    const forTeacher = await getProfileForPlan(s.teacher, id);
    expect(forTeacher).toMatchObject({ studentId: s.student.id, reviewer: true, isOwner: false });
    expect(await getProfileForPlan(s.student, id)).toMatchObject({ reviewer: false, isOwner: true });
    // A draft is the student's own: the family follows the plan from its first submission on.
    await expect(getProfileForPlan(s.guardian, id)).rejects.toBeInstanceOf(NotFoundError);
    await transitionPlan(s.student, { planId: id, version: 1, transition: "submit", note: "" });
    expect(await getProfileForPlan(s.guardian, id)).toMatchObject({ reviewer: false, isOwner: false });
    for (const actor of [s.classmate, s.otherTeacher, s.otherAdmin]) {
      await expect(getProfileForPlan(actor, id), actor.name).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("editing a learner profile", () => {
  it("lets the student save their own profile, keeping every version and auditing it", async () => {
    const before = await versionOf(s.student.id);
    const { version } = await save(s.student, s.student.id);
    expect(version).toBe(before + 1);
    const stored = await db.studentProfile.findUniqueOrThrow({ where: { userId: s.student.id } });
    expect(stored).toMatchObject({ version, aspirations: "Become a marine biologist", expression: ["building", "talking"] });
    const revisions = await db.studentProfileRevision.findMany({ where: { studentId: s.student.id }, orderBy: { number: "asc" } });
    // The state before history was kept is recorded first, then the save.
    expect(revisions.map((r) => [r.number, r.authorId])).toEqual([
      [before, null],
      [version, s.student.id],
    ]);
    expect(Object.keys(revisions[1]?.content as object).sort()).toEqual(
      [
        "aspirations",
        "engagement",
        "expression",
        "interests",
        "learningPreferences",
        "needs",
        "preferredSettings",
        "representation",
        "strengths",
      ].sort(),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "profile.update", entityId: s.student.id } });
    expect(audit).toMatchObject({ actorId: s.student.id, organizationId: s.school.id });
  });

  it("shows what changed between versions, field by field, with who and when", async () => {
    await save(s.student, s.student.id, { interests: "Rivers, fishing and maps", expression: ["building", "drawing"] });
    const history = await getProfileHistory(s.teacher, s.student.id);
    const [latest] = history.items;
    expect(latest?.author).toBe("Sam Student");
    const byField = Object.fromEntries((latest?.changes ?? []).map((c) => [c.field, c]));
    expect(Object.keys(byField).sort()).toEqual(["expression", "interests"]);
    expect(byField.expression).toMatchObject({ kind: "list", added: ["drawing or designing"], removed: ["talking or presenting"] });
    const text = byField.interests;
    if (text?.kind !== "text") throw new Error("interests should be a text change");
    // The marked parts rebuild both versions: what was there, and what is there now.
    expect(
      text.parts
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join(""),
    ).toBe("Rivers and fishing");
    expect(
      text.parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(""),
    ).toBe("Rivers, fishing and maps");
    expect(text.parts.some((p) => p.added) && text.parts.some((p) => !p.added && !p.removed)).toBe(true);
    // The oldest version is the state history began with.
    expect(history.items.at(-1)).toMatchObject({ author: null, first: true });
  });

  it("refuses a stale version with a clear conflict and changes nothing", async () => {
    const current = await versionOf(s.student.id);
    const attempt = updateProfile(s.student, { studentId: s.student.id, version: current - 1, profile: profile({ strengths: "Lost" }) });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/changed somewhere else/);
    const after = await db.studentProfile.findUniqueOrThrow({ where: { userId: s.student.id } });
    expect([after.version, after.strengths]).toEqual([current, "Curious and patient"]);
  });

  it("refuses choices that are not on the list", async () => {
    await expect(
      updateProfile(s.student, {
        studentId: s.student.id,
        version: await versionOf(s.student.id),
        profile: { ...profile(), expression: ["diagnosis"] },
      }),
    ).rejects.toBeInstanceOf(z.ZodError);
  });

  it("lets nobody else write it: teacher, guardian and admin are refused, other people don't find it", async () => {
    const before = await db.studentProfile.findUniqueOrThrow({ where: { userId: s.student.id } });
    for (const actor of [s.teacher, s.guardian, s.admin, s.districtAdmin]) {
      await expect(save(actor, s.student.id, { strengths: "Hijacked" }), actor.name).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const actor of [s.classmate, s.otherTeacher, s.otherGuardian, s.otherAdmin, s.otherStudent]) {
      await expect(save(actor, s.student.id, { strengths: "Hijacked" }), actor.name).rejects.toBeInstanceOf(NotFoundError);
    }
    const after = await db.studentProfile.findUniqueOrThrow({ where: { userId: s.student.id } });
    expect([after.version, after.strengths]).toEqual([before.version, before.strengths]);
  });
});

describe("comments on a learner profile", () => {
  it("lets a teacher of the student comment, tells the student, and shows it to the student, guardian and admin", async () => {
    const { id } = await addProfileComment(s.teacher, { studentId: s.student.id, body: "Love the marine biology goal!" });
    expect(await db.notification.count({ where: { userId: s.student.id, type: "PROFILE_COMMENTED", actorId: s.teacher.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "profile.comment", entityId: s.student.id } })).toBe(1);
    for (const actor of [s.student, s.guardian, s.teacher, s.admin]) {
      const p = await getStudentProfile(actor, s.student.id);
      expect(
        p.comments.map((c) => [c.id, c.author]),
        actor.name,
      ).toContainEqual([id, "Tess Teacher"]);
    }
  });

  it("refuses everyone else: student, guardian, admin may not; another teacher or district finds nothing", async () => {
    const before = await db.profileComment.count({ where: { studentId: s.student.id } });
    for (const actor of [s.student, s.guardian, s.admin]) {
      await expect(addProfileComment(actor, { studentId: s.student.id, body: "x" }), actor.name).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const actor of [s.otherTeacher, s.teacherB, s.classmate, s.otherAdmin]) {
      await expect(addProfileComment(actor, { studentId: s.student.id, body: "x" }), actor.name).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.profileComment.count({ where: { studentId: s.student.id } })).toBe(before);
  });
});
