import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeSchool, PASSWORD, person } from "@/test/fixtures";
import { changePassword, signOutEverywhere } from "./account";
import { checkSession, endSession, SESSION_ABSOLUTE_LIMIT_MS, STAFF_IDLE_LIMIT_MS, startSession } from "./sessions";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const minutes = (n: number) => n * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("sessions behind the cookie", () => {
  it("counts while open, and a replayed cookie is refused after signing out", async () => {
    const claims = await startSession(s.student.id, "password");
    expect(await checkSession(claims)).toBe(true);
    await endSession(claims.sid);
    expect(await checkSession(claims)).toBe(false);
    const row = await db.session.findUniqueOrThrow({ where: { id: claims.sid } });
    expect(row.endReason).toBe("signed_out");
  });

  it("refuses forged or mixed-up claims", async () => {
    const claims = await startSession(s.student.id, "password");
    expect(await checkSession({ ...claims, uid: s.classmate.id })).toBe(false);
    expect(await checkSession({ ...claims, sid: "made-up" })).toBe(false);
    expect(await checkSession({ ...claims, sv: claims.sv + 1 })).toBe(false);
    expect(await checkSession({ uid: claims.uid, sv: claims.sv })).toBe(false);
    expect(await checkSession(claims)).toBe(true);
  });

  it("ends after 12 hours whatever the activity", async () => {
    const start = new Date();
    const claims = await startSession(s.student.id, "password", start);
    for (let h = 1; h < 12; h++) expect(await checkSession(claims, later(start, h * 60 * minutes(1)))).toBe(true);
    expect(await checkSession(claims, later(start, SESSION_ABSOLUTE_LIMIT_MS))).toBe(false);
    expect((await db.session.findUniqueOrThrow({ where: { id: claims.sid } })).endReason).toBe("expired");
  });

  it("asks staff to sign in again after 30 idle minutes, but not students or families", async () => {
    const start = new Date();
    const teacher = await startSession(s.teacher.id, "password", start);
    const student = await startSession(s.student.id, "password", start);
    const guardian = await startSession(s.guardian.id, "password", start);
    // Activity keeps a staff session alive…
    expect(await checkSession(teacher, later(start, minutes(20)))).toBe(true);
    expect(await checkSession(teacher, later(start, minutes(45)))).toBe(true);
    // …and 30 minutes without any ends it.
    const idle = later(start, minutes(45) + STAFF_IDLE_LIMIT_MS + minutes(1));
    expect(await checkSession(teacher, idle)).toBe(false);
    expect((await db.session.findUniqueOrThrow({ where: { id: teacher.sid } })).endReason).toBe("idle");
    expect(await checkSession(student, idle)).toBe(true);
    expect(await checkSession(guardian, idle)).toBe(true);
  });

  it("never counts for a disabled user", async () => {
    const user = await person(s.school, "STUDENT", "Disabled Later");
    const claims = await startSession(user.id, "password");
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await checkSession(claims)).toBe(false);
  });

  it("signing out everywhere ends every session of that person only", async () => {
    const user = await person(s.school, "TEACHER", "Many Devices");
    const [phone, laptop] = [await startSession(user.id, "password"), await startSession(user.id, "oidc")];
    const someoneElse = await startSession(s.classmate.id, "password");
    await signOutEverywhere(user);
    expect(await checkSession(phone)).toBe(false);
    expect(await checkSession(laptop)).toBe(false);
    expect(await checkSession(someoneElse)).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.sign_out_everywhere" } })).toBe(1);
  });
});

describe("changing one's password", () => {
  it("needs the current password, and ends every session (a replayed cookie is refused)", async () => {
    const user = await person(s.school, "TEACHER", "Changes Password");
    const before = await startSession(user.id, "password");
    await expect(
      changePassword(user, { currentPassword: "wrong", newPassword: "a brand new secret", confirmPassword: "a brand new secret" }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await checkSession(before)).toBe(true);
    await changePassword(user, { currentPassword: PASSWORD, newPassword: "a brand new secret", confirmPassword: "a brand new secret" });
    expect(await checkSession(before)).toBe(false);
    // A session opened after the change works.
    expect(await checkSession(await startSession(user.id, "password"))).toBe(true);
  });

  it("gives field messages for a short or mismatched new password", async () => {
    await expect(changePassword(s.teacher, { currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" })).rejects.toThrow(
      "account.validation.passwordTooShort",
    );
    await expect(
      changePassword(s.teacher, { currentPassword: PASSWORD, newPassword: "long enough one", confirmPassword: "long enough two" }),
    ).rejects.toThrow("account.validation.newPasswordsDiffer");
  });
});
