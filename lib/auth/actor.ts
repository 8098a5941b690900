// The acting user, as every read and write in lib/ receives it. Role and session
// version are re-read from the database on every request, so disabling a user or
// changing a role takes effect at once.
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums.ts";

export type Actor = {
  id: string;
  schoolId: string;
  role: Role;
  name: string;
  email: string;
};

export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, schoolId: true, role: true, name: true, email: true, sessionVersion: true, disabledAt: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, schoolId: user.schoolId, role: user.role, name: user.name, email: user.email };
}
