// A server action is a public endpoint: these post what a browser could, with missing,
// forged and malformed links, and check nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESET_LINK_UNUSABLE } from "@/lib/auth/password-reset-schema";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/send";
import { startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";
import { makeSchool, PASSWORD } from "@/test/fixtures";
import { requestPasswordResetAction } from "../forgot-password/actions";
import { resetPasswordAction } from "./actions";

const NEW_PASSWORD = "the long new password";
const saved = process.env.SMTP_URL;
let smtp: SmtpCapture;
let s: Awaited<ReturnType<typeof makeSchool>>;
let token: string;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  s = await makeSchool();
  await requestPasswordResetAction({ email: s.student.email });
  await mailSettled();
  token = new URL(smtp.messages[0]?.text.match(/https?:\/\/\S+/)?.[0] ?? "http://x/").searchParams.get("token") ?? "";
  expect(token).not.toBe("");
});
afterAll(async () => {
  await smtp.stop();
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
});

const form = (fields: Record<string, unknown>) => ({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...fields });

describe("setting a new password from a link", () => {
  it("answers a missing, forged or malformed link with a typed failure and changes nothing", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: s.student.id } });
    for (const input of [
      null,
      "x",
      [],
      {},
      form({ token: undefined }),
      form({ token: "" }),
      form({ token: 42 }),
      form({ token: [token] }),
    ]) {
      const result = await resetPasswordAction(input);
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
    }
    expect(await resetPasswordAction(form({ token: undefined }))).toMatchObject({ fieldErrors: { token: [RESET_LINK_UNUSABLE] } });
    for (const forged of [`${token}x`, token.slice(1), "A".repeat(43), "x".repeat(101)]) {
      expect(await resetPasswordAction(form({ token: forged }))).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { token: [RESET_LINK_UNUSABLE] },
      });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: s.student.id } })).toEqual(before);
    expect((await verifyCredentials({ email: s.student.email, password: PASSWORD }))?.id).toBe(s.student.id);
  });

  it("answers broken password rules with field errors", async () => {
    expect(await resetPasswordAction(form({ password: "short", confirmPassword: "different" }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { password: ["Use at least 10 characters."], confirmPassword: ["The two passwords do not match."] },
    });
  });

  it("sets the password with the mailed link, once", async () => {
    expect(await resetPasswordAction(form({}))).toEqual({ ok: true, data: null });
    expect((await verifyCredentials({ email: s.student.email, password: NEW_PASSWORD }))?.id).toBe(s.student.id);
    expect(await resetPasswordAction(form({ password: "another long one", confirmPassword: "another long one" }))).toEqual({
      ok: false,
      code: "INVALID",
      message: RESET_LINK_UNUSABLE,
      fieldErrors: { token: [RESET_LINK_UNUSABLE] },
    });
  });
});
