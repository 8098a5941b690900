import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeSchool, person } from "@/test/fixtures";
import { matchSsoUser, ssoProviderConfigs, verifiedEmail } from "./sso";

let s: Awaited<ReturnType<typeof makeSchool>>;
const ISSUER = "https://idp.northbrook.test";
const saved = { ...process.env };
beforeAll(async () => {
  s = await makeSchool();
  Object.assign(process.env, {
    OIDC_ISSUER: ISSUER,
    OIDC_CLIENT_ID: "pathways",
    OIDC_CLIENT_SECRET: "secret",
    OIDC_ROSTER_ID_CLAIM: "roster_id",
  });
});
afterAll(() => {
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROSTER_ID_CLAIM"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const sub = () => `sub-${randomUUID()}`;

describe("single sign-on matching", () => {
  it("lets in a roster person by a verified email, and remembers the identity", async () => {
    const subject = sub();
    const match = await matchSsoUser("oidc", { iss: ISSUER, sub: subject, email: s.teacher.email.toUpperCase(), email_verified: true });
    expect(match?.userId).toBe(s.teacher.id);
    const identity = await db.identity.findUniqueOrThrow({ where: { provider_subject: { provider: ISSUER, subject } } });
    expect(identity.userId).toBe(s.teacher.id);
    // Later sign-ins match by subject, even when the provider's email changed.
    expect((await matchSsoUser("oidc", { iss: ISSUER, sub: subject, email: "renamed@elsewhere.test", email_verified: true }))?.userId).toBe(
      s.teacher.id,
    );
    expect(await db.auditEvent.count({ where: { entityId: s.teacher.id, action: "user.sign_in" } })).toBeGreaterThanOrEqual(2);
  });

  it("never matches an email the provider has not verified, and never creates an account", async () => {
    const users = await db.user.count();
    expect(await matchSsoUser("oidc", { iss: ISSUER, sub: sub(), email: s.teacher.email, email_verified: false })).toBeNull();
    expect(await matchSsoUser("oidc", { iss: ISSUER, sub: sub(), email: s.teacher.email })).toBeNull();
    expect(await matchSsoUser("oidc", { iss: ISSUER, sub: sub(), email: "stranger@elsewhere.test", email_verified: true })).toBeNull();
    expect(await db.user.count()).toBe(users);
  });

  it("matches by the roster id claim", async () => {
    const student = await person(s.school, "STUDENT", "Rostered Student");
    const rosterId = `stu-${randomUUID()}`;
    await db.user.update({ where: { id: student.id }, data: { source: "oneroster", sourcedId: rosterId } });
    expect((await matchSsoUser("oidc", { iss: ISSUER, sub: sub(), roster_id: rosterId }))?.userId).toBe(student.id);
  });

  it("refuses disabled people and people with no active membership, even with a known identity", async () => {
    const user = await person(s.school, "STUDENT", "Leaves School");
    const subject = sub();
    expect(await matchSsoUser("oidc", { iss: ISSUER, sub: subject, email: user.email, email_verified: true })).not.toBeNull();
    await db.membership.updateMany({ where: { userId: user.id }, data: { endedAt: new Date() } });
    expect(await matchSsoUser("oidc", { iss: ISSUER, sub: subject })).toBeNull();
    await db.membership.updateMany({ where: { userId: user.id }, data: { endedAt: null } });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await matchSsoUser("oidc", { iss: ISSUER, sub: subject })).toBeNull();
  });

  it("ignores a provider that is not configured", async () => {
    expect(
      await matchSsoUser("google", { iss: "https://accounts.google.com", sub: sub(), email: s.teacher.email, email_verified: true }),
    ).toBeNull();
    expect(ssoProviderConfigs().map((p) => p.id)).toEqual(["oidc"]);
  });
});

describe("verified emails per provider", () => {
  it("takes Google's email_verified, and Microsoft's sign-in name only within one tenant", () => {
    expect(verifiedEmail("google", { email: "A@School.org", email_verified: true })).toBe("a@school.org");
    expect(verifiedEmail("google", { email: "a@school.org", email_verified: false })).toBeNull();
    const tenant = "https://login.microsoftonline.com/4f1c0d6e-0000-4000-8000-000000000000/v2.0";
    expect(verifiedEmail("microsoft-entra-id", { iss: tenant, preferred_username: "T@District.org", email: "other@x.org" })).toBe(
      "t@district.org",
    );
    expect(
      verifiedEmail("microsoft-entra-id", { iss: "https://login.microsoftonline.com/common/v2.0", preferred_username: "t@district.org" }),
    ).toBeNull();
  });
});
