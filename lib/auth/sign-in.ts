import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import { signInSchema } from "./sign-in-schema";

// Compared against when the email is unknown, so both cases take about the same time.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword("no such user"));

/** The user behind an email and password, or null. Disabled users cannot sign in. */
export async function verifyCredentials(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, schoolId: true, name: true, email: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await unknownUserHash()));
  if (!user || !ok || user.disabledAt) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, { schoolId: user.schoolId, actorId: user.id, action: "user.sign_in", entityType: "User", entityId: user.id });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
