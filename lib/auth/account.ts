// A person's own account: their open sessions, signing out everywhere, changing their password.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { InputError } from "@/lib/errors";
import { changePasswordSchema } from "./account-schema";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { endEverySession } from "./sessions";

/** The actor's sessions that are still open, newest first. */
export async function listOwnSessions(actor: Actor) {
  return db.session.findMany({
    where: { userId: actor.id, endedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, method: true, createdAt: true, lastSeenAt: true },
  });
}

/** Whether the actor can change a password here (people who only use single sign-on have none). */
export async function hasPassword(actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  return user.passwordHash !== null;
}

/** Ends every session of the actor, this one too. */
export async function signOutEverywhere(actor: Actor) {
  await db.$transaction(async (tx) => {
    await endEverySession(tx, actor.id, "signed_out_everywhere");
    await recordAudit(tx, {
      organizationId: actor.acting.organizationId,
      actorId: actor.id,
      action: "user.sign_out_everywhere",
      entityType: "User",
      entityId: actor.id,
    });
  });
}

/**
 * Changes the actor's password after checking the current one, and ends every session:
 * a stolen cookie stops working with the old password. The caller signs this browser in
 * again with the new password.
 */
export async function changePassword(actor: Actor, input: unknown) {
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new InputError("account.validation.currentPasswordWrong", { currentPassword: ["account.validation.notCurrentPassword"] });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await endEverySession(tx, actor.id, "password_changed");
    await recordAudit(tx, {
      organizationId: actor.acting.organizationId,
      actorId: actor.id,
      action: "user.password_change",
      entityType: "User",
      entityId: actor.id,
    });
  });
  return { email: actor.email };
}
