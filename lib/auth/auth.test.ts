import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { makeSchool, PASSWORD, person } from "@/test/fixtures";
import { loadActor } from "./actor";
import { verifyCredentials } from "./sign-in";

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    expect(await verifyCredentials({ email: s.student.email.toUpperCase(), password: PASSWORD })).toMatchObject({
      id: s.student.id,
    });
    expect(await verifyCredentials({ email: s.student.email, password: "wrong" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@test.example", password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: PASSWORD })).toBeNull();
  });

  it("never returns the password hash", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: s.student.id } });
    expect(user).not.toHaveProperty("passwordHash");
    const signedIn = await verifyCredentials({ email: s.student.email, password: PASSWORD });
    expect(signedIn).not.toHaveProperty("passwordHash");
  });
});

describe("the actor behind a session", () => {
  it("is re-read from the database, so ending a membership applies at once", async () => {
    const user = await person(s.school, "TEACHER", "Role Change");
    expect((await loadActor(user.id, 1))?.acting.role).toBe("TEACHER");
    await db.membership.create({ data: { userId: user.id, organizationId: s.school.id, districtId: s.district.id, role: "GUARDIAN" } });
    await db.membership.updateMany({ where: { userId: user.id, role: "TEACHER" }, data: { endedAt: new Date() } });
    const after = await loadActor(user.id, 1);
    expect(after?.acting.role).toBe("GUARDIAN");
    expect(after?.memberships.map((m) => m.role)).toEqual(["GUARDIAN"]);
  });

  it("ends when the user is disabled, their session version moves on, or no membership is left", async () => {
    const user = await person(s.school, "STUDENT", "Soon Gone");
    expect(await loadActor(user.id, 1)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 2 } });
    expect(await loadActor(user.id, 1)).toBeNull();
    expect(await loadActor(user.id, 2)).not.toBeNull();
    await db.membership.updateMany({ where: { userId: user.id }, data: { endedAt: new Date() } });
    expect(await loadActor(user.id, 2)).toBeNull();
    await db.membership.updateMany({ where: { userId: user.id }, data: { endedAt: null } });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(user.id, 2)).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
  });

  it("acts in the chosen membership only when it is the person's own", async () => {
    const teacherParent = s.teacherParent;
    const guardianship = teacherParent.memberships.find((m) => m.role === "GUARDIAN");
    expect(teacherParent.acting.role).toBe("TEACHER");
    expect((await loadActor(teacherParent.id, 1, guardianship?.id))?.acting.role).toBe("GUARDIAN");
    // Someone else's membership id (a tampered cookie) is ignored.
    const foreign = s.admin.acting.id;
    expect((await loadActor(teacherParent.id, 1, foreign))?.acting.role).toBe("TEACHER");
  });

  it("may have no password (school sign-in only) and then cannot sign in with one", async () => {
    const user = await person(s.school, "TEACHER", "Sso Only");
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
  });

  it("keeps email unique whatever its case", async () => {
    await expect(
      db.user.create({ data: { districtId: s.district.id, name: "Upper", email: s.student.email.toUpperCase() } }),
    ).rejects.toThrow();
    await expect(db.user.create({ data: { districtId: s.district.id, name: "Dupe", email: s.student.email } })).rejects.toThrow();
  });
});

describe("permissions as data", () => {
  it("guardians may do nothing but read, and sign their child's independent study agreement", () => {
    expect(can("GUARDIAN", "agreement:sign")).toBe(true);
    for (const action of [
      "plan:create",
      "plan:edit",
      "plan:submit",
      "plan:review",
      "evidence:add",
      "evidence:rate",
      "comment:add",
      "agreement:edit",
      "agreement:send",
      "agreement:submit-work",
    ] as const) {
      expect(can("GUARDIAN", action)).toBe(false);
    }
  });
  it("only teachers review and rate", () => {
    expect(can("TEACHER", "plan:review")).toBe(true);
    expect(can("STUDENT", "plan:review")).toBe(false);
    expect(can("ADMIN", "evidence:rate")).toBe(false);
  });
});
