// Password reset by email: a single-use link that expires, sent on request (to anyone who
// types the address) or by an admin from the people pages. Only a hash of the link's token
// is stored; using it sets the password and ends every session of that person
// (docs/decisions/password-reset-and-mail.md).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { allows } from "./permissions";
import type { Actor } from "./actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { sendMail, sendMailInBackground, type Mail } from "@/lib/mail/send";
import { administered } from "@/lib/people/access";
import { hashPassword } from "./password";
import {
  forgotPasswordSchema,
  RESET_LINK_MINUTES,
  RESET_LINK_UNUSABLE,
  resetPasswordSchema,
  sendResetLinkSchema,
} from "./password-reset-schema";
import { endEverySession } from "./sessions";

const LINK_LIFETIME_MS = RESET_LINK_MINUTES * 60 * 1000;
/** A person asking for themself gets at most one message in this time; the rest are quietly dropped. */
export const RESEND_AFTER_MS = 2 * 60 * 1000;
// Every answer to a request takes at least this long, so an existing account (a few more
// writes) cannot be told from an unknown address by timing.
const REQUEST_ANSWER_MS = 250;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type Recipient = { id: string; name: string; email: string; organizationId: string };

/** Creates a link for the person, making their earlier links unusable; returns the message to send. */
async function issueLink(tx: Tx, to: Recipient, requestedById: string | null, now: Date): Promise<Mail> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordResetToken.updateMany({
    where: { userId: to.id, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const row = await tx.passwordResetToken.create({
    data: {
      userId: to.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS),
      requestedById,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    organizationId: to.organizationId,
    actorId: requestedById,
    action: "user.password_reset_requested",
    entityType: "User",
    entityId: to.id,
    detail: { linkId: row.id, by: requestedById ? "admin" : "self" },
  });
  const link = new URL("/reset-password", appUrl());
  link.searchParams.set("token", token);
  return { to: to.email, subject: "Reset your Pathways password", text: messageText(to.name, link.toString(), requestedById !== null) };
}

function messageText(name: string, link: string, byAdmin: boolean): string {
  return [
    `Hello ${name},`,
    "",
    byAdmin
      ? "Your school has sent you a link to set a new password for Pathways."
      : "Someone (we hope you) asked to reset your Pathways password.",
    `Open this link within ${RESET_LINK_MINUTES} minutes to choose a new one. It works once.`,
    "",
    link,
    "",
    "Setting a new password signs you out on every device.",
    byAdmin
      ? "If you did not expect this, tell your school office."
      : "If you did not ask, you can ignore this email: your password stays as it is.",
  ].join("\n");
}

/**
 * Sends a reset link when the email belongs to an enabled person with an active membership.
 * The answer is the same, in about the same time, whether or not it does.
 */
export async function requestPasswordReset(input: unknown): Promise<void> {
  const { email } = forgotPasswordSchema.parse(input);
  const answerAt = Date.now() + REQUEST_ANSWER_MS;
  try {
    const user = await db.user.findFirst({
      where: { email, disabledAt: null, memberships: { some: { endedAt: null } } },
      select: {
        id: true,
        name: true,
        email: true,
        memberships: { where: { endedAt: null }, orderBy: { createdAt: "asc" }, select: { organizationId: true }, take: 1 },
      },
    });
    const organizationId = user?.memberships[0]?.organizationId;
    if (!user || !organizationId) return;
    const now = new Date();
    const mail = await db.$transaction(async (tx) => {
      // One request at a time per person, so two at once cannot both pass the limit.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`password-reset:${user.id}`}))`;
      const recent = await tx.passwordResetToken.count({
        where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - RESEND_AFTER_MS) } },
      });
      if (recent > 0) return null;
      return issueLink(tx, { ...user, organizationId }, null, now);
    });
    // Not awaited: how long the mail server takes must not show in the answer.
    if (mail) sendMailInBackground(mail);
  } finally {
    const wait = answerAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * An admin sends a person a reset link from the people pages: only to someone with an
 * active membership in an organization the admin administers. Waits for the mail server,
 * so the admin learns if it failed.
 */
export async function sendPasswordResetLink(actor: Actor, input: { userId: string }): Promise<{ sentTo: string }> {
  if (
    !allows(
      actor.memberships.map((m) => m.role),
      "people:view",
    )
  )
    throw new ForbiddenError();
  const { userId } = sendResetLinkSchema.parse(input);
  const person = await db.user.findFirst({
    where: {
      id: userId,
      districtId: actor.districtId,
      memberships: { some: { endedAt: null } },
    },
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      memberships: {
        where: { endedAt: null, organization: administered(actor) },
        orderBy: { createdAt: "asc" },
        select: { organizationId: true },
        take: 1,
      },
    },
  });
  const organizationId = person?.memberships[0]?.organizationId;
  if (!person || !organizationId) throw new NotFoundError("That person");
  if (person.disabledAt) throw new InputError("This account is disabled. Enable it before sending a link to reset the password.");
  const recipient = { id: person.id, name: person.name, email: person.email, organizationId };
  const mail = await db.$transaction((tx) => issueLink(tx, recipient, actor.id, new Date()));
  await sendMail(mail);
  return { sentTo: person.email };
}

/** Whether a link can still be used, so the page can say so before anyone types a new password. */
export async function resetLinkIsUsable(token: string): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const link = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } },
  });
  return !!link && !link.usedAt && link.expiresAt > new Date() && !link.user.disabledAt;
}

/**
 * Sets a new password from a link. The link must be unused and unexpired (a newer link
 * expires the older ones) and the person enabled; it is used up, along with any other open
 * link of theirs, and every session of theirs ends, all in one transaction.
 */
export async function resetPassword(input: unknown): Promise<{ userId: string }> {
  const { token, password } = resetPasswordSchema.parse(input);
  const unusable = () => new InputError(RESET_LINK_UNUSABLE, { token: [RESET_LINK_UNUSABLE] });
  const link = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      usedAt: true,
      expiresAt: true,
      user: {
        select: {
          districtId: true,
          disabledAt: true,
          memberships: { where: { endedAt: null }, orderBy: { createdAt: "asc" }, select: { organizationId: true }, take: 1 },
        },
      },
    },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date() || link.user.disabledAt) throw unusable();
  // Hashed before the transaction: bcrypt is slow on purpose, and no row should wait for it.
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const now = new Date();
    // Claimed with a conditional write, so two tabs posting the same link cannot both use it.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw unusable();
    await tx.passwordResetToken.updateMany({ where: { userId: link.userId, usedAt: null }, data: { usedAt: now } });
    const updated = await tx.user.updateMany({ where: { id: link.userId, disabledAt: null }, data: { passwordHash } });
    if (updated.count !== 1) throw unusable();
    await endEverySession(tx, link.userId, "password_reset");
    await recordAudit(tx, {
      organizationId: link.user.memberships[0]?.organizationId ?? link.user.districtId,
      actorId: link.userId,
      action: "user.password_reset",
      entityType: "User",
      entityId: link.userId,
      detail: { linkId: link.id },
    });
  });
  return { userId: link.userId };
}
