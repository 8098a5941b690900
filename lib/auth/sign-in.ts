import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { signInSchema } from "./sign-in-schema";

// Compared against when the email is unknown or has no password, so every case takes
// about the same time.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword("no such user"));

/** The user behind an email and password, or null. Disabled users and people without a password cannot sign in this way. */
export async function verifyCredentials(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: {
      id: true,
      districtId: true,
      name: true,
      email: true,
      passwordHash: true,
      sessionVersion: true,
      disabledAt: true,
      memberships: { where: { endedAt: null }, orderBy: { createdAt: "asc" }, select: { organizationId: true }, take: 1 },
    },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await unknownUserHash()));
  if (!user?.passwordHash || !ok || user.disabledAt) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  // Filed under the person's first organization, whose admins (and the district's) read it.
  await recordAudit(db, {
    organizationId: user.memberships[0]?.organizationId ?? user.districtId,
    actorId: user.id,
    action: "user.sign_in",
    entityType: "User",
    entityId: user.id,
  });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
