// Outgoing mail. With SMTP_URL set it goes to that server; without one each message is
// written to the outbox folder as an .eml file and printed on the console, so password
// resets work on a fresh machine (docs/decisions/password-reset-and-mail.md).
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env, outboxDir } from "@/lib/env";

/** `headers`: extra message headers, e.g. List-Unsubscribe (RFC 8058) on notification emails. */
export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

// Kept per SMTP_URL rather than made per message; a changed URL (a test's own server) gets a new one.
let smtp: { url: string; transport: Transporter } | undefined;
function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) {
    smtp?.transport.close();
    smtp = { url, transport: nodemailer.createTransport(url) };
  }
  return smtp.transport;
}

// Renders the same RFC 822 message an SMTP server would receive, into a buffer.
const render = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

/** Sends one plain-text message from MAIL_FROM. Resolves once the SMTP server accepted it (or the outbox file is written). */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  const message = { from: e.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers };
  if (e.SMTP_URL) {
    await smtpTransport(e.SMTP_URL).sendMail(message);
    return;
  }
  const { message: eml } = await render.sendMail(message);
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`);
  await writeFile(file, eml as Buffer, { mode: 0o600 });
  console.log(`\n[mail] No SMTP_URL set; saved to ${file}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
}

const inFlight = new Set<Promise<void>>();

/**
 * Sends without making the caller wait, for answers that must not reveal by their timing
 * whether a message was sent. A failure is logged: the person can ask again.
 */
export function sendMailInBackground(mail: Mail): void {
  const sending = sendMail(mail)
    .catch((error: unknown) => console.error(`[mail] Could not send "${mail.subject}":`, error))
    .finally(() => inFlight.delete(sending));
  inFlight.add(sending);
}

/** Resolves when every background message has been handed over (for tests and shutdown). */
export async function mailSettled(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}
