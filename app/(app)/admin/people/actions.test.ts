// The people pages' server actions are public endpoints: anyone can post any ids to them.
// These tests call them as the browser would, with tampered ids, and check that nothing
// leaks or changes.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The mail itself is the password-reset module's business (and its tests'); here only who may ask for it.
const sendPasswordResetLink = vi.fn(async (_actor: Actor, input: { userId: string }) => ({ sentTo: `${input.userId}@sent.test` }));
vi.mock("@/lib/auth/password-reset", () => ({
  sendPasswordResetLink: (actor: Actor, input: { userId: string }) => sendPasswordResetLink(actor, input),
}));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
  sendPasswordResetLink.mockClear();
});

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  name: "Noor New",
  email: `noor.${randomUUID().slice(0, 8)}@test.example`,
  role: "TEACHER",
  organizationId: s.school.id,
  gradeLevel: "",
  sendLink: false,
  ...overrides,
});

describe("people actions", () => {
  it("refuse a signed-out caller, and anyone who is not an admin, without touching anything", async () => {
    const before = await db.user.count();
    expect(await actions.createPersonAction(newPerson())).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    for (const actor of [s.teacher, s.student, s.guardian]) {
      signedIn = actor;
      expect(await actions.createPersonAction(newPerson())).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await actions.disablePersonAction({ userId: s.classmate.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await actions.pickPeopleAction({ q: "Sam", role: "STUDENT" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.user.count()).toBe(before);
  });

  it("answer tampered ids of another school or district with 'not found' and change nothing", async () => {
    signedIn = s.admin;
    const ottoAtB = await db.membership.findFirstOrThrow({ where: { userId: s.teacherParent.id, organizationId: s.schoolB.id } });
    const before = await db.user.findMany({
      where: { id: { in: [s.childB.id, s.otherStudent.id, s.teacherParent.id] } },
      orderBy: { id: "asc" },
    });
    const results = [
      await actions.updatePersonAction({ userId: s.childB.id, name: "Hijacked", email: s.childB.email, gradeLevel: "4" }),
      await actions.updatePersonAction({ userId: s.otherStudent.id, name: "Hijacked", email: s.otherStudent.email, gradeLevel: "4" }),
      await actions.disablePersonAction({ userId: s.otherStudent.id }),
      await actions.disablePersonAction({ userId: s.teacherParent.id }),
      await actions.enablePersonAction({ userId: s.childB.id }),
      await actions.endMembershipAction({ membershipId: ottoAtB.id }),
      await actions.unlinkGuardianAction({ guardianId: s.teacherParent.id, studentId: s.childB.id }),
      await actions.deletePersonAction({ userId: s.otherStudent.id, confirmName: s.otherStudent.name }),
      await actions.addMembershipAction({ userId: s.otherStudent.id, role: "STUDENT", organizationId: s.school.id }),
      // Someone who also belongs to school B: only the district admin may send them a link.
      await actions.sendResetLinkAction({ userId: s.teacherParent.id }),
      await actions.sendResetLinkAction({ userId: s.otherStudent.id }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
    expect(sendPasswordResetLink).not.toHaveBeenCalled();
    const after = await db.user.findMany({
      where: { id: { in: [s.childB.id, s.otherStudent.id, s.teacherParent.id] } },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
    expect((await db.membership.findUniqueOrThrow({ where: { id: ottoAtB.id } })).endedAt).toBeNull();
    expect(await db.guardianLink.count({ where: { guardianId: s.teacherParent.id, studentId: s.childB.id } })).toBe(1);
    expect(await db.membership.count({ where: { userId: s.otherStudent.id, organizationId: s.school.id } })).toBe(0);
  });

  it("answer a school of someone else's with a field message", async () => {
    signedIn = s.admin;
    for (const organizationId of [s.schoolB.id, s.otherSchool.id, "no-such-school"]) {
      expect(await actions.createPersonAction(newPerson({ organizationId }))).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { organizationId: [expect.any(String)] },
      });
      expect(await actions.addMembershipAction({ userId: s.classmate.id, role: "TEACHER", organizationId })).toMatchObject({
        ok: false,
        fieldErrors: { organizationId: [expect.any(String)] },
      });
    }
    expect(await actions.pickPeopleAction({ q: "Bea", role: "STUDENT", organizationId: s.schoolB.id })).toEqual({ ok: true, data: [] });
  });

  it("answer a duplicate email and a missing grade next to their fields", async () => {
    signedIn = s.admin;
    expect(await actions.createPersonAction(newPerson({ email: ` ${s.guardian.email.toUpperCase()} ` }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { email: [expect.stringContaining("already has this email")] },
    });
    expect(await actions.createPersonAction(newPerson({ role: "STUDENT" }))).toMatchObject({
      ok: false,
      fieldErrors: { gradeLevel: ["Choose the student's grade."] },
    });
  });

  it("create a person and then send the link; a failed link leaves the person created", async () => {
    signedIn = s.admin;
    const sent = await actions.createPersonAction(newPerson({ sendLink: true }));
    if (!sent.ok) throw new Error(sent.message);
    expect(sent.data.link).toBe("sent");
    expect(sendPasswordResetLink).toHaveBeenCalledWith(s.admin, { userId: sent.data.id });
    // The link is asked for after the person's transaction committed: the row is there to send to.
    expect(await db.user.count({ where: { id: sent.data.id } })).toBe(1);

    sendPasswordResetLink.mockRejectedValueOnce(new Error("mail server down"));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failed = await actions.createPersonAction(newPerson({ sendLink: true }));
    quiet.mockRestore();
    if (!failed.ok) throw new Error(failed.message);
    expect(failed.data.link).toBe("failed");
    expect(await db.user.count({ where: { id: failed.data.id } })).toBe(1);

    const none = await actions.createPersonAction(newPerson());
    expect(none).toMatchObject({ ok: true, data: { link: null } });
    expect(sendPasswordResetLink).toHaveBeenCalledTimes(2);
  });

  it("send a reset link only for someone wholly inside what the admin runs", async () => {
    const teacher = await person(s.school, "TEACHER", "Reset Me");
    signedIn = s.admin;
    expect(await actions.sendResetLinkAction({ userId: teacher.id })).toEqual({ ok: true, data: { sentTo: `${teacher.id}@sent.test` } });
    signedIn = s.districtAdmin;
    expect((await actions.sendResetLinkAction({ userId: s.teacherParent.id })).ok).toBe(true);
  });

  it("go back to the list when the person is gone from view", async () => {
    signedIn = s.admin;
    const leaving = await person(s.school, "STUDENT", "Del Eted");
    // Deleted: the admin goes on to the deletion certificate.
    expect(await actions.deletePersonAction({ userId: leaving.id, confirmName: leaving.name })).toEqual({
      ok: true,
      data: { redirectTo: expect.stringMatching(/^\/admin\/deletions\/[a-z0-9]+\?done=deleted$/) },
    });
    const both = await person(s.school, "TEACHER", "Also Elsewhere");
    await db.membership.create({ data: { userId: both.id, organizationId: s.schoolB.id, districtId: s.district.id, role: "TEACHER" } });
    const here = await db.membership.findFirstOrThrow({ where: { userId: both.id, organizationId: s.school.id } });
    expect(await actions.endMembershipAction({ membershipId: here.id })).toMatchObject({
      ok: true,
      data: { personVisible: false, redirectTo: "/admin/people?done=membership-ended" },
    });
  });
});
