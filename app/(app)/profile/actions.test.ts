// The profile actions are public endpoints: replayed as a browser would, with tampered ids.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { updateProfileAction } = await import("./actions");
const { addProfileCommentAction } = await import("../students/[id]/actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
  await db.studentProfile.createMany({ data: [s.student, s.classmate].map((p) => ({ userId: p.id, gradeLevel: 7, strengths: "Kept" })) });
});
beforeEach(() => {
  signedIn = null;
});

const input = (studentId: string, strengths = "Changed") => ({
  studentId,
  version: 1,
  profile: {
    strengths,
    needs: "",
    interests: "",
    learningPreferences: "",
    aspirations: "",
    engagement: [],
    representation: [],
    expression: ["writing"],
    preferredSettings: ["HOME"],
  },
});

describe("profile actions", () => {
  it("refuse a signed-out caller", async () => {
    expect(await updateProfileAction(input(s.student.id))).toMatchObject({ ok: false, code: "SESSION_ENDED" });
  });

  it("answer another student's id with 'not found', and a teacher's write with 'forbidden'; nothing changes", async () => {
    signedIn = s.classmate;
    expect(await updateProfileAction(input(s.student.id, "Hijacked"))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.teacher;
    expect(await updateProfileAction(input(s.student.id, "Hijacked"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signedIn = s.otherTeacher;
    expect(await addProfileCommentAction({ studentId: s.student.id, body: "peek" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.student;
    expect(await addProfileCommentAction({ studentId: s.student.id, body: "self" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const stored = await db.studentProfile.findUniqueOrThrow({ where: { userId: s.student.id } });
    expect([stored.strengths, stored.version]).toEqual(["Kept", 1]);
    expect(await db.profileComment.count({ where: { studentId: s.student.id } })).toBe(0);
  });

  it("return field errors for choices off the list, and save the student's own profile", async () => {
    signedIn = s.student;
    const bad = await updateProfileAction({
      ...input(s.student.id),
      profile: { ...input(s.student.id).profile, preferredSettings: ["MARS"] },
    });
    expect(bad).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "profile.preferredSettings.0": ["Choose from the list."] } });
    expect(await updateProfileAction(input(s.student.id))).toEqual({ ok: true, data: { version: 2 } });
    expect(await updateProfileAction(input(s.student.id, "Stale"))).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
