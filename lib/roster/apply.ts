// Writes a planned import inside the caller's transaction, set by set: each kind of change
// is one statement per 10 000 rows (INSERT … SELECT FROM unnest(arrays), UPDATE … FROM
// unnest), never a query per row, so 20 000 people and their enrollments take seconds.
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Changes } from "./plan-context";
import { ROSTER_SOURCE } from "./spec";
import { utcDays } from "./values";

type Column = readonly [name: string, type: string];
const CHUNK = 10_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const quoted = (name: string) => `"${name}"`;

/** unnest($1::type[], $2::type[], …) AS v(columns): the rows as one set. */
function rowsAsSet(columns: readonly Column[], rows: readonly unknown[][]): Prisma.Sql {
  const arrays = columns.map(([, type], i) => Prisma.sql`${rows.map((r) => r[i] ?? null)}::${Prisma.raw(type)}[]`);
  return Prisma.sql`unnest(${Prisma.join(arrays)}) AS v(${Prisma.raw(columns.map(([n]) => quoted(n)).join(", "))})`;
}

async function insertRows(tx: Tx, table: string, columns: readonly Column[], rows: readonly unknown[][]) {
  const names = Prisma.raw(columns.map(([n]) => quoted(n)).join(", "));
  for (const part of chunks(rows)) {
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(quoted(table))} (${names}) SELECT ${names} FROM ${rowsAsSet(columns, part)}`;
  }
}

/** Updates rows by their first column; `set` is the SET list (static SQL naming t and v). */
async function updateRows(tx: Tx, table: string, columns: readonly Column[], rows: readonly unknown[][], set: string) {
  const key = quoted(columns[0]![0]);
  for (const part of chunks(rows)) {
    await tx.$executeRaw`UPDATE ${Prisma.raw(quoted(table))} AS t SET ${Prisma.raw(set)} FROM ${rowsAsSet(columns, part)} WHERE t.${Prisma.raw(key)} = v.${Prisma.raw(key)}`;
  }
}

const assign = (...names: string[]) => names.map((n) => `${quoted(n)} = v.${quoted(n)}`).join(", ");

async function byIds(tx: Tx, ids: readonly string[], run: (ids: string[]) => Promise<unknown>) {
  for (const part of chunks(ids)) await run(part);
}

export async function applyChanges(tx: Tx, districtId: string, changes: Changes, now: Date) {
  const stamp = now.toISOString();
  const { yesterday } = utcDays(now);
  const src = ROSTER_SOURCE;

  if (changes.claimDistrict) {
    await tx.$executeRaw`UPDATE "Organization" SET source = ${src}, "sourcedId" = ${changes.claimDistrict} WHERE id = ${districtId} AND type = 'DISTRICT'`;
  }
  // Schools sit under the district and take its time zone and locale.
  for (const part of chunks(changes.schools.create)) {
    const set = rowsAsSet(
      [
        ["id", "text"],
        ["name", "text"],
        ["sourcedId", "text"],
      ],
      part.map((s) => [s.id, s.name, s.sourcedId]),
    );
    await tx.$executeRaw`
      INSERT INTO "Organization" (id, "districtId", "parentId", type, name, "timeZone", locale, source, "sourcedId")
      SELECT v.id, d.id, d.id, 'SCHOOL', v.name, d."timeZone", d.locale, ${src}, v."sourcedId"
      FROM ${set} CROSS JOIN "Organization" d WHERE d.id = ${districtId}`;
  }
  await updateRows(
    tx,
    "Organization",
    [
      ["id", "text"],
      ["name", "text"],
    ],
    changes.schools.update.map((s) => [s.id, s.name]),
    assign("name"),
  );

  const termColumns: Column[] = [
    ["id", "text"],
    ["schoolId", "text"],
    ["name", "text"],
    ["startsOn", "date"],
    ["endsOn", "date"],
    ["source", "text"],
    ["sourcedId", "text"],
  ];
  const termRow = (t: Changes["terms"]["create"][number]) => [t.id, t.schoolId, t.name, t.startsOn, t.endsOn, src, t.sourcedId];
  await insertRows(tx, "Term", termColumns, changes.terms.create.map(termRow));
  await updateRows(tx, "Term", termColumns, changes.terms.update.map(termRow), assign("name", "startsOn", "endsOn"));

  const courseColumns: Column[] = [
    ["id", "text"],
    ["schoolId", "text"],
    ["title", "text"],
    ["code", "text"],
    ["subject", '"Subject"'],
    ["gradeLevel", "int"],
    ["source", "text"],
    ["sourcedId", "text"],
  ];
  const courseRow = (c: Changes["courses"]["create"][number]) => [
    c.id,
    c.schoolId,
    c.title,
    c.code,
    c.subject,
    c.gradeLevel,
    src,
    c.sourcedId,
  ];
  await insertRows(tx, "Course", courseColumns, changes.courses.create.map(courseRow));
  await updateRows(
    tx,
    "Course",
    courseColumns,
    changes.courses.update.map(courseRow),
    assign("schoolId", "title", "code", "subject", "gradeLevel"),
  );

  const classColumns: Column[] = [
    ["id", "text"],
    ["schoolId", "text"],
    ["courseId", "text"],
    ["termId", "text"],
    ["name", "text"],
    ["gradeLevel", "int"],
    ["source", "text"],
    ["sourcedId", "text"],
  ];
  const classRow = (c: Changes["classes"]["create"][number]) => [
    c.id,
    c.schoolId,
    c.courseId,
    c.termId,
    c.name,
    c.gradeLevel,
    src,
    c.sourcedId,
  ];
  await insertRows(tx, "Class", classColumns, changes.classes.create.map(classRow));
  await updateRows(
    tx,
    "Class",
    classColumns,
    changes.classes.update.map(classRow),
    assign("schoolId", "courseId", "termId", "name", "gradeLevel"),
  );

  // People. New accounts have no password: they sign in through single sign-on or a reset link.
  await insertRows(
    tx,
    "User",
    [
      ["id", "text"],
      ["districtId", "text"],
      ["email", "text"],
      ["name", "text"],
      ["source", "text"],
      ["sourcedId", "text"],
      ["disabledAt", "timestamp(3)"],
      ["updatedAt", "timestamp(3)"],
    ],
    changes.users.create.map((u) => [u.id, districtId, u.email, u.name, src, u.sourcedId, u.disable ? stamp : null, stamp]),
  );
  await updateRows(
    tx,
    "User",
    [
      ["id", "text"],
      ["email", "text"],
      ["name", "text"],
      ["sourcedId", "text"],
      ["disable", "boolean"],
      ["updatedAt", "timestamp(3)"],
    ],
    changes.users.update.map((u) => [u.id, u.email, u.name, u.sourcedId, u.disable, stamp]),
    `${assign("email", "name", "sourcedId", "updatedAt")}, source = '${src}',
     "disabledAt" = CASE WHEN v.disable THEN COALESCE(t."disabledAt", v."updatedAt") ELSE t."disabledAt" END`,
  );

  await insertRows(
    tx,
    "Membership",
    [
      ["id", "text"],
      ["userId", "text"],
      ["organizationId", "text"],
      ["districtId", "text"],
      ["role", '"Role"'],
      ["source", "text"],
    ],
    changes.memberships.create.map((m) => [m.id, m.userId, m.organizationId, districtId, m.role, src]),
  );
  await byIds(
    tx,
    changes.memberships.reactivate,
    (ids) => tx.$executeRaw`UPDATE "Membership" SET "endedAt" = NULL WHERE id = ANY(${ids}::text[])`,
  );
  await byIds(
    tx,
    changes.memberships.end,
    (ids) =>
      tx.$executeRaw`UPDATE "Membership" SET "endedAt" = ${stamp}::timestamp(3) WHERE id = ANY(${ids}::text[]) AND "endedAt" IS NULL`,
  );

  const profileColumns: Column[] = [
    ["userId", "text"],
    ["gradeLevel", "int"],
    ["updatedAt", "timestamp(3)"],
  ];
  await insertRows(
    tx,
    "StudentProfile",
    profileColumns,
    changes.profiles.create.map((p) => [p.userId, p.gradeLevel, stamp]),
  );
  await updateRows(
    tx,
    "StudentProfile",
    profileColumns,
    changes.profiles.update.map((p) => [p.userId, p.gradeLevel, stamp]),
    assign("gradeLevel", "updatedAt"),
  );

  const enrollmentColumns: Column[] = [
    ["id", "text"],
    ["classId", "text"],
    ["userId", "text"],
    ["role", '"EnrollmentRole"'],
    ["beginsOn", "date"],
    ["endsOn", "date"],
    ["source", "text"],
    ["sourcedId", "text"],
  ];
  const enrollmentRow = (e: Changes["enrollments"]["create"][number]) => [
    e.id,
    e.classId,
    e.userId,
    e.role,
    e.beginsOn,
    e.endsOn,
    src,
    e.sourcedId,
  ];
  await updateRows(
    tx,
    "Enrollment",
    enrollmentColumns,
    changes.enrollments.update.map(enrollmentRow),
    assign("classId", "userId", "role", "beginsOn", "endsOn", "source", "sourcedId"),
  );
  await insertRows(tx, "Enrollment", enrollmentColumns, changes.enrollments.create.map(enrollmentRow));
  await byIds(
    tx,
    changes.enrollments.end,
    (ids) => tx.$executeRaw`UPDATE "Enrollment" SET "endsOn" = ${yesterday}::date WHERE id = ANY(${ids}::text[])`,
  );

  await insertRows(
    tx,
    "GuardianLink",
    [
      ["id", "text"],
      ["districtId", "text"],
      ["guardianId", "text"],
      ["studentId", "text"],
      ["relationship", "text"],
      ["source", "text"],
    ],
    changes.links.create.map((l) => [l.id, districtId, l.guardianId, l.studentId, l.relationship, src]),
  );
  await updateRows(
    tx,
    "GuardianLink",
    [
      ["id", "text"],
      ["relationship", "text"],
    ],
    changes.links.update.map((l) => [l.id, l.relationship]),
    assign("relationship"),
  );
  await byIds(tx, changes.links.remove, (ids) => tx.$executeRaw`DELETE FROM "GuardianLink" WHERE id = ANY(${ids}::text[])`);
}
