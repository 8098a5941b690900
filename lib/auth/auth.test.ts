import { beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { makeSchool, PASSWORD } from "@/test/fixtures";
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
      sessionVersion: 1,
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
  it("is re-read from the database, so a role change applies at once", async () => {
    const user = await db.user.create({
      data: { schoolId: s.school.id, role: "TEACHER", name: "Role Change", email: `role.${Date.now()}@test.example`, passwordHash: "x" },
    });
    expect((await loadActor(user.id, 1))?.role).toBe("TEACHER");
    await db.user.update({ where: { id: user.id }, data: { role: "GUARDIAN" } });
    expect((await loadActor(user.id, 1))?.role).toBe("GUARDIAN");
  });

  it("ends when the user is disabled or their session version moves on", async () => {
    const user = await db.user.create({
      data: { schoolId: s.school.id, role: "STUDENT", name: "Soon Gone", email: `gone.${Date.now()}@test.example`, passwordHash: "x" },
    });
    expect(await loadActor(user.id, 1)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 2 } });
    expect(await loadActor(user.id, 1)).toBeNull();
    expect(await loadActor(user.id, 2)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(user.id, 2)).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
  });
});

describe("permissions as data", () => {
  it("guardians may do nothing but read", () => {
    for (const action of [
      "plan:create",
      "plan:edit",
      "plan:submit",
      "plan:review",
      "evidence:add",
      "evidence:rate",
      "comment:add",
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
