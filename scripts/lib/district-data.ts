// A test district at the scale issue 12 measures at (20 000 students, 60 000 plans, 600 000
// evidence, 500 000 audit events), written with set-based SQL (INSERT … SELECT over
// generate_series) in one transaction, so that a page's cost can be seen against the size of a
// real district. Clearly test data: "Benchmark Unified (test data)", every address @bench.test,
// every id starting "bench-". docs/decisions/district-scale-data.md says what it makes and why.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashPassword } from "../../lib/auth/password";
import { db } from "../../lib/db";
import { recomputeStudents } from "../../lib/mastery/recompute";
import { COMMAND_LINE, importCasePackage } from "../../lib/standards/case/import";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";

export const BENCH_DISTRICT_ID = "bench-district";
export const BENCH_DISTRICT_NAME = "Benchmark Unified (test data)";
export const BENCH_ACCOUNTS = {
  teacher: "teacher@bench.test",
  districtAdmin: "admin@bench.test",
  /** Many plans, and 50 pieces of evidence on the active one. */
  student: "student@bench.test",
} as const;
/** The demo teacher's six classes: the first has 30 students (the grid), the others 24. */
export const DEMO_CLASS_IDS = [0, 1, 2, 3, 4, 5].map((k) => `bench-class-demo-${k}`);
export const DEMO_STUDENTS = 150;
export const GRID_STUDENTS = 30;
/** Math standards every student of the grid class has mastery on: the 24 of CCSS grade 7 and 16 local ones. */
export const GRID_STANDARDS = 40;
/** Plans of the student with many plans. */
export const MANY_PLANS = 30;
export const MANY_EVIDENCE = 50;

export type DistrictSizes = { schools: number; studentsPerSchool: number; auditEvents: number };
/** Issue 12's sizes: 3 plans and 30 evidence a student on average. */
export const DISTRICT_SIZES: DistrictSizes = { schools: 20, studentsPerSchool: 1000, auditEvents: 500_000 };

export type DistrictSummary = { created: boolean; counts: Record<string, number>; seconds: number };

const PERIODS = 6;
const PERIOD_SUBJECTS = ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES", "ARTS", "HEALTH_PE"] as const;
const PERIOD_TITLES = ["English", "Mathematics", "Science", "Social Studies", "Art", "Health and PE"];
/** Shuffles students into each period's classes: local × K + offset mod school size is a permutation when coprime. */
const PERIOD_MULTIPLIERS = [1, 3, 7, 9, 11, 13];
const FIRST = [
  "Ava", "Ben", "Carmen", "Dmitri", "Esme", "Farah", "Gabriel", "Hiro", "Ines", "Jamal", "Keiko", "Liam", "Mina", "Nico",
  "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wren", "Xin", "Yusuf", "Zara", "Aiden", "Bea",
  "Cyrus", "Dalia", "Emil", "Fatima", "Gus", "Hana", "Ivan", "Jada", "Kofi", "Lena", "Mateo", "Noor",
]; // prettier-ignore
const LAST = [
  "Abara", "Berg", "Castillo", "Dubois", "Eriksen", "Fong", "Garza", "Haddad", "Ishikawa", "Jensen", "Kaur", "Lindqvist",
  "Moreau", "Nakamura", "Oyelaran", "Petrov", "Quintero", "Rahman", "Silva", "Tanaka", "Urquhart", "Vega", "Walsh",
  "Xu", "Yilmaz", "Zhou", "Alvarez", "Bianchi", "Cohen", "Diallo", "Evans", "Ferreira", "Gupta", "Holm", "Iqbal",
  "Jovanovic", "Kim", "Lopez", "Mensah", "Novak",
]; // prettier-ignore

const sqlList = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

/**
 * Adds the benchmark district to the database lib/db points at. Idempotent: when the district
 * already has its people, nothing is written. A run that failed part-way left only the
 * district and its framework (the rest is one transaction), and is completed by the next run.
 */
export async function generateDistrict(
  sizes: DistrictSizes = DISTRICT_SIZES,
  log: (message: string) => void = () => {},
): Promise<DistrictSummary> {
  const started = performance.now();
  const d = BENCH_DISTRICT_ID;
  const existing = await db.organization.findUnique({ where: { id: d }, select: { id: true } });
  const peopled = existing ? await db.user.findFirst({ where: { districtId: d }, select: { id: true } }) : null;
  if (peopled) return { created: false, counts: await countDistrict(), seconds: 0 };
  if (!existing) {
    // The district's trigger gives it the "Four levels" scale and a most-recent policy.
    await db.organization.create({
      data: { id: d, districtId: d, type: "DISTRICT", name: BENCH_DISTRICT_NAME, source: "benchmark", sourcedId: d },
    });
  }
  log("Importing the CCSS grade 7 math framework into the district…");
  const framework = await importCasePackage(COMMAND_LINE, {
    organizationId: d,
    json: await readFile(path.join(import.meta.dirname, "../../prisma/seed/case/ccss-math-grade7.json"), "utf8"),
  });
  const ccss = await db.standard.findMany({
    where: { frameworkId: framework.framework.id, itemType: "Standard", retiredAt: null },
    orderBy: [{ code: "asc" }],
    select: { id: true },
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD, 10);
  log("Writing schools, people, classes, plans, evidence, ratings and audit events (one transaction)…");
  // A superuser may skip the foreign-key triggers while loading: every row above is written with ids
  // that exist, in one transaction, and skipping them halves the load. Others load with the checks.
  const [role] = await db.$queryRaw<{ rolsuper: boolean }[]>`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`;
  await db.$transaction(
    async (tx) => {
      if (role?.rolsuper) await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      for (const [label, sql] of statements(
        sizes,
        ccss.map((s) => s.id),
        passwordHash,
      )) {
        const t = performance.now();
        const rows = await tx.$executeRawUnsafe(sql);
        log(`  ${label.padEnd(28)} ${String(rows).padStart(8)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
  for (const table of [
    // A few hundred rows more than the demo's, too few for autovacuum to analyze them soon: without
    // fresh statistics the planner misjudges every join through a school.
    "Organization",
    "User",
    "Membership",
    "Enrollment",
    "Class",
    "Plan",
    "Goal",
    "GoalStandard",
    "Evidence",
    "EvidenceGoal",
    "Rating",
    "Comment",
    "AuditEvent",
    "StandardMastery",
    "GoalMastery",
    "GuardianLink",
  ]) {
    // Vacuumed as well as analyzed, as autovacuum leaves a live database: without the visibility
    // map, index-only scans look costly and the planner picks sequential scans no server would.
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) "${table}"`);
  }
  // The demo teacher's students get exactly what the app computes (the set-based rows above follow the
  // district's most-recent policy; scripts/lib/district-data.test.ts checks that they agree).
  const demo = await db.user.findMany({
    where: { enrollments: { some: { classId: { in: DEMO_CLASS_IDS }, role: "STUDENT" } } },
    select: { id: true },
  });
  await db.$transaction(
    (tx) =>
      recomputeStudents(
        tx,
        demo.map((s) => s.id),
      ),
    { timeout: 120_000 },
  );
  return { created: true, counts: await countDistrict(), seconds: (performance.now() - started) / 1000 };
}

/** What the district holds, for the generator's report. */
export async function countDistrict(): Promise<Record<string, number>> {
  const [row] = await db.$queryRawUnsafe<Record<string, bigint>[]>(`
    SELECT
      (SELECT count(*) FROM "Organization" WHERE "districtId" = '${BENCH_DISTRICT_ID}' AND type = 'SCHOOL') AS schools,
      (SELECT count(*) FROM "User" u JOIN "Membership" m ON m."userId" = u.id AND m.role = 'STUDENT' WHERE u."districtId" = '${BENCH_DISTRICT_ID}') AS students,
      (SELECT count(*) FROM "User" u JOIN "Membership" m ON m."userId" = u.id AND m.role = 'TEACHER' WHERE u."districtId" = '${BENCH_DISTRICT_ID}') AS teachers,
      (SELECT count(*) FROM "User" u JOIN "Membership" m ON m."userId" = u.id AND m.role = 'GUARDIAN' WHERE u."districtId" = '${BENCH_DISTRICT_ID}') AS guardians,
      (SELECT count(*) FROM "Class" c JOIN "Organization" o ON o.id = c."schoolId" WHERE o."districtId" = '${BENCH_DISTRICT_ID}') AS classes,
      (SELECT count(*) FROM "Plan" WHERE id LIKE 'bench-%') AS plans,
      (SELECT count(*) FROM "Goal" WHERE id LIKE 'bench-%') AS goals,
      (SELECT count(*) FROM "Evidence" WHERE id LIKE 'bench-%') AS evidence,
      (SELECT count(*) FROM "Rating" WHERE id LIKE 'bench-%') AS ratings,
      (SELECT count(*) FROM "AuditEvent" WHERE id LIKE 'bench-%') AS "audit events",
      (SELECT count(*) FROM "StandardMastery" WHERE "studentId" LIKE 'bench-%') AS "standard mastery",
      (SELECT count(*) FROM "GoalMastery" WHERE "goalId" LIKE 'bench-%') AS "goal mastery"`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** The SQL, in order. Every number in it is ours (sizes), never user input. */
function statements(sizes: DistrictSizes, ccssIds: readonly string[], passwordHash: string): [string, string][] {
  const d = BENCH_DISTRICT_ID;
  const { schools, studentsPerSchool: per, auditEvents } = sizes;
  if (per < DEMO_STUDENTS) throw new RangeError(`A school needs at least ${DEMO_STUDENTS} students for the demo teacher.`);
  const students = schools * per;
  // About 24 students a class; a teacher teaches six classes of one period (so six disjoint classes).
  const classesPerPeriod = Math.max(1, Math.round(per / 24));
  const teachersPerPeriod = Math.ceil(classesPerPeriod / 6);
  const level = (points: string) => `'level_' || (ARRAY['BEGINNING','DEVELOPING','PROFICIENT','ADVANCED'])[${points}] || '_${d}'`;
  const pad = (col: string, n = 5) => `lpad((${col})::text, ${n}, '0')`;
  const T0 = `(now() AT TIME ZONE 'UTC')`;
  return [
    ["settings", `SET LOCAL synchronous_commit = off`],
    [
      "schools",
      `INSERT INTO "Organization" (id, "districtId", "parentId", type, name, "schoolYearStartsOn", "schoolYearEndsOn", source, "sourcedId")
       SELECT 'bench-school-' || ${pad("s", 2)}, '${d}', '${d}', 'SCHOOL', 'Benchmark School ' || (s + 1) || ' (test data)',
              CURRENT_DATE - 80, CURRENT_DATE + 200, 'benchmark', 'bench-school-' || ${pad("s", 2)}
       FROM generate_series(0, ${schools - 1}) s`,
    ],
    [
      "terms",
      `INSERT INTO "Term" (id, "schoolId", name, "startsOn", "endsOn")
       SELECT 'bench-term-' || ${pad("s", 2)}, 'bench-school-' || ${pad("s", 2)}, '2026–27 Year', CURRENT_DATE - 80, CURRENT_DATE + 200
       FROM generate_series(0, ${schools - 1}) s`,
    ],
    [
      "local standards",
      `INSERT INTO "Standard" (id, "organizationId", framework, code, subject, "gradeBand", description, "updatedAt")
       SELECT 'bench-std-' || lower(x.subject) || '-' || ${pad("i", 2)}, '${d}', 'Local', 'BU.' || x.code || '.' || (i + 1), x.subject::"Subject",
              '6-8', x.label || ' benchmark standard ' || (i + 1) || ' (test data)', ${T0}
       FROM (VALUES ('MATH', 'M', 'Mathematics', 16), ('ELA', 'ELA', 'English', 20), ('SCIENCE', 'SCI', 'Science', 20)) AS x(subject, code, label, n)
       CROSS JOIN LATERAL generate_series(0, x.n - 1) i`,
    ],
    [
      "standard pools",
      `CREATE TEMP TABLE bench_std ON COMMIT DROP AS
       SELECT 'MATH' AS subject, (o - 1)::int AS idx, id FROM unnest(${sqlList(ccssIds)}::text[]) WITH ORDINALITY AS t(id, o)
       UNION ALL
       SELECT subject::text, ${ccssIds.length} + (substring(id from '..$'))::int, id FROM "Standard" WHERE id LIKE 'bench-std-math-%'
       UNION ALL
       SELECT subject::text, (substring(id from '..$'))::int, id FROM "Standard" WHERE id LIKE 'bench-std-ela-%' OR id LIKE 'bench-std-science-%'`,
    ],
    [
      "students (temp)",
      // grid: the 30 students of the demo teacher's first class; demo: all 150 of theirs.
      `CREATE TEMP TABLE bench_student ON COMMIT DROP AS
       SELECT n, 'bench-s-' || ${pad("n")} AS id, n / ${per} AS school, 'bench-school-' || ${pad(`n / ${per}`, 2)} AS school_id,
              n % ${per} AS local, n / ${per} = 0 AND n % ${per} < ${GRID_STUDENTS} AS grid, n / ${per} = 0 AND n % ${per} < ${DEMO_STUDENTS} AS demo,
              CASE WHEN n / ${per} = 0 AND n % ${per} < ${DEMO_STUDENTS} THEN 'bench-teacher'
                   ELSE 'bench-t-' || ${pad(`n / ${per}`, 2)} || '-' || ${pad(`((n % ${per}) * ${PERIOD_MULTIPLIERS[1]} + 13) % ${per} % ${classesPerPeriod} / 6 + ${teachersPerPeriod}`, 3)} END AS teacher
       FROM generate_series(0, ${students - 1}) n`,
    ],
    [
      "users",
      `INSERT INTO "User" (id, "districtId", email, name, "passwordHash", source, "sourcedId", "updatedAt")
       SELECT id, '${d}', CASE WHEN n = 0 THEN '${BENCH_ACCOUNTS.student}' ELSE 'student.' || ${pad("n")} || '@bench.test' END,
              (${sqlList(FIRST)})[n % 40 + 1] || ' ' || (${sqlList(LAST)})[n / 40 % 40 + 1], '${passwordHash}', 'benchmark', id, ${T0}
       FROM bench_student
       UNION ALL
       SELECT 'bench-g-' || ${pad("n")}, '${d}', 'guardian.' || ${pad("n")} || '@bench.test',
              (${sqlList(FIRST)})[(n + 17) % 40 + 1] || ' ' || (${sqlList(LAST)})[n / 40 % 40 + 1], '${passwordHash}', 'benchmark', 'bench-g-' || ${pad("n")}, ${T0}
       FROM bench_student
       UNION ALL
       SELECT 'bench-g2-' || ${pad("n")}, '${d}', 'guardian2.' || ${pad("n")} || '@bench.test',
              (${sqlList(FIRST)})[(n + 29) % 40 + 1] || ' ' || (${sqlList(LAST)})[(n / 40 + 7) % 40 + 1], '${passwordHash}', 'benchmark', 'bench-g2-' || ${pad("n")}, ${T0}
       FROM bench_student WHERE n % 5 = 0
       UNION ALL
       SELECT 'bench-t-' || ${pad("s", 2)} || '-' || ${pad("t", 3)}, '${d}', 'teacher.' || ${pad("s", 2)} || '.' || ${pad("t", 3)} || '@bench.test',
              (${sqlList(FIRST)})[(s * 7 + t + 5) % 40 + 1] || ' ' || (${sqlList(LAST)})[(s * 3 + t * 11) % 40 + 1], '${passwordHash}', 'benchmark', 'bench-t-' || s || '-' || t, ${T0}
       FROM generate_series(0, ${schools - 1}) s, generate_series(0, ${PERIODS * teachersPerPeriod - 1}) t
       UNION ALL
       SELECT 'bench-teacher', '${d}', '${BENCH_ACCOUNTS.teacher}', 'Dana Okonkwo-Reyes', '${passwordHash}', 'benchmark', 'bench-teacher', ${T0}
       UNION ALL
       SELECT 'bench-admin', '${d}', '${BENCH_ACCOUNTS.districtAdmin}', 'Robin Achterberg', '${passwordHash}', 'benchmark', 'bench-admin', ${T0}`,
    ],
    [
      "memberships",
      `INSERT INTO "Membership" (id, "userId", "organizationId", "districtId", role, source)
       SELECT 'bench-m-' || u.id, u.id, o, '${d}', r::"Role", 'benchmark' FROM (
         SELECT id, school_id AS o, 'STUDENT' AS r FROM bench_student
         UNION ALL SELECT 'bench-g-' || ${pad("n")}, school_id, 'GUARDIAN' FROM bench_student
         UNION ALL SELECT 'bench-g2-' || ${pad("n")}, school_id, 'GUARDIAN' FROM bench_student WHERE n % 5 = 0
         UNION ALL SELECT 'bench-t-' || ${pad("s", 2)} || '-' || ${pad("t", 3)}, 'bench-school-' || ${pad("s", 2)}, 'TEACHER'
           FROM generate_series(0, ${schools - 1}) s, generate_series(0, ${PERIODS * teachersPerPeriod - 1}) t
         UNION ALL SELECT 'bench-teacher', 'bench-school-00', 'TEACHER'
         UNION ALL SELECT 'bench-admin', '${d}', 'ADMIN'
       ) AS u(id, o, r)`,
    ],
    [
      "profiles",
      `INSERT INTO "StudentProfile" ("userId", "gradeLevel", strengths, interests, "updatedAt")
       SELECT id, 6 + local * 3 / ${per}, 'Benchmark data', 'Benchmark data', ${T0} FROM bench_student`,
    ],
    [
      "guardian links",
      `INSERT INTO "GuardianLink" (id, "districtId", "guardianId", "studentId", source)
       SELECT 'bench-gl-' || ${pad("n")}, '${d}', 'bench-g-' || ${pad("n")}, id, 'benchmark' FROM bench_student
       UNION ALL
       SELECT 'bench-gl2-' || ${pad("n")}, '${d}', 'bench-g2-' || ${pad("n")}, id, 'benchmark' FROM bench_student WHERE n % 5 = 0`,
    ],
    [
      "courses",
      `INSERT INTO "Course" (id, "schoolId", title, subject)
       SELECT 'bench-course-' || ${pad("s", 2)} || '-' || p, 'bench-school-' || ${pad("s", 2)}, (${sqlList(PERIOD_TITLES)})[p + 1], (${sqlList(PERIOD_SUBJECTS)})[p + 1]::"Subject"
       FROM generate_series(0, ${schools - 1}) s, generate_series(0, ${PERIODS - 1}) p
       UNION ALL SELECT 'bench-course-demo', 'bench-school-00', 'Grade 7 Math (benchmark)', 'MATH'`,
    ],
    [
      "classes",
      `INSERT INTO "Class" (id, "schoolId", "courseId", "termId", name)
       SELECT 'bench-class-' || ${pad("s", 2)} || '-' || p || '-' || ${pad("c", 3)}, 'bench-school-' || ${pad("s", 2)}, 'bench-course-' || ${pad("s", 2)} || '-' || p,
              'bench-term-' || ${pad("s", 2)}, (${sqlList(PERIOD_TITLES)})[p + 1] || ' ' || (c + 1)
       FROM generate_series(0, ${schools - 1}) s, generate_series(0, ${PERIODS - 1}) p, generate_series(0, ${classesPerPeriod - 1}) c
       UNION ALL
       SELECT 'bench-class-demo-' || k, 'bench-school-00', 'bench-course-demo', 'bench-term-00', 'Math 7 · Period ' || (k + 1)
       FROM generate_series(0, 5) k`,
    ],
    [
      "enrollments",
      `INSERT INTO "Enrollment" (id, "classId", "userId", role, source)
       SELECT 'bench-en-' || s.id || '-' || p, 'bench-class-' || ${pad("s.school", 2)} || '-' || p || '-' || ${pad(`(s.local * (ARRAY[${PERIOD_MULTIPLIERS.join(",")}])[p + 1] + p * 13) % ${per} % ${classesPerPeriod}`, 3)},
              s.id, 'STUDENT'::"EnrollmentRole", 'benchmark'
       FROM bench_student s, generate_series(0, ${PERIODS - 1}) p
       UNION ALL
       SELECT 'bench-en-' || id || '-demo', 'bench-class-demo-' || CASE WHEN local < ${GRID_STUDENTS} THEN 0 ELSE 1 + (local - ${GRID_STUDENTS}) / 24 END, id, 'STUDENT'::"EnrollmentRole", 'benchmark'
       FROM bench_student WHERE demo
       UNION ALL
       SELECT 'bench-en-t-' || s || '-' || p || '-' || c, 'bench-class-' || ${pad("s", 2)} || '-' || p || '-' || ${pad("c", 3)},
              'bench-t-' || ${pad("s", 2)} || '-' || ${pad(`p * ${teachersPerPeriod} + c / 6`, 3)}, 'TEACHER'::"EnrollmentRole", 'benchmark'
       FROM generate_series(0, ${schools - 1}) s, generate_series(0, ${PERIODS - 1}) p, generate_series(0, ${classesPerPeriod - 1}) c
       UNION ALL
       SELECT 'bench-en-teacher-' || k, 'bench-class-demo-' || k, 'bench-teacher', 'TEACHER'::"EnrollmentRole", 'benchmark' FROM generate_series(0, 5) k`,
    ],
    [
      "plans (temp)",
      // Per student: an active plan (12 evidence, the last two not rated yet), a completed one (12)
      // and a third: submitted (1 in 10, the review queue), a draft (3 in 10) or archived (10 evidence).
      // The student with many plans has 27 more, archived, and 50 evidence on the active one.
      `CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
       SELECT *, CASE WHEN status = 'ACTIVE' THEN CASE WHEN n = 0 THEN ${MANY_EVIDENCE} ELSE 12 END
                      WHEN status = 'COMPLETED' THEN 12 WHEN status = 'ARCHIVED' AND k < 3 THEN 10 ELSE 0 END AS ev_count
       FROM (
         SELECT s.n, s.id AS student_id, s.school_id, s.teacher, s.grid, k, 'bench-p-' || ${pad("s.n")} || '-' || ${pad("k", 2)} AS id,
                CASE WHEN k = 0 THEN 'ACTIVE' WHEN k = 1 THEN 'COMPLETED' WHEN k >= 3 OR s.grid THEN 'ARCHIVED'
                     WHEN s.n % 10 = 0 THEN 'SUBMITTED' WHEN s.n % 10 <= 3 THEN 'DRAFT' ELSE 'ARCHIVED' END AS status,
                CASE WHEN s.grid THEN 'MATH' ELSE (ARRAY['MATH','ELA','SCIENCE'])[(s.n + k) % 3 + 1] END AS subject,
                CASE WHEN k = 0 THEN CURRENT_DATE - 80 WHEN k = 1 THEN CURRENT_DATE - 400 WHEN k = 2 THEN CURRENT_DATE - 600 ELSE CURRENT_DATE - (700 + 30 * k) END AS starts,
                CASE WHEN k = 0 THEN ${T0} - interval '75 days' + (s.n % 20) * interval '1 day'
                     WHEN k = 1 THEN ${T0} - interval '395 days' ELSE ${T0} - interval '595 days' END AS window_start,
                CASE WHEN k = 0 THEN 60 WHEN k = 1 THEN 190 ELSE 140 END AS window_days
         FROM bench_student s CROSS JOIN LATERAL generate_series(0, CASE WHEN s.n = 0 THEN ${MANY_PLANS - 1} ELSE 2 END) k
       ) p`,
    ],
    [
      "plans",
      `INSERT INTO "Plan" (id, "schoolId", "studentId", "createdById", type, status, title, summary, "startsOn", "endsOn",
                           "submittedAt", "approvedAt", "approvedById", "completedAt", "archivedAt", "createdAt", "updatedAt")
       SELECT id, school_id, student_id, student_id, 'PERSONALIZED', status::"PlanStatus",
              (ARRAY['Ratios in the real world','Reading like a historian','Ecosystems field study'])[CASE subject WHEN 'MATH' THEN 1 WHEN 'ELA' THEN 2 ELSE 3 END]
                || CASE WHEN k = 0 THEN '' ELSE ' (' || (2026 - k) || ')' END,
              'Benchmark data', starts, CASE WHEN k = 0 THEN CURRENT_DATE + 200 ELSE starts + 150 END,
              CASE WHEN status = 'SUBMITTED' THEN ${T0} - (n % 30) * interval '1 day' WHEN status = 'DRAFT' THEN NULL ELSE starts::timestamp END,
              CASE WHEN status IN ('ACTIVE','COMPLETED','ARCHIVED') THEN starts::timestamp + interval '1 day' END,
              CASE WHEN status IN ('ACTIVE','COMPLETED','ARCHIVED') THEN teacher END,
              CASE WHEN status IN ('COMPLETED','ARCHIVED') THEN (starts + 150)::timestamp END,
              CASE WHEN status = 'ARCHIVED' THEN (starts + 160)::timestamp END,
              starts::timestamp, ${T0} - (n % 40) * interval '1 day'
       FROM bench_plan`,
    ],
    [
      "goals",
      // The first goal's target date is past on active plans; the second is around today.
      `INSERT INTO "Goal" (id, "planId", position, subject, title, "successCriteria", "masteryDemonstration", "targetDate", "createdAt", "updatedAt")
       SELECT id || '-g' || g, id, g, subject::"Subject", (ARRAY['Understand the ideas','Apply them to a problem','Explain my thinking'])[g + 1],
              'I can show it in my own work (benchmark data)', 'A short project', starts + 30 + g * 30 + n % 30, starts::timestamp, starts::timestamp
       FROM bench_plan, generate_series(0, 2) g`,
    ],
    [
      "goal standards",
      // The grid class's goals link five math standards each: their nine goals cover all forty.
      `INSERT INTO "GoalStandard" ("goalId", "standardId")
       SELECT DISTINCT p.id || '-g' || g, st.id
       FROM bench_plan p CROSS JOIN generate_series(0, 2) g
       CROSS JOIN LATERAL generate_series(0, CASE WHEN p.grid THEN 4 WHEN (p.n + g) % 2 = 0 THEN 1 ELSE 0 END) i
       JOIN bench_std st ON st.subject = p.subject AND st.idx = CASE WHEN p.grid THEN ((p.k * 3 + g) * 5 + i) % ${GRID_STANDARDS}
            ELSE (p.n * 7 + p.k * 3 + g + i * 11) % (CASE p.subject WHEN 'MATH' THEN ${ccssIds.length + 16} ELSE 20 END) END`,
    ],
    [
      "evidence (temp)",
      // Evidence times are distinct per student (plans' windows do not overlap), so the order of
      // ratings is the order of their evidence, as the app sorts them.
      `CREATE TEMP TABLE bench_ev ON COMMIT DROP AS
       SELECT p.id || '-e' || ${pad("j", 2)} AS id, p.id AS plan_id, p.student_id, p.school_id, p.teacher, p.id || '-g' || (j % 3) AS goal_id, j,
              p.window_start + (j * p.window_days::float / p.ev_count) * interval '1 day' + (p.n % 3600) * interval '1 second' AS created_at,
              p.status <> 'ACTIVE' OR j < p.ev_count - 2 AS rated,
              LEAST(4, 1 + (j * 2) / p.ev_count + abs(hashtext(p.id || j)) % 3) AS points
       FROM bench_plan p CROSS JOIN LATERAL generate_series(0, p.ev_count - 1) j WHERE p.ev_count > 0`,
    ],
    [
      "evidence",
      `INSERT INTO "Evidence" (id, "planId", "studentId", "addedById", kind, title, text, "createdAt")
       SELECT id, plan_id, student_id, student_id, 'TEXT', 'Work sample ' || (j + 1), 'What I did and what it shows (benchmark data).', created_at FROM bench_ev`,
    ],
    // `rated` as the ratings below will make it (a superuser's load skips the triggers that keep it).
    ["evidence goals", `INSERT INTO "EvidenceGoal" ("evidenceId", "goalId", rated) SELECT id, goal_id, rated FROM bench_ev`],
    [
      "ratings",
      `INSERT INTO "Rating" (id, "evidenceId", "goalId", "raterId", "levelId", feedback, "createdAt")
       SELECT id || '-r', id, goal_id, teacher, ${level("points")}, 'Benchmark feedback.', LEAST(created_at + interval '1 day', ${T0} - interval '1 minute')
       FROM bench_ev WHERE rated`,
    ],
    [
      "comments",
      // An open thread on a third of the active plans (with a reply), a resolved one on another third.
      `INSERT INTO "Comment" (id, "planId", "goalId", "parentId", "authorId", body, "resolvedAt", "resolvedById", "createdAt")
       SELECT id || '-c1', id, id || '-g0', NULL, teacher, 'Can you add a worked example?',
              CASE WHEN n % 3 = 1 THEN window_start + interval '12 days' END, CASE WHEN n % 3 = 1 THEN student_id END, window_start + interval '10 days'
       FROM bench_plan WHERE status = 'ACTIVE' AND n % 3 < 2
       UNION ALL
       SELECT id || '-c2', id, id || '-g0', id || '-c1', student_id, 'I will add one this week.', NULL, NULL, window_start + interval '11 days'
       FROM bench_plan WHERE status = 'ACTIVE' AND n % 3 = 0`,
    ],
    [
      "audit events",
      `INSERT INTO "AuditEvent" (id, "organizationId", "actorId", action, "entityType", "entityId", "createdAt")
       SELECT 'bench-a-' || ${pad("i", 7)}, s.school_id, s.teacher, (ARRAY['evidence.rate','plan.update','plan.approve','comment.create'])[i % 4 + 1],
              'Plan', 'bench-p-' || ${pad("s.n")} || '-' || ${pad("i % 3", 2)}, ${T0} - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second'
       FROM generate_series(0, ${auditEvents - 1}) i JOIN bench_student s ON s.n = i % ${students}`,
    ],
    [
      "ratings in order (temp)",
      `CREATE TEMP TABLE bench_rated ON COMMIT DROP AS
       SELECT e.student_id, e.goal_id, e.points, e.created_at AS ev_at, LEAST(e.created_at + interval '1 day', ${T0} - interval '1 minute') AS rated_at, e.id
       FROM bench_ev e WHERE rated`,
    ],
    [
      "goal mastery",
      // Most recent (the district's policy): the last rating by evidence date; the baseline is the first.
      `INSERT INTO "GoalMastery" ("goalId", "levelId", score, proficient, "ratingCount", "baselineLevelId", "baselineAt", "lastRatedAt", "computedAt")
       SELECT m.goal_id, ${level("m.latest")}, m.latest, m.latest >= 3, m.n, ${level("m.first")}, m.first_at, m.last_rated, ${T0}
       FROM (SELECT goal_id, (array_agg(points ORDER BY ev_at DESC, rated_at DESC, id DESC))[1] AS latest,
                    (array_agg(points ORDER BY ev_at, rated_at, id))[1] AS first, count(*) AS n, min(ev_at) AS first_at, max(rated_at) AS last_rated
             FROM bench_rated GROUP BY goal_id) m`,
    ],
    [
      "standard mastery",
      `INSERT INTO "StandardMastery" ("studentId", "standardId", "levelId", score, proficient, "ratingCount", "baselineLevelId", "baselineAt", "lastRatedAt", "computedAt")
       SELECT m.student_id, m.standard_id, ${level("m.latest")}, m.latest, m.latest >= 3, m.n, ${level("m.first")}, m.first_at, m.last_rated, ${T0}
       FROM (SELECT r.student_id, gs."standardId" AS standard_id, (array_agg(points ORDER BY ev_at DESC, rated_at DESC, id DESC))[1] AS latest,
                    (array_agg(points ORDER BY ev_at, rated_at, id))[1] AS first, count(*) AS n, min(ev_at) AS first_at, max(rated_at) AS last_rated
             FROM bench_rated r JOIN "GoalStandard" gs ON gs."goalId" = r.goal_id GROUP BY r.student_id, gs."standardId") m`,
    ],
    [
      "overview counts",
      // The admin overview's counts are kept by triggers, which a superuser's load skips (replica
      // mode above): counted afresh for the district's organizations (replacing whatever the
      // triggers wrote otherwise).
      `SELECT pathways_recount(ARRAY(SELECT id FROM "Organization" WHERE "districtId" = '${d}'))`,
    ],
  ];
}
