// The retention page's actions as the browser posts them: only a district admin, ids of other
// districts or of students not due never deleted.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { deleteDueAction, setRetentionAction } = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

describe("retention actions", () => {
  it("answers bad input beside the field, and refuses anyone but a district admin", async () => {
    signedIn = s.districtAdmin;
    expect(await setRetentionAction({ keepMonths: "soon" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { keepMonths: [expect.stringContaining("whole number of months")] },
    });
    for (const actor of [s.admin, s.teacher, s.otherAdmin]) {
      signedIn = actor;
      expect(await setRetentionAction({ keepMonths: "1" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await deleteDueAction({ studentIds: [s.student.id], confirmCount: "1" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.retentionPolicy.count({ where: { districtId: { in: [s.district.id, s.other.id] } } })).toBe(0);
  });

  it("deletes a due student, and skips tampered ids: active students and other districts' people", async () => {
    const gone = await person(s.school, "STUDENT", "Gus Gone");
    await db.membership.updateMany({ where: { userId: gone.id }, data: { endedAt: new Date("2020-01-01") } });
    const foreignGone = await person(s.otherSchool, "STUDENT", "Fern Foreign");
    await db.membership.updateMany({ where: { userId: foreignGone.id }, data: { endedAt: new Date("2020-01-01") } });
    signedIn = s.districtAdmin;
    // No period yet: nothing is due, nothing deleted.
    expect(await deleteDueAction({ studentIds: [gone.id], confirmCount: "1" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await setRetentionAction({ keepMonths: "12" })).toMatchObject({ ok: true, data: { keepMonths: 12 } });
    const result = await deleteDueAction({ studentIds: [gone.id, s.student.id, foreignGone.id], confirmCount: "3" });
    expect(result).toMatchObject({ ok: true, data: { deleted: 1, skipped: 2 } });
    expect(await db.user.count({ where: { id: gone.id } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: [s.student.id, foreignGone.id] } } })).toBe(2);
  });
});
