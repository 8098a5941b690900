// The pages `npm run bench` measures, with who opens each, found in the benchmark district
// (`npm run seed:district`). Deep pages of the audit log and of people are reached the way a
// person reaches them, through an "older"/"next" cursor, here the one at page 1000 / 500.
import pg from "pg";
import { PAGE_SIZE } from "../../../lib/pagination";
import { encodeCursor } from "../../../lib/people/listing";
import { BENCH_ACCOUNTS, BENCH_DISTRICT_ID, DEMO_CLASS_IDS, MANY_EVIDENCE } from "../district-data";

export type Account = "teacher" | "admin" | "student" | "guardian";
export type BenchPage = { name: string; path: string; as: Account; lighthouse?: boolean };

export type BenchSetup = { emails: Record<Account, string>; pages: BenchPage[]; floor: BenchPage };

export class NoDistrictError extends Error {
  override name = "NoDistrictError";
}

async function one<T>(client: pg.Client, what: string, sql: string, values: unknown[] = []): Promise<T> {
  const { rows } = await client.query(sql, values);
  if (!rows[0]) throw new NoDistrictError(`The benchmark district has no ${what}. Run \`npm run seed:district\` first.`);
  return rows[0] as T;
}

export async function benchSetup(url: string): Promise<BenchSetup> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { id: studentId } = await one<{ id: string }>(client, "student", `SELECT id FROM "User" WHERE email = $1`, [
      BENCH_ACCOUNTS.student,
    ]);
    const { id: planId } = await one<{ id: string }>(
      client,
      `plan with ${MANY_EVIDENCE} pieces of evidence`,
      `SELECT "planId" AS id FROM "Evidence" WHERE "studentId" = $1 GROUP BY "planId" HAVING count(*) >= $2 LIMIT 1`,
      [studentId, MANY_EVIDENCE],
    );
    const { email: guardian } = await one<{ email: string }>(
      client,
      "guardian of the student",
      `SELECT u.email FROM "GuardianLink" g JOIN "User" u ON u.id = g."guardianId" WHERE g."studentId" = $1 ORDER BY u.email LIMIT 1`,
      [studentId],
    );
    // A student of the demo teacher's grid class (the teacher's student page and progress).
    const { id: gridStudent } = await one<{ id: string }>(
      client,
      "student in the grid class",
      `SELECT "userId" AS id FROM "Enrollment" WHERE "classId" = $1 AND role = 'STUDENT' ORDER BY "userId" LIMIT 1`,
      [DEMO_CLASS_IDS[0]],
    );
    const audit = await one<{ at: string; id: string }>(
      client,
      "audit events",
      `SELECT to_char(a."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, a.id FROM "AuditEvent" a
         JOIN "Organization" o ON o.id = a."organizationId" WHERE o."districtId" = $1
        ORDER BY a."createdAt" DESC, a.id DESC OFFSET $2 LIMIT 1`,
      [BENCH_DISTRICT_ID, 1000 * PAGE_SIZE - 1],
    );
    // People are listed by name among everyone in the district (the admin's default filter).
    const person = await one<{ id: string }>(
      client,
      "people",
      `SELECT id FROM "User" WHERE "districtId" = $1 ORDER BY name, id OFFSET $2 LIMIT 1`,
      [BENCH_DISTRICT_ID, 500 * PAGE_SIZE - 1],
    );
    const pages: BenchPage[] = [
      { name: "teacher home (150 students)", path: "/teacher", as: "teacher", lighthouse: true },
      { name: "class grid (30 × 40)", path: `/teacher/classes/${DEMO_CLASS_IDS[0]}`, as: "teacher" },
      { name: `plan page, ${MANY_EVIDENCE} evidence (teacher)`, path: `/plans/${planId}`, as: "teacher", lighthouse: true },
      { name: "student page (teacher)", path: `/students/${gridStudent}`, as: "teacher" },
      { name: "student progress (teacher)", path: `/students/${gridStudent}/progress`, as: "teacher" },
      { name: "notifications (teacher)", path: "/notifications", as: "teacher" },
      { name: "admin home (district)", path: "/admin", as: "admin" },
      { name: "audit log, page 1", path: "/admin/audit", as: "admin" },
      {
        name: "audit log, page 1000",
        path: `/admin/audit?${new URLSearchParams({ after: encodeCursor({ key: audit.at, id: audit.id }) })}`,
        as: "admin",
      },
      { name: "people, page 1", path: "/admin/people", as: "admin" },
      { name: "people, page 500", path: `/admin/people?${new URLSearchParams({ after: person.id })}`, as: "admin" },
      { name: "classes (admin)", path: "/admin/classes", as: "admin" },
      { name: "mastery settings (admin)", path: "/admin/mastery", as: "admin" },
      { name: "student home (30 plans)", path: "/student", as: "student" },
      { name: `plan page, ${MANY_EVIDENCE} evidence (student)`, path: `/plans/${planId}`, as: "student" },
      { name: "learning records (student)", path: "/records", as: "student" },
      { name: "progress (student)", path: "/progress", as: "student" },
      { name: "family home", path: "/family", as: "guardian" },
    ];
    return {
      emails: { teacher: BENCH_ACCOUNTS.teacher, admin: BENCH_ACCOUNTS.districtAdmin, student: BENCH_ACCOUNTS.student, guardian },
      pages,
      floor: { name: "floor: help page (signed in)", path: "/help", as: "teacher" },
    };
  } finally {
    await client.end();
  }
}
