// Whether to offer a student's export on a page: the same rule as the download (access.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { studentsExportableBy } from "./access";

/** Whether the actor may download everything about this student. Nothing is read yet, so nothing is noted. */
export async function mayExport(actor: Actor, studentId: string): Promise<boolean> {
  return (await db.user.count({ where: { AND: [studentsExportableBy(actor), { id: studentId }] } })) > 0;
}
