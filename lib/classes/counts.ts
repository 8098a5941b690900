// Counts beside a page of classes, courses or terms, for the page's rows only. A relation `_count`
// in a Prisma select becomes a join against a GROUP BY over the whole related table (every
// enrollment of the district, every class), so a list's cost would grow with the district; these
// read one index range per row shown (Enrollment(classId, role), Class(courseId), Class(termId)).
import "server-only";
import { db } from "@/lib/db";
import { current } from "@/lib/people/access";

const tally = <K extends string>(rows: { key: K | null; n: number }[]) =>
  new Map(rows.flatMap((r) => (r.key === null ? [] : [[r.key, r.n] as const])));

/** Each class's current students (enrollments as students that count today). */
export async function currentStudentCounts(classIds: readonly string[]): Promise<Map<string, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db.enrollment.groupBy({
    by: ["classId"],
    where: { classId: { in: [...classIds] }, role: "STUDENT", ...current() },
    _count: { _all: true },
  });
  return tally(rows.map((r) => ({ key: r.classId, n: r._count._all })));
}

/** Each course's classes. */
export async function classCountsByCourse(courseIds: readonly string[]): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db.class.groupBy({ by: ["courseId"], where: { courseId: { in: [...courseIds] } }, _count: { _all: true } });
  return tally(rows.map((r) => ({ key: r.courseId, n: r._count._all })));
}

/** Each term's classes. */
export async function classCountsByTerm(termIds: readonly string[]): Promise<Map<string, number>> {
  if (termIds.length === 0) return new Map();
  const rows = await db.class.groupBy({ by: ["termId"], where: { termId: { in: [...termIds] } }, _count: { _all: true } });
  return tally(rows.map((r) => ({ key: r.termId, n: r._count._all })));
}
