// A server action is a public endpoint: these post what a browser could, tampered or not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/send";
import { startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";
import { makeSchool } from "@/test/fixtures";
import { requestPasswordResetAction } from "./actions";

const saved = process.env.SMTP_URL;
let smtp: SmtpCapture;
let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  s = await makeSchool();
});
afterAll(async () => {
  await smtp.stop();
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
});

describe("asking for a reset link", () => {
  it("answers tampered input with a typed failure, never a throw", async () => {
    for (const input of [
      null,
      "x",
      42,
      [],
      {},
      { email: 42 },
      { email: ["a@b.co"] },
      { email: "not an email" },
      { email: `${"a".repeat(300)}@b.co` },
    ]) {
      const result = await requestPasswordResetAction(input);
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
    }
    expect(await requestPasswordResetAction({ email: "" })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Enter the email address you sign in with."] },
    });
  });

  it("gives the same answer for a known and an unknown email, and mails only the known one", async () => {
    expect(await requestPasswordResetAction({ email: "no.one@test.example" })).toEqual({ ok: true, data: null });
    expect(await requestPasswordResetAction({ email: s.teacher.email })).toEqual({ ok: true, data: null });
    await mailSettled();
    expect(smtp.messages.map((m) => m.to)).toEqual([[s.teacher.email]]);
    expect(await db.passwordResetToken.count({ where: { userId: s.teacher.id } })).toBe(1);
  });
});
