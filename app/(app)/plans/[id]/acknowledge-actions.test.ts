// The acknowledgment action is a public endpoint: replayed with tampered ids and input, it finds
// nothing and records nothing; the linked guardian's own call is recorded once.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";
import { activePlan } from "@/test/plans";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { acknowledgePlanAction } = await import("./acknowledge-actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let foreignPlanId: string;
let version: number;

beforeAll(async () => {
  s = await makeSchool();
  ({ id: planId } = await activePlan(s.student, s.teacher, [[]], "Family plan"));
  version = (await db.planRevision.findFirstOrThrow({ where: { planId }, orderBy: { number: "desc" } })).number;
  // A plan of the other district, whose guardian would be Gina's twin there.
  const otherTeacher = await person(s.otherSchool, "TEACHER", "Far Teacher");
  await db.class.create({
    data: {
      schoolId: s.otherSchool.id,
      courseId: (await db.course.create({ data: { schoolId: s.otherSchool.id, title: "Far", subject: "ELA" } })).id,
      name: "Far ELA",
      enrollments: {
        create: [
          { userId: otherTeacher.id, role: "TEACHER" },
          { userId: s.otherStudent.id, role: "STUDENT" },
        ],
      },
    },
  });
  ({ id: foreignPlanId } = await activePlan(s.otherStudent, otherTeacher, [[]], "Far plan"));
});
beforeEach(() => {
  signedIn = null;
});

describe("acknowledgePlanAction", () => {
  it("refuses a signed-out caller and bad input before anything else", async () => {
    expect(await acknowledgePlanAction({ planId, version })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.guardian;
    const bad = await acknowledgePlanAction({ planId: "", version: "three" });
    expect(bad).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { planId: expect.any(Array), version: expect.any(Array) } });
  });

  it("answers tampered ids with 'not found' and records nothing", async () => {
    const attempts: [Actor, string][] = [
      [s.otherGuardian, planId],
      [s.guardian, foreignPlanId],
      [s.guardian, "no-such-plan"],
      [s.classmate, planId],
      [s.otherTeacher, planId],
    ];
    for (const [actor, id] of attempts) {
      signedIn = actor;
      expect(await acknowledgePlanAction({ planId: id, version })).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
        message: expect.stringContaining("not found"),
      });
    }
    signedIn = s.teacher;
    expect(await acknowledgePlanAction({ planId, version })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.guardianAcknowledgment.count({ where: { planId: { in: [planId, foreignPlanId] } } })).toBe(0);
  });

  it("records the linked guardian's acknowledgment once, and answers a stale version with a conflict", async () => {
    signedIn = s.guardian;
    expect(await acknowledgePlanAction({ planId, version: version + 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
    const first = await acknowledgePlanAction({ planId, version });
    const second = await acknowledgePlanAction({ planId, version });
    expect(first).toMatchObject({ ok: true, data: { planVersion: version, created: true } });
    expect(second).toMatchObject({ ok: true, data: { planVersion: version, created: false } });
    expect(await db.guardianAcknowledgment.count({ where: { planId } })).toBe(1);
  });
});
