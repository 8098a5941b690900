import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";
import { signInSchema } from "./sign-in-schema";


// Compared against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5zS2vD3Qd2pX1l8m3yZ1kHk3l6v3u1S";

/** The user behind an email and password, or null. Disabled users cannot sign in. */
export async function verifyCredentials(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, schoolId: true, name: true, email: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, { schoolId: user.schoolId, actorId: user.id, action: "user.sign_in", entityType: "User", entityId: user.id });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
