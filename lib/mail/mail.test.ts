import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseMail, startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";
import { mailSettled, sendMail, sendMailInBackground } from "./send";

const saved = { SMTP_URL: process.env.SMTP_URL, OUTBOX_DIR: process.env.OUTBOX_DIR, MAIL_FROM: process.env.MAIL_FROM };
// Long enough that quoted-printable must break the line, with a character outside ASCII.
const LINK = `https://pathways.example/reset-password?token=${"x".repeat(120)}`;
const mail = { to: "ana.lopez@test.example", subject: "Reset your password", text: `Hola Ana, café?\n\n${LINK}\n` };

let outbox: string;
let capture: SmtpCapture;
beforeAll(async () => {
  outbox = await mkdtemp(path.join(os.tmpdir(), "pathways-outbox-"));
  capture = await startSmtpCapture();
  process.env.MAIL_FROM = "Pathways Test <no-reply@test.example>";
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await capture.stop();
  await rm(outbox, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("mail without an SMTP server", () => {
  it("writes a readable .eml file into the outbox and prints it on the console", async () => {
    delete process.env.SMTP_URL;
    process.env.OUTBOX_DIR = path.join(outbox, "made-on-demand");
    const printed = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await sendMail(mail);
    const files = await readdir(process.env.OUTBOX_DIR);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = await readFile(path.join(process.env.OUTBOX_DIR, files[0] ?? ""), "utf8");
    const parsed = parseMail(raw, { from: "", to: [] });
    expect(parsed.headers.to).toBe(mail.to);
    expect(parsed.headers.from).toBe("Pathways Test <no-reply@test.example>");
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text.replace(/\r\n/g, "\n")).toBe(mail.text);
    const output = printed.mock.calls.flat().join("\n");
    expect(output).toContain(`To: ${mail.to}`);
    expect(output).toContain(`Subject: ${mail.subject}`);
    expect(output).toContain(LINK);
  });
});

describe("mail through SMTP_URL", () => {
  it("is delivered to the SMTP server, and the link survives the transfer encoding", async () => {
    process.env.SMTP_URL = capture.url;
    const before = capture.messages.length;
    await sendMail(mail);
    expect(capture.messages).toHaveLength(before + 1);
    const received = capture.messages.at(-1);
    expect(received?.to).toEqual([mail.to]);
    expect(received?.from).toBe("no-reply@test.example");
    expect(received?.subject).toBe(mail.subject);
    expect(received?.text.replace(/\r\n/g, "\n")).toBe(mail.text);
  });

  it("accepts a login in the URL", async () => {
    process.env.SMTP_URL = `smtp://mailer:secret@127.0.0.1:${capture.port}`;
    await sendMail({ ...mail, subject: "With a login" });
    expect(capture.messages.at(-1)?.subject).toBe("With a login");
  });

  it("in the background: the caller does not wait, and a failure is logged, not thrown", async () => {
    process.env.SMTP_URL = capture.url;
    sendMailInBackground({ ...mail, subject: "Later" });
    await mailSettled();
    expect(capture.messages.at(-1)?.subject).toBe("Later");

    const closed = await startSmtpCapture();
    await closed.stop();
    process.env.SMTP_URL = closed.url;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    sendMailInBackground({ ...mail, subject: "Nowhere" });
    await mailSettled();
    expect(logged).toHaveBeenCalledWith('[mail] Could not send "Nowhere":', expect.any(Error));
  });
});
