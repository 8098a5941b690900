// The district migration upgrades a real pre-district database in place, losing nothing.
// A database of its own on the test server gets only the init migration, the old demo
// data (prisma/upgrade-fixtures/old-demo.sql, made by the old seed) and hand-written edge
// cases (extras.sql); then every migration is deployed and the result is checked with
// plain SQL: the generated Prisma client follows the newest schema, not this history.
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase } from "../scripts/lib/postgres";
import { runPrisma } from "../scripts/lib/prisma-cli";

const migrations = path.join(import.meta.dirname, "migrations");
const fixtures = path.join(import.meta.dirname, "upgrade-fixtures");
const INIT = "20261122192554_init";

type Row = Record<string, unknown>;
/** What the old database held, read just before the upgrade. */
type Before = {
  counts: Record<string, number>;
  roles: Record<string, number>;
  users: Row[];
  schools: Row[];
  classes: Row[];
  classTeachers: Row[];
  enrollments: Row[];
  links: Row[];
  standards: Row[];
  templates: Row[];
  audit: Row[];
  revisions: Row[];
  notifications: Row[];
  plans: Row[];
  unchanged: Record<string, Row[]>;
  maya: Row[];
};

const OLD_TABLES = [
  "School",
  "Term",
  "User",
  "StudentProfile",
  "GuardianLink",
  "Class",
  "ClassTeacher",
  "Enrollment",
  "Standard",
  "PlanTemplate",
  "Plan",
  "Goal",
  "GoalStandard",
  "Activity",
  "Evidence",
  "EvidenceGoal",
  "Rating",
  "Comment",
  "PlanEvent",
  "PlanRevision",
  "GuardianAcknowledgment",
  "Notification",
  "AuditEvent",
];
/** Tables whose rows the upgrade keeps as they are (new columns aside), with their order. */
const UNCHANGED: Record<string, string> = {
  Plan: `"id"`,
  Goal: `"id"`,
  GoalStandard: `"goalId", "standardId"`,
  Activity: `"id"`,
  Evidence: `"id"`,
  EvidenceGoal: `"evidenceId", "goalId"`,
  Rating: `"id"`,
  Comment: `"id"`,
  PlanEvent: `"id"`,
  StudentProfile: `"userId"`,
  GuardianAcknowledgment: `"id"`,
  Term: `"id"`,
};

let url: string | undefined;
let client: pg.Client | undefined;
let tmp: string | undefined;
let before: Before;

function db(): pg.Client {
  if (!client) throw new Error("the upgrade did not run (see the beforeAll error)");
  return client;
}
async function rows<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db().query(sql, params)).rows as T[];
}
async function one<T = Row>(sql: string, params: unknown[] = []): Promise<T> {
  const found = await rows<T>(sql, params);
  expect(found, sql).toHaveLength(1);
  return found[0] as T;
}
async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await one<{ n: string | number }>(sql, params)).n);
}
/** Each row as JSON (timestamps as text), so before and after compare exactly. */
function asJson(table: string, order: string, where = "true") {
  return rows<{ r: Row }>(`SELECT to_jsonb(t) AS r FROM "${table}" t WHERE ${where} ORDER BY ${order}`).then((r) => r.map((x) => x.r));
}
/** Runs `fn` in a transaction that is always rolled back, so tests leave no trace. */
async function rolledBack(fn: () => Promise<void>) {
  await db().query("BEGIN");
  try {
    await fn();
  } finally {
    await db().query("ROLLBACK");
  }
}
/** The error Postgres raises for `sql`, which must fail. */
async function failure(sql: string, params: unknown[] = []): Promise<pg.DatabaseError> {
  try {
    await db().query(sql, params);
  } catch (error) {
    return error as pg.DatabaseError;
  }
  throw new Error(`expected to fail: ${sql}`);
}
const pick = (row: Row, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
const byId = <T extends Row>(list: T[]) => new Map(list.map((r) => [r.id as string, r]));

/** Maya Chen's plans with their goals, evidence and ratings; the same query works before and after. */
const MAYA = `
  SELECT p."title", p."status", p."type",
         (SELECT coalesce(json_agg(g."title" ORDER BY g."position"), '[]') FROM "Goal" g WHERE g."planId" = p."id") AS goals,
         (SELECT coalesce(json_agg(e."title" ORDER BY e."createdAt", e."id"), '[]') FROM "Evidence" e WHERE e."planId" = p."id") AS evidence,
         (SELECT coalesce(json_agg(r."level" ORDER BY r."createdAt", r."id"), '[]') FROM "Rating" r JOIN "Goal" g ON g."id" = r."goalId" WHERE g."planId" = p."id") AS ratings
  FROM "Plan" p JOIN "User" u ON u."id" = p."studentId"
  WHERE u."email" = 'maya.chen@northbrook.test' ORDER BY p."title"`;

async function recordBefore(): Promise<Before> {
  const counts: Record<string, number> = {};
  for (const t of OLD_TABLES) counts[t] = await count(`SELECT count(*) AS n FROM "${t}"`);
  const roles = Object.fromEntries(
    (await rows<{ role: string; n: string }>(`SELECT "role", count(*) AS n FROM "User" GROUP BY "role"`)).map((r) => [r.role, Number(r.n)]),
  );
  const unchanged: Record<string, Row[]> = {};
  for (const [t, order] of Object.entries(UNCHANGED)) unchanged[t] = await asJson(t, order);
  return {
    counts,
    roles,
    users: await asJson("User", `"id"`),
    schools: await asJson("School", `"id"`),
    classes: await asJson("Class", `"id"`),
    classTeachers: await asJson("ClassTeacher", `"classId", "teacherId"`),
    enrollments: await asJson("Enrollment", `"id"`),
    links: await asJson("GuardianLink", `"id"`),
    standards: await asJson("Standard", `"id"`),
    templates: await asJson("PlanTemplate", `"id"`),
    audit: await asJson("AuditEvent", `"id"`),
    revisions: await asJson("PlanRevision", `"id"`),
    notifications: await asJson("Notification", `"id"`),
    plans: await asJson("Plan", `"id"`),
    unchanged,
    maya: await rows(MAYA),
  };
}

beforeAll(async () => {
  const server = new URL(inject("databaseUrl"));
  server.pathname = `/pathways_upgrade_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  url = server.toString();
  await createDatabaseIfMissing(url);

  // The old schema: only the init migration.
  tmp = await mkdtemp(path.join(os.tmpdir(), "pathways-upgrade-"));
  await cp(path.join(migrations, INIT), path.join(tmp, INIT), { recursive: true });
  await cp(path.join(migrations, "migration_lock.toml"), path.join(tmp, "migration_lock.toml"));
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url, PATHWAYS_MIGRATIONS_DIR: tmp }, true);

  client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(await readFile(path.join(fixtures, "old-demo.sql"), "utf8"));
  await client.query(await readFile(path.join(fixtures, "extras.sql"), "utf8"));
  before = await recordBefore();

  // The upgrade, exactly as production runs it.
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: url, PATHWAYS_MIGRATIONS_DIR: migrations }, true).catch((error) =>
    explainFailure(error),
  );
}, 120_000);

/**
 * Prisma reports a failed migration vaguely ("Null constraint failed"); replaying the
 * migration that failed in a rolled-back transaction gives Postgres's own message.
 */
async function explainFailure(error: unknown): Promise<never> {
  const failed = await db()
    .query(`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL`)
    .then((r) => r.rows.map((m: { migration_name: string }) => m.migration_name));
  for (const name of failed) {
    const sql = await readFile(path.join(migrations, name, "migration.sql"), "utf8");
    await db().query("BEGIN");
    try {
      await db().query(sql);
    } catch (e) {
      const pgError = e as pg.DatabaseError;
      const where = [pgError.detail, pgError.where].filter(Boolean).join("; ");
      throw new Error(`migration ${name} failed on the old data: ${pgError.message}${where ? ` (${where})` : ""}`, { cause: error });
    } finally {
      await db().query("ROLLBACK");
    }
  }
  throw error;
}

afterAll(async () => {
  await client?.end().catch(() => undefined);
  if (url) await dropDatabase(url);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("upgrading the pre-district demo database", () => {
  it("applied every migration", async () => {
    const applied = await rows<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY 1`,
    );
    const all = (await readdir(migrations, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(applied.map((m) => m.migration_name)).toEqual(all.sort());
    expect(all).toContain("20261123020000_district");
    expect(before.counts.User).toBeGreaterThan(50); // the fixture really was loaded
  });

  it("loses no plans, goals, evidence, ratings, comments, events or profiles", async () => {
    for (const [table, order] of Object.entries(UNCHANGED)) {
      // Ratings moved from the level enum to the district's scale: level_<LEVEL>_<district>.
      const after = (await asJson(table, order)).map((r) =>
        table === "Rating" ? { ...r, level: String(r.levelId).replace(/^level_([A-Z]+)_.*$/, "$1") } : r,
      );
      const old = before.unchanged[table] ?? [];
      expect(after.length, table).toBe(old.length);
      // Columns the upgrade adds are ignored; every old column keeps its value.
      expect(
        after.map((r, i) => pick(r, Object.keys(old[i] ?? {}))),
        table,
      ).toEqual(old);
    }
  });

  it("keeps every user: same id, name, password hash and dates, email lower-cased, in the district of their school", async () => {
    const after = byId(await asJson("User", `"id"`));
    expect(after.size).toBe(before.users.length);
    for (const u of before.users) {
      const now = after.get(u.id as string);
      expect(now, u.email as string).toBeDefined();
      expect(now).toMatchObject({
        name: u.name,
        email: (u.email as string).toLowerCase(),
        passwordHash: u.passwordHash,
        sessionVersion: u.sessionVersion,
        disabledAt: u.disabledAt,
        lastSignInAt: u.lastSignInAt,
        createdAt: u.createdAt,
        districtId: `d_${u.schoolId}`,
      });
      expect(now).not.toHaveProperty("role");
      expect(now).not.toHaveProperty("schoolId");
    }
    expect(after.get("x_tomas")?.email).toBe("tomas.berg@riverside.test");
  });

  it("gives each user one membership of their old role at their old school", async () => {
    const memberships = byId(await asJson("Membership", `"id"`));
    expect(memberships.size).toBe(before.users.length);
    for (const u of before.users) {
      expect(memberships.get(`m_${u.id}`)).toMatchObject({
        userId: u.id,
        organizationId: u.schoolId,
        districtId: `d_${u.schoolId}`,
        role: u.role,
        endedAt: null,
      });
    }
    const roles = Object.fromEntries(
      (await rows<{ role: string; n: string }>(`SELECT "role", count(*) AS n FROM "Membership" GROUP BY "role"`)).map((r) => [
        r.role,
        Number(r.n),
      ]),
    );
    expect(roles).toEqual(before.roles);
    expect(roles).toMatchObject({ STUDENT: 32, TEACHER: 4, GUARDIAN: 21, ADMIN: 2 });
  });

  it("makes each school a SCHOOL in a district of its own", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Organization"`)).toBe(2 * before.schools.length);
    for (const s of before.schools) {
      const school = await one(`SELECT to_jsonb(o) AS r FROM "Organization" o WHERE "id" = $1`, [s.id]).then((x) => x.r as Row);
      expect(school).toMatchObject({
        type: "SCHOOL",
        name: s.name,
        createdAt: s.createdAt,
        parentId: `d_${s.id}`,
        districtId: `d_${s.id}`,
      });
      const district = await one(`SELECT to_jsonb(o) AS r FROM "Organization" o WHERE "id" = $1`, [`d_${s.id}`]).then((x) => x.r as Row);
      expect(district).toMatchObject({ type: "DISTRICT", name: `${s.name} (district)`, districtId: `d_${s.id}`, parentId: null });
      // The school's mastery rule became its district's policy (or its own, when it was not the default).
      const [policy] = await rows(
        `SELECT "method" FROM "MasteryPolicy" WHERE "organizationId" = ANY($1) ORDER BY "organizationId" = $2 DESC`,
        [[s.id, `d_${s.id}`], s.id],
      );
      expect(policy?.method).toBe(
        s.masteryRule === "HIGHEST" ? "HIGHEST" : s.masteryRule === "MOST_RECENT" ? "MOST_RECENT" : "DECAYING_AVERAGE",
      );
    }
    // The school year spans the school's terms.
    expect(
      await one(
        `SELECT "schoolYearStartsOn"::text AS starts, "schoolYearEndsOn"::text AS ends FROM "Organization" WHERE "id" = 'x_riverside'`,
      ),
    ).toEqual({
      starts: "2026-08-24",
      ends: "2027-06-11",
    });
  });

  it("turns class teachers into TEACHER enrollments and keeps every student enrollment", async () => {
    const after = byId(await asJson("Enrollment", `"id"`));
    expect(after.size).toBe((before.counts.Enrollment ?? 0) + (before.counts.ClassTeacher ?? 0));
    for (const e of before.enrollments) {
      expect(after.get(e.id as string)).toMatchObject({ classId: e.classId, userId: e.studentId, role: "STUDENT", createdAt: e.createdAt });
    }
    for (const t of before.classTeachers) {
      expect(after.get(`t_${t.classId}_${t.teacherId}`)).toMatchObject({ classId: t.classId, userId: t.teacherId, role: "TEACHER" });
    }
    expect(await count(`SELECT count(*) AS n FROM "Enrollment" WHERE "role" = 'TEACHER'`)).toBe(before.counts.ClassTeacher ?? 0);
  });

  it("gives each class a course of its own with the class's subject", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Course"`)).toBe(before.classes.length);
    const classes = byId(await asJson("Class", `"id"`));
    for (const c of before.classes) {
      expect(classes.get(c.id as string)).toMatchObject({
        schoolId: c.schoolId,
        termId: c.termId,
        name: c.name,
        gradeLevel: c.gradeLevel,
        courseId: `c_${c.id}`,
      });
      const course = await one(`SELECT to_jsonb(c) AS r FROM "Course" c WHERE "id" = $1`, [`c_${c.id}`]).then((x) => x.r as Row);
      expect(course).toMatchObject({ schoolId: c.schoolId, title: c.name, subject: c.subject, gradeLevel: c.gradeLevel });
    }
  });

  it("moves standards, templates and the audit log to organizations, adding one removal event", async () => {
    for (const [table, old] of [
      ["Standard", before.standards],
      ["PlanTemplate", before.templates],
      ["AuditEvent", before.audit],
    ] as const) {
      const after = byId(await asJson(table, `"id"`));
      for (const r of old) {
        const { schoolId, ...rest } = r;
        const now = after.get(r.id as string) ?? {};
        expect(pick(now, [...Object.keys(rest), "organizationId"]), `${table} ${r.id}`).toEqual({ ...rest, organizationId: schoolId });
        expect(now).not.toHaveProperty("schoolId");
      }
      expect(after.size, table).toBe(old.length + (table === "AuditEvent" ? 1 : 0));
    }
  });

  it("keeps the demo student's plans, goals, evidence and ratings", async () => {
    const maya = await rows(MAYA.replace(`r."level"`, `(SELECT upper(l."name") FROM "ProficiencyLevel" l WHERE l."id" = r."levelId")`));
    expect(maya).toEqual(before.maya);
    expect(maya).toEqual([
      {
        title: "Our river, our town",
        status: "ACTIVE",
        type: "PERSONALIZED",
        goals: [
          "Write an argumentative essay about a local issue",
          "Use proportions to plan a community garden budget",
          "Explain photosynthesis through a plant-growth experiment",
        ],
        evidence: [
          "Reflection on “Write an argumentative essay about a local issue”",
          "Project slides",
          "Reflection on “Explain photosynthesis through a plant-growth experiment”",
        ],
        ratings: ["DEVELOPING", "PROFICIENT"],
      },
      {
        title: "Reading like a historian",
        status: "CHANGES_REQUESTED",
        type: "PERSONALIZED",
        goals: ["Read and cite evidence from three non-fiction texts"],
        evidence: [],
        ratings: [],
      },
      {
        title: "Spring trip independent study",
        status: "DRAFT",
        type: "INDEPENDENT_STUDY",
        goals: ["Trace how the river shaped our town's history", "Collect and analyse survey data from my grade"],
        evidence: [],
        ratings: [],
      },
    ]);
    expect(
      await one(`SELECT "name", "districtId", "passwordHash" LIKE '$2%' AS hashed FROM "User" WHERE "email" = 'maya.chen@northbrook.test'`),
    ).toMatchObject({
      name: "Maya Chen",
      hashed: true,
    });
  });

  it("makes Linh Nguyen a TEACHER member enrolled as TEACHER in Grade 7 English, whose course is ELA", async () => {
    const linh = await one<{ id: string; districtId: string }>(
      `SELECT "id", "districtId" FROM "User" WHERE "email" = 'linh.nguyen@northbrook.test'`,
    );
    const northbrook = await one<{ id: string }>(
      `SELECT "id" FROM "Organization" WHERE "name" = 'Northbrook Community School' AND "type" = 'SCHOOL'`,
    );
    expect(linh.districtId).toBe(`d_${northbrook.id}`);
    expect(await rows(`SELECT "organizationId", "role" FROM "Membership" WHERE "userId" = $1`, [linh.id])).toEqual([
      { organizationId: northbrook.id, role: "TEACHER" },
    ]);
    const teaching = await rows<{ id: string; classId: string; name: string; role: string }>(
      `SELECT e."id", e."classId", c."name", e."role" FROM "Enrollment" e JOIN "Class" c ON c."id" = e."classId" WHERE e."userId" = $1`,
      [linh.id],
    );
    expect(teaching).toHaveLength(1);
    const classId = teaching[0]?.classId;
    expect(teaching[0]).toMatchObject({ id: `t_${classId}_${linh.id}`, name: "Grade 7 English", role: "TEACHER" });
    expect(
      await one(
        `SELECT co."id", co."title", co."subject", co."gradeLevel", co."schoolId" FROM "Class" c JOIN "Course" co ON co."id" = c."courseId" WHERE c."id" = $1`,
        [classId],
      ),
    ).toEqual({ id: `c_${classId}`, title: "Grade 7 English", subject: "ELA", gradeLevel: 7, schoolId: northbrook.id });
    expect(await count(`SELECT count(*) AS n FROM "Enrollment" WHERE "classId" = $1 AND "role" = 'STUDENT'`, [classId])).toBe(15);
  });

  it("keeps Wei Chen linked to both children, in their district", async () => {
    const links = await rows(
      `SELECT s."email", l."relationship", l."districtId" = g."districtId" AND l."districtId" = s."districtId" AS same
       FROM "GuardianLink" l JOIN "User" g ON g."id" = l."guardianId" JOIN "User" s ON s."id" = l."studentId"
       WHERE g."email" = 'wei.chen@family.test' ORDER BY s."email"`,
    );
    expect(links).toEqual([
      { email: "maya.chen@northbrook.test", relationship: "Father", same: true },
      { email: "yuki.tanaka@northbrook.test", relationship: "Father", same: true },
    ]);
  });
});

describe("guardian links across districts", () => {
  it("removes the cross-school link, keeps the others, and audits the removal at the student's school", async () => {
    const after = byId(await asJson("GuardianLink", `"id"`));
    expect(after.size).toBe(before.links.length - 1);
    expect(after.has("x_link_cross")).toBe(false);
    for (const l of before.links.filter((l) => l.id !== "x_link_cross")) {
      const { guardianId, studentId, relationship, createdAt } = l;
      expect(after.get(l.id as string)).toMatchObject({ guardianId, studentId, relationship, createdAt });
    }
    expect(
      await count(
        `SELECT count(*) AS n FROM "GuardianLink" l JOIN "User" g ON g."id" = l."guardianId" JOIN "User" s ON s."id" = l."studentId"
         WHERE l."districtId" <> g."districtId" OR l."districtId" <> s."districtId"`,
      ),
    ).toBe(0);

    const cross = before.links.find((l) => l.id === "x_link_cross") as Row;
    const student = before.users.find((u) => u.id === cross.studentId) as Row;
    expect(student.email).toBe("jonah.brooks@northbrook.test");
    const event = await one(`SELECT to_jsonb(a) AS r FROM "AuditEvent" a WHERE "action" = 'guardian_link.remove'`).then((x) => x.r as Row);
    expect(event).toMatchObject({
      id: "a_x_link_cross",
      organizationId: student.schoolId,
      actorId: null,
      entityType: "GuardianLink",
      entityId: "x_link_cross",
      detail: { guardianId: "x_rosa", studentId: cross.studentId, reason: "crossed districts" },
    });
  });

  it("refuses a new link whose guardian and student are in different districts", async () => {
    const maya = await one<{ id: string; districtId: string }>(
      `SELECT "id", "districtId" FROM "User" WHERE "email" = 'maya.chen@northbrook.test'`,
    );
    const insert = `INSERT INTO "GuardianLink" ("id", "guardianId", "studentId", "districtId") VALUES ($1, 'x_rosa', $2, $3)`;
    for (const districtId of ["d_x_riverside", maya.districtId]) {
      const error = await failure(insert, [`x_try_${districtId}`, maya.id, districtId]);
      expect(error.code, districtId).toBe("23503"); // foreign_key_violation
    }
    // Within one district it works.
    await rolledBack(async () => {
      await db().query(
        `INSERT INTO "GuardianLink" ("id", "guardianId", "studentId", "districtId") VALUES ('x_same', 'x_rosa', 'x_ben', 'd_x_riverside')`,
      );
      expect(await count(`SELECT count(*) AS n FROM "GuardianLink" WHERE "id" = 'x_same'`)).toBe(1);
    });
  });
});

describe("plan revisions", () => {
  it("numbers the old revisions 1..n per plan in version order, keeping their content and author", async () => {
    const after = byId(await asJson("PlanRevision", `"id"`));
    expect(after.size).toBe((before.counts.PlanRevision ?? 0) + (before.counts.Plan ?? 0));
    for (const r of before.revisions) {
      expect(after.get(r.id as string)).toMatchObject({
        planId: r.planId,
        authorId: r.editorId,
        content: r.snapshot,
        createdAt: r.createdAt,
      });
    }
    const numbered = async (planId: string) =>
      rows(`SELECT "id", "number", "kind", "authorId" FROM "PlanRevision" WHERE "planId" = $1 ORDER BY "number"`, [planId]);
    const linh = await one<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'linh.nguyen@northbrook.test'`);
    const spring = await one<{ id: string; studentId: string }>(
      `SELECT "id", "studentId" FROM "Plan" WHERE "title" = 'Spring trip independent study'`,
    );
    expect(await numbered(spring.id)).toEqual([
      { id: "x_rev_maya_1", number: 1, kind: "CREATED", authorId: spring.studentId },
      { id: "x_rev_maya_2", number: 2, kind: "EDITED", authorId: linh.id },
      { id: "x_rev_maya_5", number: 3, kind: "EDITED", authorId: spring.studentId },
      { id: `r_${spring.id}`, number: 4, kind: "EDITED", authorId: spring.studentId },
    ]);
    expect(await numbered("x_plan_ava")).toEqual([
      { id: "x_rev_ava_1", number: 1, kind: "CREATED", authorId: "x_ava" },
      { id: "x_rev_ava_2", number: 2, kind: "EDITED", authorId: "x_tomas" },
      { id: "r_x_plan_ava", number: 3, kind: "APPROVED", authorId: "x_tomas" },
    ]);
  });

  it("gives every plan a current revision: APPROVED when it was approved, else EDITED, with its content", async () => {
    for (const p of before.plans) {
      const old = before.revisions.filter((r) => r.planId === p.id).length;
      const current = await one(`SELECT to_jsonb(r) AS r FROM "PlanRevision" r WHERE "id" = $1`, [`r_${p.id}`]).then((x) => x.r as Row);
      expect(current, p.id as string).toMatchObject({
        planId: p.id,
        number: old + 1,
        kind: p.approvedAt ? "APPROVED" : "EDITED",
        authorId: p.approvedAt ? p.approvedById : p.createdById,
        createdAt: p.approvedAt ?? p.updatedAt,
      });
      const content = current.content as { title: string; type: string; summary: string; goals: { id: string }[] };
      expect(content).toMatchObject({ title: p.title, type: p.type, summary: p.summary, startsOn: p.startsOn, endsOn: p.endsOn });
      const goals = await rows<{ id: string }>(`SELECT "id" FROM "Goal" WHERE "planId" = $1 ORDER BY "position"`, [p.id]);
      expect(content.goals.map((g) => g.id)).toEqual(goals.map((g) => g.id));
    }
    // The shape lib/plans/revisions.ts writes, exactly.
    const ava = await one<{ content: unknown }>(`SELECT "content" FROM "PlanRevision" WHERE "id" = 'r_x_plan_ava'`);
    expect(ava.content).toStrictEqual({
      title: "Ava's sketchbook: “my street”",
      type: "PERSONALIZED",
      summary: 'Drawing the places I walk past, with a \\backslash and a "quote".',
      startsOn: "2026-09-01",
      endsOn: "2027-01-31",
      goals: [
        {
          id: "x_goal_ava_1",
          subject: "ARTS",
          title: "Draw ten places on my street",
          successCriteria: "Ten finished drawings in two techniques.",
          masteryDemonstration: "A sketchbook and a small show.",
          targetDate: "2026-12-01",
          standardIds: ["x_std_art"],
        },
        {
          id: "x_goal_ava_2",
          subject: "ELA",
          title: "Write about each drawing",
          successCriteria: "One paragraph per drawing.",
          masteryDemonstration: "Captions in the sketchbook.",
          targetDate: "",
          standardIds: ["x_std_art", "x_std_w71"],
        },
      ],
    });
    expect(
      (await one<{ content: { goals: unknown[] } }>(`SELECT "content" FROM "PlanRevision" WHERE "id" = 'r_x_plan_empty'`)).content.goals,
    ).toEqual([]);
  });

  it("hashes every revision: 64 hex digits, the SHA-256 of the content's jsonb text", async () => {
    const all = await rows<{ id: string; contentHash: string; text: string; expected: string }>(
      `SELECT "id", "contentHash", "content"::text AS text, encode(sha256(convert_to("content"::text, 'UTF8')), 'hex') AS expected FROM "PlanRevision"`,
    );
    expect(all.length).toBe((before.counts.PlanRevision ?? 0) + (before.counts.Plan ?? 0));
    for (const r of all) {
      expect(r.contentHash, r.id).toMatch(/^[0-9a-f]{64}$/);
      expect(r.contentHash, r.id).toBe(r.expected);
      expect(r.contentHash, r.id).toBe(createHash("sha256").update(r.text, "utf8").digest("hex"));
    }
  });

  it("computes the hash on insert, whatever the caller sends", async () => {
    await rolledBack(async () => {
      await db().query(
        `INSERT INTO "PlanRevision" ("id", "planId", "number", "kind", "authorId", "content", "contentHash") VALUES ('x_new', 'x_plan_ava', 4, 'EDITED', 'x_tomas', '{"b": 1, "a": "é"}', 'forged')`,
      );
      const r = await one<{ contentHash: string }>(`SELECT "contentHash" FROM "PlanRevision" WHERE "id" = 'x_new'`);
      expect(r.contentHash).toBe(createHash("sha256").update('{"a": "é", "b": 1}', "utf8").digest("hex"));
    });
  });

  it("refuses to update a revision", async () => {
    const error = await failure(`UPDATE "PlanRevision" SET "content" = '{}' WHERE "id" = 'r_x_plan_ava'`);
    expect(error.code).toBe("23000"); // integrity_constraint_violation
    expect(error.message).toMatch(/immutable/);
    expect((await failure(`UPDATE "PlanRevision" SET "contentHash" = "contentHash" WHERE "id" = 'x_rev_ava_1'`)).code).toBe("23000");
  });

  it("refuses to delete a revision on its own", async () => {
    const error = await failure(`DELETE FROM "PlanRevision" WHERE "id" = 'x_rev_ava_1'`);
    expect(error.code).toBe("23000");
    expect(await count(`SELECT count(*) AS n FROM "PlanRevision" WHERE "planId" = 'x_plan_ava'`)).toBe(3);
  });

  // The guard lets exactly one UPDATE through: the author set to NULL by the foreign key
  // when that person is deleted (docs/decisions/deleting-people.md).
  it("keeps revisions, without their author, when the author is deleted", async () => {
    await rolledBack(async () => {
      await db().query(`DELETE FROM "User" WHERE "id" = 'x_tomas'`);
      expect(await rows(`SELECT "id", "authorId" FROM "PlanRevision" WHERE "id" IN ('x_rev_ava_2', 'r_x_plan_ava') ORDER BY "id"`)).toEqual(
        [
          { id: "r_x_plan_ava", authorId: null },
          { id: "x_rev_ava_2", authorId: null },
        ],
      );
    });
  });

  it("deletes a plan's revisions with the plan", async () => {
    await rolledBack(async () => {
      const deleted = await db().query(`DELETE FROM "Plan" WHERE "id" = 'x_plan_ava'`);
      expect(deleted.rowCount).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM "PlanRevision" WHERE "planId" = 'x_plan_ava'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM "Notification" WHERE "planId" = 'x_plan_ava'`)).toBe(0);
    });
    expect(await count(`SELECT count(*) AS n FROM "PlanRevision" WHERE "planId" = 'x_plan_ava'`)).toBe(3);
  });
});

describe("notifications and emails", () => {
  it("turns notifications into a type and a plan, dropping the one about a deleted plan", async () => {
    const after = byId(await asJson("Notification", `"id"`));
    expect(after.size).toBe(before.notifications.length - 1);
    expect(after.has("x_n_gone")).toBe(false);
    for (const n of before.notifications.filter((n) => n.id !== "x_n_gone")) {
      expect(after.get(n.id as string)).toMatchObject({ userId: n.userId, readAt: n.readAt, createdAt: n.createdAt });
    }
    const historian = (await one<{ id: string }>(`SELECT "id" FROM "Plan" WHERE "title" = 'Reading like a historian'`)).id;
    const expected: Record<string, [string, string | null]> = {
      x_n_submitted: ["PLAN_SUBMITTED", historian],
      x_n_status: ["PLAN_STATUS_CHANGED", historian],
      x_n_comment: ["COMMENT_ADDED", historian],
      x_n_evidence: ["EVIDENCE_ADDED", "x_plan_ava"],
      x_n_rated: ["EVIDENCE_RATED", "x_plan_ava"],
      x_n_query: ["PLAN_STATUS_CHANGED", "x_plan_ava"],
      x_n_nohref: ["WELCOME", null],
    };
    for (const [id, [type, planId]] of Object.entries(expected)) expect(after.get(id), id).toMatchObject({ type, planId });
    // The demo's welcome notifications link to home pages, not plans.
    for (const n of before.notifications.filter((n) => !(n.id as string).startsWith("x_"))) {
      expect(after.get(n.id as string)).toMatchObject({ type: "WELCOME", planId: null });
    }
    const columns = await rows<{ column_name: string }>(
      `SELECT "column_name" FROM information_schema.columns WHERE "table_schema" = 'public' AND "table_name" = 'Notification'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain("title");
    expect(columns.map((c) => c.column_name)).not.toContain("body");
    expect(columns.map((c) => c.column_name)).not.toContain("href");
  });

  it("stores emails lower-case only", async () => {
    expect(await count(`SELECT count(*) AS n FROM "User" WHERE "email" <> lower("email")`)).toBe(0);
    const error = await failure(
      `INSERT INTO "User" ("id", "districtId", "email", "name", "passwordHash", "updatedAt") VALUES ('x_upper', 'd_x_riverside', 'New.Person@Riverside.test', 'New Person', NULL, now())`,
    );
    expect(error.code).toBe("23514"); // check_violation
    expect(error.constraint).toBe("User_email_lower_case");
    expect((await failure(`UPDATE "User" SET "email" = 'Ava.Lopez@riverside.test' WHERE "id" = 'x_ava'`)).constraint).toBe(
      "User_email_lower_case",
    );
  });
});
