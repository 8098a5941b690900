// Server-side sessions behind the JWT cookie. The cookie carries the session id, the user
// id and the user's session version; a session counts only while its row is open, within
// its absolute limit and (for staff) its idle limit, and the user is enabled with the same
// session version. So signing out, signing out everywhere, a password change or disabling
// a person refuses a replayed cookie at once (docs/decisions/sessions.md).
import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";

export const SESSION_ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
export const STAFF_IDLE_LIMIT_MS = 30 * 60 * 1000;
// lastSeenAt is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS = 60 * 1000;

export type EndReason =
  "signed_out" | "signed_out_everywhere" | "password_changed" | "password_reset" | "disabled" | "idle" | "expired" | "deleted";

export type SessionClaims = { sid: string; uid: string; sv: number };

/** Opens a session for a user who has just proved who they are. */
export async function startSession(userId: string, method: string, now = new Date()): Promise<SessionClaims> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const id = randomBytes(24).toString("base64url");
  await db.session.create({
    data: { id, userId, method, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIMIT_MS) },
  });
  return { sid: id, uid: userId, sv: user.sessionVersion };
}

/**
 * Whether the cookie's session still counts. Ends it when a limit has passed (so the
 * audit of sessions says why), and records activity.
 */
export async function checkSession(claims: Partial<SessionClaims>, now = new Date()): Promise<boolean> {
  if (!claims.sid || !claims.uid) return false;
  const session = await db.session.findUnique({
    where: { id: claims.sid },
    select: {
      userId: true,
      endedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          sessionVersion: true,
          disabledAt: true,
          memberships: { where: { endedAt: null, role: { in: ["TEACHER", "ADMIN"] } }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  if (!session || session.endedAt || session.userId !== claims.uid) return false;
  if (session.user.disabledAt || session.user.sessionVersion !== claims.sv) return false;
  const staff = session.user.memberships.length > 0;
  const reason: EndReason | null =
    now >= session.expiresAt ? "expired" : staff && now.getTime() - session.lastSeenAt.getTime() > STAFF_IDLE_LIMIT_MS ? "idle" : null;
  if (reason) {
    await db.session.updateMany({ where: { id: claims.sid, endedAt: null }, data: { endedAt: now, endReason: reason } });
    return false;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: claims.sid }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Ends one session (signing out in this browser). */
export async function endSession(sid: string, reason: EndReason = "signed_out") {
  await db.session.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
}

/**
 * Ends every session of a user, inside the caller's transaction: the open rows are
 * closed and the session version moves on, so even a cookie whose row is gone is refused.
 */
export async function endEverySession(tx: Tx, userId: string, reason: EndReason) {
  await tx.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
