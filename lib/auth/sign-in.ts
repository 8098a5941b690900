import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { signInSchema } from "./sign-in-schema";
import { beginAttempt, pruneFailures, succeeded, THROTTLED_MESSAGE } from "./throttle";

// Compared against when the email is unknown or has no password, so every case takes
// about the same time: the dummy is hashed at the same cost as real passwords.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword("no such user"));

/**
 * The user behind an email and password, or null. Disabled users and people without a
 * password cannot sign in this way. Throws RateLimitedError when the account or the
 * address has failed too often lately — before looking anything up, so the answer is the
 * same whether or not the account exists.
 */
export async function verifyCredentials(input: unknown, address: string | null = null) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const keys = { account: parsed.data.email, address };
  const attempt = await beginAttempt(keys);
  if (!attempt.allowed) throw new RateLimitedError(THROTTLED_MESSAGE);
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: {
      id: true,
      districtId: true,
      name: true,
      email: true,
      passwordHash: true,
      disabledAt: true,
      memberships: { where: { endedAt: null }, orderBy: { createdAt: "asc" }, select: { organizationId: true }, take: 1 },
    },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await unknownUserHash()));
  if (!user?.passwordHash || !ok || user.disabledAt || user.memberships.length === 0) {
    await pruneFailures();
    return null;
  }
  await succeeded(keys, attempt);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  // Filed under the person's first organization, whose admins (and the district's) read it.
  await recordAudit(db, {
    organizationId: user.memberships[0]?.organizationId ?? user.districtId,
    actorId: user.id,
    action: "user.sign_in",
    entityType: "User",
    entityId: user.id,
  });
  return { id: user.id, name: user.name, email: user.email };
}
