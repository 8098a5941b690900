// Deleting a person through the server action, as the browser posts it: with tampered ids and
// names, by people who may not, and by the admin who may (landing on the certificate).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { deletePersonAction } = await import("./actions");
const { GET } = await import("@/app/api/deletions/[id]/pdf/route");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

describe("deletePersonAction", () => {
  it("refuses tampered ids, wrong names and people who may not, deleting nothing", async () => {
    const leaving = await person(s.school, "STUDENT", "Lia Leaving");
    const input = { userId: leaving.id, confirmName: leaving.name };
    expect(await deletePersonAction(input)).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    for (const actor of [s.teacher, s.student, s.guardian]) {
      signedIn = actor;
      expect(await deletePersonAction(input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signedIn = s.otherAdmin;
    expect(await deletePersonAction(input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.admin;
    // Another district's student, a district admin, and a name that is not theirs.
    expect(await deletePersonAction({ userId: s.otherStudent.id, confirmName: s.otherStudent.name })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await deletePersonAction({ userId: s.districtAdmin.id, confirmName: s.districtAdmin.name })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await deletePersonAction({ userId: leaving.id, confirmName: s.classmate.name })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { confirmName: [expect.stringContaining("not their full name")] },
    });
    expect(await deletePersonAction({ userId: leaving.id })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.user.count({ where: { id: { in: [leaving.id, s.otherStudent.id, s.districtAdmin.id] } } })).toBe(3);
  });

  it("deletes for the admin and lands on the certificate, whose PDF only its admins can download", async () => {
    const leaving = await person(s.school, "STUDENT", "Lou Leaving");
    signedIn = s.admin;
    const result = await deletePersonAction({ userId: leaving.id, confirmName: "Lou Leaving" });
    expect(result).toMatchObject({ ok: true, data: { redirectTo: expect.stringMatching(/^\/admin\/deletions\/\w+\?done=deleted$/) } });
    const id = result.ok ? result.data.redirectTo.split("/")[3]!.split("?")[0]! : "";
    const get = () => GET(new Request(`http://localhost/api/deletions/${id}/pdf`), { params: Promise.resolve({ id }) });
    const ok = await get();
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    for (const actor of [s.teacher, s.otherAdmin, await person(s.schoolB, "ADMIN", "Bree B Admin")]) {
      signedIn = actor;
      expect((await get()).status).toBe(404);
    }
    signedIn = null;
    expect((await get()).status).toBe(401);
  });
});
