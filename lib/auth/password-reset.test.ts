import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { failureOf } from "@/lib/errors";
import { mailSettled } from "@/lib/mail/send";
import { startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";
import { makeSchool, PASSWORD, person } from "@/test/fixtures";
import { hashToken, requestPasswordReset, resetLinkIsUsable, resetPassword, sendPasswordResetLink } from "./password-reset";
import { RESET_LINK_UNUSABLE } from "./password-reset-schema";
import { checkSession, startSession } from "./sessions";
import { verifyCredentials } from "./sign-in";

const NEW_PASSWORD = "a new password for spring";
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };
let s: Awaited<ReturnType<typeof makeSchool>>;
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "https://pathways.district.example";
  s = await makeSchool();
});
afterAll(async () => {
  await smtp.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Every message to this address that has arrived, once background sending is done. */
async function mailTo(email: string) {
  await mailSettled();
  return smtp.messages.filter((m) => m.to.includes(email));
}

/** The token of the newest link mailed to this address. */
async function linkFor(email: string): Promise<string> {
  const mail = (await mailTo(email)).at(-1);
  const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link was mailed to ${email}`);
  const url = new URL(link);
  expect(url.origin + url.pathname).toBe("https://pathways.district.example/reset-password");
  return url.searchParams.get("token") ?? "";
}

/** What a form would show for a failed call. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return failureOf(error);
}

const resetWith = (token: string, password = NEW_PASSWORD, confirmPassword = password) =>
  resetPassword({ token, password, confirmPassword });
const signsInWith = async (email: string, password: string) => (await verifyCredentials({ email, password }))?.id ?? null;

describe("asking for a reset link", () => {
  it("mails a link that sets a new password once; the old password stops working and every session ends", async () => {
    const user = await person(s.school, "TEACHER", "Rita Reset");
    const sessions = [await startSession(user.id, "password"), await startSession(user.id, "password")];
    expect(await Promise.all(sessions.map((c) => checkSession(c)))).toEqual([true, true]);

    await requestPasswordReset({ email: `  ${user.email.toUpperCase()} ` });
    const [mail] = await mailTo(user.email);
    expect(mail?.subject).toBe("Reset your Pathways password");
    expect(mail?.text).toContain("60 minutes");
    const token = await linkFor(user.email);
    expect(await resetLinkIsUsable(token)).toBe(true);

    // Only a hash of the token is kept.
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(60 * 60 * 1000);
    expect(stored.requestedById).toBeNull();

    await expect(resetWith(token)).resolves.toEqual({ userId: user.id });
    expect(await signsInWith(user.email, NEW_PASSWORD)).toBe(user.id);
    expect(await signsInWith(user.email, PASSWORD)).toBeNull();
    expect(await Promise.all(sessions.map((c) => checkSession(c)))).toEqual([false, false]);
    const ended = await db.session.findMany({ where: { userId: user.id }, select: { endReason: true } });
    expect(ended.map((e) => e.endReason)).toEqual(["password_reset", "password_reset"]);

    const audit = await db.auditEvent.findMany({ where: { entityId: user.id, action: { startsWith: "user.password_reset" } } });
    expect(audit.map((a) => [a.action, a.actorId, a.organizationId]).sort()).toEqual([
      ["user.password_reset", user.id, s.school.id],
      ["user.password_reset_requested", null, s.school.id],
    ]);
  });

  it("a link works only once", async () => {
    const user = await person(s.school, "STUDENT", "Una Once");
    await requestPasswordReset({ email: user.email });
    const token = await linkFor(user.email);
    await resetWith(token);
    expect(await resetLinkIsUsable(token)).toBe(false);
    expect(await failure(resetWith(token, "yet another password"))).toEqual({
      ok: false,
      code: "INVALID",
      message: RESET_LINK_UNUSABLE,
      fieldErrors: { token: [RESET_LINK_UNUSABLE] },
    });
    expect(await signsInWith(user.email, NEW_PASSWORD)).toBe(user.id);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const user = await person(s.school, "STUDENT", "Eli Expired");
    await requestPasswordReset({ email: user.email });
    const token = await linkFor(user.email);
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resetLinkIsUsable(token)).toBe(false);
    expect((await failure(resetWith(token)))?.message).toBe(RESET_LINK_UNUSABLE);
    expect(await signsInWith(user.email, PASSWORD)).toBe(user.id);
  });

  it("refuses a made-up link", async () => {
    expect(await failure(resetWith("made-up-token"))).toMatchObject({ code: "INVALID", message: RESET_LINK_UNUSABLE });
    expect(await resetLinkIsUsable("")).toBe(false);
  });

  it("a newer link makes the older one unusable", async () => {
    const user = await person(s.school, "GUARDIAN", "Nia Newer");
    await requestPasswordReset({ email: user.email });
    const first = await linkFor(user.email);
    // Past the resend limit.
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 3 * 60 * 1000) } });
    await requestPasswordReset({ email: user.email });
    const second = await linkFor(user.email);
    expect(second).not.toBe(first);
    expect((await failure(resetWith(first)))?.message).toBe(RESET_LINK_UNUSABLE);
    await resetWith(second);
    expect(await signsInWith(user.email, NEW_PASSWORD)).toBe(user.id);
  });

  it("sends at most one message per person in two minutes, and that link still works", async () => {
    const user = await person(s.school, "STUDENT", "Ray Repeat");
    await requestPasswordReset({ email: user.email });
    await requestPasswordReset({ email: user.email });
    await requestPasswordReset({ email: user.email });
    expect(await mailTo(user.email)).toHaveLength(1);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
    await resetWith(await linkFor(user.email));
    expect(await signsInWith(user.email, NEW_PASSWORD)).toBe(user.id);
  });

  it("answers the same, in about the same time, for an unknown email, a disabled person or one whose membership ended, and sends nothing", async () => {
    const disabled = await person(s.school, "STUDENT", "Dora Disabled");
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const former = await person(s.school, "TEACHER", "Fred Former");
    await db.membership.updateMany({ where: { userId: former.id }, data: { endedAt: new Date() } });
    const known = await person(s.school, "STUDENT", "Kim Known");

    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await requestPasswordReset({ email });
      return { answer, ms: performance.now() - started };
    };
    const answers = [
      await timed("nobody.at.all@test.example"),
      await timed(disabled.email),
      await timed(former.email),
      await timed(known.email),
    ];
    expect(answers.map((a) => a.answer)).toEqual([undefined, undefined, undefined, undefined]);
    for (const { ms } of answers) expect(ms).toBeGreaterThanOrEqual(240);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const fastest = Math.min(...answers.map((a) => a.ms));
    expect(slowest - fastest).toBeLessThan(200);

    for (const user of [disabled, former]) {
      expect(await mailTo(user.email)).toEqual([]);
      expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    }
    expect(await mailTo("nobody.at.all@test.example")).toEqual([]);
    expect(await mailTo(known.email)).toHaveLength(1);
  });

  it("refuses a link once the person is disabled", async () => {
    const user = await person(s.school, "STUDENT", "Lou Later");
    await requestPasswordReset({ email: user.email });
    const token = await linkFor(user.email);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await failure(resetWith(token)))?.message).toBe(RESET_LINK_UNUSABLE);
  });
});

describe("the new password", () => {
  it("must be 10 to 200 characters and typed the same twice, told next to the fields", async () => {
    const user = await person(s.school, "STUDENT", "Pat Rules");
    await requestPasswordReset({ email: user.email });
    const token = await linkFor(user.email);
    expect((await failure(resetWith(token, "too short")))?.fieldErrors).toEqual({ password: ["account.validation.passwordTooShort"] });
    expect((await failure(resetWith(token, "x".repeat(201))))?.fieldErrors).toEqual({ password: ["account.validation.passwordTooLong"] });
    expect((await failure(resetWith(token, NEW_PASSWORD, `${NEW_PASSWORD}!`)))?.fieldErrors).toEqual({
      confirmPassword: ["auth.validation.passwordsDiffer"],
    });
    // None of those used the link up.
    expect(await resetLinkIsUsable(token)).toBe(true);
    expect(await signsInWith(user.email, PASSWORD)).toBe(user.id);
  });
});

describe("an admin sending a reset link", () => {
  it("reaches a person of the school they administer, and is audited under that school", async () => {
    const user = await person(s.school, "STUDENT", "Sid Sent");
    const before = (await mailTo(user.email)).length;
    await expect(sendPasswordResetLink(s.admin, { userId: user.id })).resolves.toEqual({ sentTo: user.email });
    // Delivered before the admin is answered.
    expect(smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(before + 1);
    expect((await mailTo(user.email)).at(-1)?.text).toContain("Your school has sent you a link");
    const link = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(link.requestedById).toBe(s.admin.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.password_reset_requested" } });
    expect(audit).toMatchObject({ actorId: s.admin.id, organizationId: s.school.id });
    await resetWith(await linkFor(user.email));
    expect(await signsInWith(user.email, NEW_PASSWORD)).toBe(user.id);
  });

  it("a district admin reaches every school of the district", async () => {
    await expect(sendPasswordResetLink(s.districtAdmin, { userId: s.childB.id })).resolves.toEqual({ sentTo: s.childB.email });
  });

  it("is not found for a person of another school or district, or whose membership there ended, and sends nothing", async () => {
    const ended = await person(s.school, "TEACHER", "Ed Ended");
    await db.membership.updateMany({ where: { userId: ended.id }, data: { endedAt: new Date() } });
    const cases = [
      [s.admin, s.childB], // school B: not theirs
      [s.admin, s.otherStudent], // another district
      [s.otherAdmin, s.student], // another district's admin
      [s.admin, ended],
    ] as const;
    for (const [admin, target] of cases) {
      const before = (await mailTo(target.email)).length;
      expect(await failure(sendPasswordResetLink(admin, { userId: target.id }))).toMatchObject({ code: "NOT_FOUND" });
      expect(await mailTo(target.email)).toHaveLength(before);
    }
    expect(await failure(sendPasswordResetLink(s.admin, { userId: "no-such-person" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.passwordResetToken.count({ where: { requestedById: s.otherAdmin.id } })).toBe(0);
  });

  it("is refused to people who are not admins", async () => {
    for (const actor of [s.teacher, s.student, s.guardian]) {
      expect(await failure(sendPasswordResetLink(actor, { userId: s.classmate.id }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.passwordResetToken.count({ where: { userId: s.classmate.id } })).toBe(0);
  });

  it("says so when the person is disabled", async () => {
    const user = await person(s.school, "STUDENT", "Dan Disabled");
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await failure(sendPasswordResetLink(s.admin, { userId: user.id }))).toMatchObject({ code: "INVALID" });
    expect(await mailTo(user.email)).toEqual([]);
  });
});
