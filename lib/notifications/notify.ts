import type { Tx } from "@/lib/db";

export type NotificationInput = { title: string; body?: string; href?: string };

export async function notify(tx: Tx, userIds: readonly string[], n: NotificationInput) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, ...n })) });
}

/** Everyone who teaches the student in at least one class. */
export async function teacherIdsOf(tx: Tx, studentId: string) {
  const rows = await tx.classTeacher.findMany({
    where: { class: { enrollments: { some: { studentId } } } },
    select: { teacherId: true },
    distinct: ["teacherId"],
  });
  return rows.map((r) => r.teacherId);
}

export async function guardianIdsOf(tx: Tx, studentId: string) {
  const rows = await tx.guardianLink.findMany({ where: { studentId }, select: { guardianId: true } });
  return rows.map((r) => r.guardianId);
}
