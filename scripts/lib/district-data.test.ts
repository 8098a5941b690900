import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recomputeStudents } from "@/lib/mastery/recompute";
import { BENCH_ACCOUNTS, DEMO_CLASS_IDS, generateDistrict, GRID_STANDARDS, MANY_EVIDENCE, MANY_PLANS } from "./district-data";

// The generator at a small size (two schools): the same SQL as at district scale.
const SIZES = { schools: 2, studentsPerSchool: 160, auditEvents: 500 };

const masteryOf = async (ids: string[]) => {
  // When it was computed differs by design; everything else must agree.
  const strip = <T extends { computedAt: Date }>(row: T) => ({ ...row, computedAt: null });
  const [standards, goals] = await Promise.all([
    db.standardMastery.findMany({ where: { studentId: { in: ids } }, orderBy: [{ studentId: "asc" }, { standardId: "asc" }] }),
    db.goalMastery.findMany({ where: { goal: { plan: { studentId: { in: ids } } } }, orderBy: { goalId: "asc" } }),
  ]);
  return { standards: standards.map(strip), goals: goals.map(strip) };
};

describe("the benchmark district generator", () => {
  let first: Awaited<ReturnType<typeof generateDistrict>>;
  beforeAll(async () => {
    first = await generateDistrict(SIZES);
  }, 120_000);

  it("writes stored mastery exactly as recomputeStudents computes it under the district's policy", async () => {
    // Students outside the demo teacher's classes: the generator left their rows as the SQL wrote them.
    const sample = await db.user.findMany({
      where: {
        districtId: "bench-district",
        memberships: { some: { role: "STUDENT" } },
        enrollments: { none: { classId: { in: DEMO_CLASS_IDS } } },
      },
      orderBy: { id: "asc" },
      take: 25,
      select: { id: true },
    });
    const ids = sample.map((s) => s.id);
    const written = await masteryOf(ids);
    expect(written.standards.length).toBeGreaterThan(25);
    expect(written.goals.length).toBeGreaterThan(25);
    await db.$transaction((tx) => recomputeStudents(tx, ids), { timeout: 60_000 });
    expect(await masteryOf(ids)).toEqual(written);
  });

  it("refers only to rows that exist (the load may skip the foreign-key triggers)", async () => {
    const orphans = await db.$queryRawUnsafe<{ n: bigint }[]>(`
      SELECT (SELECT count(*) FROM "Evidence" e LEFT JOIN "Plan" p ON p.id = e."planId" LEFT JOIN "User" u ON u.id = e."studentId" WHERE e.id LIKE 'bench-%' AND (p.id IS NULL OR u.id IS NULL))
           + (SELECT count(*) FROM "Rating" r LEFT JOIN "Goal" g ON g.id = r."goalId" LEFT JOIN "ProficiencyLevel" l ON l.id = r."levelId" LEFT JOIN "User" u ON u.id = r."raterId" WHERE r.id LIKE 'bench-%' AND (g.id IS NULL OR l.id IS NULL OR u.id IS NULL))
           + (SELECT count(*) FROM "GoalStandard" gs LEFT JOIN "Standard" s ON s.id = gs."standardId" LEFT JOIN "Goal" g ON g.id = gs."goalId" WHERE gs."goalId" LIKE 'bench-%' AND (s.id IS NULL OR g.id IS NULL))
           + (SELECT count(*) FROM "Enrollment" en LEFT JOIN "Class" c ON c.id = en."classId" LEFT JOIN "User" u ON u.id = en."userId" WHERE en.id LIKE 'bench-%' AND (c.id IS NULL OR u.id IS NULL))
           + (SELECT count(*) FROM "AuditEvent" a LEFT JOIN "Organization" o ON o.id = a."organizationId" LEFT JOIN "User" u ON u.id = a."actorId" WHERE a.id LIKE 'bench-%' AND (o.id IS NULL OR u.id IS NULL))
           + (SELECT count(*) FROM "Plan" p LEFT JOIN "User" u ON u.id = p."approvedById" WHERE p.id LIKE 'bench-%' AND p."approvedById" IS NOT NULL AND u.id IS NULL)
           + (SELECT count(*) FROM "Comment" c LEFT JOIN "Comment" t ON t.id = c."parentId" WHERE c.id LIKE 'bench-%' AND c."parentId" IS NOT NULL AND t.id IS NULL) AS n`);
    expect(Number(orphans[0]?.n)).toBe(0);
  });

  it("gives the demo teacher 150 students in 6 classes, and the first class mastery on 40 standards", async () => {
    const teacher = await db.user.findUniqueOrThrow({ where: { email: BENCH_ACCOUNTS.teacher }, select: { id: true } });
    const classes = await db.class.findMany({
      where: { enrollments: { some: { userId: teacher.id, role: "TEACHER" } } },
      orderBy: { id: "asc" },
      select: { id: true, enrollments: { where: { role: "STUDENT" }, select: { userId: true } } },
    });
    expect(classes.map((c) => c.id)).toEqual(DEMO_CLASS_IDS);
    expect(new Set(classes.flatMap((c) => c.enrollments.map((e) => e.userId))).size).toBe(150);
    const grid = classes[0]!.enrollments.map((e) => e.userId);
    expect(grid).toHaveLength(30);
    const perStudent = await db.standardMastery.groupBy({ by: ["studentId"], where: { studentId: { in: grid } }, _count: { _all: true } });
    expect(perStudent).toHaveLength(30);
    for (const s of perStudent) expect(s._count._all).toBeGreaterThanOrEqual(GRID_STANDARDS);
  });

  it("has a student with many plans and 50 pieces of evidence on the active one", async () => {
    const student = await db.user.findUniqueOrThrow({
      where: { email: BENCH_ACCOUNTS.student },
      select: { plans: { select: { status: true, _count: { select: { evidence: true } } } } },
    });
    expect(student.plans).toHaveLength(MANY_PLANS);
    expect(student.plans.find((p) => p.status === "ACTIVE")?._count.evidence).toBe(MANY_EVIDENCE);
  });

  it("leaves the admin overview's maintained counts equal to a fresh count", async () => {
    const orgs = (await db.organization.findMany({ where: { districtId: "bench-district" }, select: { id: true } })).map((o) => o.id);
    const [plans, members, classes, kept] = await Promise.all([
      db.plan.groupBy({ by: ["schoolId", "status"], where: { schoolId: { in: orgs }, deletedAt: null }, _count: { _all: true } }),
      db.membership.groupBy({
        by: ["organizationId", "role"],
        where: { organizationId: { in: orgs }, endedAt: null },
        _count: { _all: true },
      }),
      db.class.groupBy({ by: ["schoolId"], where: { schoolId: { in: orgs } }, _count: { _all: true } }),
      db.organizationCount.findMany({ where: { organizationId: { in: orgs }, count: { not: 0 } } }),
    ]);
    const fresh = [
      ...plans.map((p) => [p.schoolId, `plan:${p.status}`, p._count._all]),
      ...members.map((m) => [m.organizationId, `member:${m.role}`, m._count._all]),
      ...classes.map((c) => [c.schoolId, "class", c._count._all]),
    ];
    expect(kept.map((k) => [k.organizationId, k.subject, k.count]).sort()).toEqual(fresh.sort());
    expect(fresh.length).toBeGreaterThan(10);
  });

  it("marks exactly the rated (evidence, goal) pairs as rated, as the triggers would", async () => {
    const counts = await db.$queryRaw<{ wrong: bigint; rated: bigint; unrated: bigint }[]>`
      SELECT count(*) FILTER (WHERE eg.rated <> EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = eg."evidenceId" AND r."goalId" = eg."goalId")) AS wrong,
             count(*) FILTER (WHERE eg.rated) AS rated, count(*) FILTER (WHERE NOT eg.rated) AS unrated
      FROM "EvidenceGoal" eg JOIN "Evidence" e ON e.id = eg."evidenceId" WHERE e.id LIKE 'bench-%'`;
    expect(Number(counts[0]?.wrong)).toBe(0);
    expect(Number(counts[0]?.rated)).toBeGreaterThan(0);
    expect(Number(counts[0]?.unrated)).toBeGreaterThan(0);
  });

  it("is marked as test data and does nothing on a second run", async () => {
    expect(first.created).toBe(true);
    expect(await db.user.count({ where: { districtId: "bench-district", NOT: { email: { endsWith: "@bench.test" } } } })).toBe(0);
    const again = await generateDistrict(SIZES);
    expect(again.created).toBe(false);
    expect(again.counts).toEqual(first.counts);
  });
});
