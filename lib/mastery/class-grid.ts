// The class mastery grid: a class's students × the standards their plans' goals link, each cell the
// student's stored mastery (StandardMastery, never recomputed here). A fixed number of queries whose
// size grows with the class: its students, their goals' standard links, those standards, those cells.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { currentStudentCounts } from "@/lib/classes/counts";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma, type Subject } from "@/lib/generated/prisma/client.ts";
import { classesTaughtBy, current } from "@/lib/people/access";
import { taughtClassIds } from "@/lib/people/taught";
import { LEVEL_SELECT, type LevelView } from "./levels";
import { loadPolicies } from "./policies";

/** The classes the actor teaches now (in the membership they act in), with how many students each has. */
export async function classesForMastery(actor: Actor) {
  requireTeacher(actor);
  const rows = await db.class.findMany({
    where: { id: { in: await taughtClassIds(actor, "acting") } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      course: { select: { subject: true } },
      school: { select: { name: true } },
    },
  });
  const students = await currentStudentCounts(rows.map((c) => c.id));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    subject: c.course.subject,
    school: c.school.name,
    studentCount: students.get(c.id) ?? 0,
  }));
}

function requireTeacher(actor: Actor) {
  requireAllowed(actor, "mastery:view-class");
}

/**
 * A class the actor teaches now, with its current students (by name); NotFoundError otherwise.
 * Shared with learning groups (lib/groups), which are a class's too.
 */
export async function taughtClass(tx: Tx, actor: Actor, classId: string) {
  requireTeacher(actor);
  // Outside a transaction, among the classes read once for the request (lib/people/taught.ts).
  const taught = tx === db ? { id: { in: await taughtClassIds(actor, "all") } } : classesTaughtBy(actor);
  const found = await tx.class.findFirst({
    where: { AND: [taught, { id: classId }] },
    select: {
      id: true,
      name: true,
      schoolId: true,
      course: { select: { subject: true } },
      enrollments: {
        where: { role: "STUDENT", ...current() },
        orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
        select: { user: { select: { id: true, name: true } } },
      },
    },
  });
  if (!found) throw new NotFoundError("That class");
  const { enrollments, ...rest } = found;
  return { ...rest, subject: found.course.subject, students: enrollments.map((e) => e.user) };
}

export type GridSort = "name" | (string & {});
export type GridOptions = {
  /** A framework's id, or `local:<label>` for locally written standards under that label. */
  frameworkId?: string;
  /** A domain (an item of a framework's tree): keeps the standards under it. */
  domainId?: string;
  /** A subject, or "class" for the class's course's subject (the page's default). */
  subject?: Subject | "class";
  /** Keep only students with a shown standard they are not yet proficient on (see docs/decisions/class-mastery-grid.md). */
  notYet?: boolean;
  /** "name", or a standard's id to sort by the level on it. */
  sort?: GridSort;
  dir?: "asc" | "desc";
};

export type GridCell = {
  studentId: string;
  standardId: string;
  /** The stored level; null when not rated yet, or rated but "not yet" under the method (n times). */
  level: LevelView | null;
  proficient: boolean;
  /** Stored mastery exists (at least one rating). */
  rated: boolean;
  ratingCount: number;
  /** One of the student's goals links the standard. */
  planned: boolean;
};

const ANCESTOR = { id: true, code: true, description: true, itemType: true, parentId: true } satisfies Prisma.StandardSelect;

/** A standard as the grid reads it: with its framework and up to three levels of ancestors. */
type StandardRow = {
  id: string;
  code: string;
  description: string;
  subject: Subject;
  framework: string;
  frameworkId: string | null;
  frameworkRef: { id: string; title: string } | null;
  parent: Tree | null;
};

const ANCESTOR_FIELDS = Object.keys(ANCESTOR) as (keyof typeof ANCESTOR)[];
/** Three levels of ancestors as `a1.id`, `a1.code`, … (the fields ANCESTOR reads). */
const ancestorColumns = Prisma.raw([1, 2, 3].flatMap((n) => ANCESTOR_FIELDS.map((f) => `a${n}."${f}" AS "a${n}.${f}"`)).join(", "));

/**
 * The standards with their framework and three levels of ancestors, by code.
 * One statement: the nested select was four, and compiling it cost more than reading it.
 */
async function standardsWithAncestors(ids: string[]): Promise<StandardRow[]> {
  if (ids.length === 0) return [];
  type Row = Omit<StandardRow, "frameworkRef" | "parent"> & { frameworkTitle: string | null } & Record<`a${1 | 2 | 3}.${string}`, unknown>;
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.id, s.code, s.description, s.subject::text AS subject, s.framework, s."frameworkId", f.title AS "frameworkTitle", ${ancestorColumns}
    FROM "Standard" s
    LEFT JOIN "StandardFramework" f ON f.id = s."frameworkId"
    LEFT JOIN "Standard" a1 ON a1.id = s."parentId"
    LEFT JOIN "Standard" a2 ON a2.id = a1."parentId"
    LEFT JOIN "Standard" a3 ON a3.id = a2."parentId"
    WHERE s.id = ANY(${ids}::text[])
    ORDER BY s.code, s.id`;
  const ancestor = (r: Row, n: 1 | 2 | 3) =>
    r[`a${n}.id`] === null ? null : (Object.fromEntries(ANCESTOR_FIELDS.map((f) => [f, r[`a${n}.${f}`]])) as Ancestor);
  return rows.map((r) => {
    const [a1, a2, a3] = [ancestor(r, 1), ancestor(r, 2), ancestor(r, 3)];
    return {
      id: r.id,
      code: r.code,
      description: r.description,
      subject: r.subject,
      framework: r.framework,
      frameworkId: r.frameworkId,
      frameworkRef: r.frameworkId !== null && r.frameworkTitle !== null ? { id: r.frameworkId, title: r.frameworkTitle } : null,
      parent: a1 && { ...a1, parent: a2 && { ...a2, parent: a3 } },
    };
  });
}
type Ancestor = Prisma.StandardGetPayload<{ select: typeof ANCESTOR }>;

export type GridStandard = {
  id: string;
  code: string;
  description: string;
  subject: Subject;
  framework: { key: string; title: string };
  domain: { id: string; label: string } | null;
  /** Ids of the items above it (up to three levels), for the domain filter. */
  ancestorIds: string[];
};

type Tree = Ancestor & { parent?: Tree | null };

function ancestorsOf(s: { parent: Tree | null }): Ancestor[] {
  const out: Ancestor[] = [];
  for (let a = s.parent; a; a = a.parent ?? null) out.push(a);
  return out;
}

function gridStandard(s: StandardRow): GridStandard {
  const ancestors = ancestorsOf(s);
  // The domain is the ancestor the framework calls a Domain, else the highest one loaded.
  const domain = ancestors.find((a) => a.itemType.toLowerCase() === "domain") ?? ancestors.at(-1) ?? null;
  return {
    id: s.id,
    code: s.code || s.description.slice(0, 20),
    description: s.description,
    subject: s.subject,
    framework: s.frameworkRef
      ? { key: s.frameworkRef.id, title: s.frameworkRef.title }
      : { key: `local:${s.framework}`, title: `${s.framework} (local)` },
    domain: domain ? { id: domain.id, label: [domain.code, domain.description].filter(Boolean).join(" ") } : null,
    ancestorIds: ancestors.map((a) => a.id),
  };
}

const key = (studentId: string, standardId: string) => `${studentId}:${standardId}`;

/**
 * The grid for a class the actor teaches now (NotFoundError otherwise). Columns: standards linked to
 * goals of the current students' plans at the class's school (not deleted), filtered; rows: current
 * students, filtered and sorted; cells: stored mastery.
 */
export async function classMasteryGrid(actor: Actor, classId: string, options: GridOptions = {}) {
  const cls = await taughtClass(db, actor, classId);
  const everyone = cls.students;
  const studentIds = everyone.map((s) => s.id);
  // The two reads that grow with students × standards are plain SQL: the rows are flat and
  // many, and reading them through the ORM's nested selects costs more than the database does.
  const [links, policies] = await Promise.all([
    studentIds.length
      ? db.$queryRaw<{ studentId: string; standardId: string }[]>`
          SELECT DISTINCT p."studentId", gs."standardId"
          FROM "Plan" p
          JOIN "Goal" g ON g."planId" = p.id
          JOIN "GoalStandard" gs ON gs."goalId" = g.id
          WHERE p."studentId" = ANY(${studentIds}::text[]) AND p."schoolId" = ${cls.schoolId} AND p."deletedAt" IS NULL`
      : Promise.resolve([]),
    loadPolicies(db, [cls.schoolId]),
  ]);
  const standardIds = [...new Set(links.map((l) => l.standardId))];
  const [standardRows, mastery] = await Promise.all([
    standardsWithAncestors(standardIds),
    standardIds.length
      ? db.$queryRaw<{ studentId: string; standardId: string; levelId: string | null; proficient: boolean; ratingCount: number }[]>`
          SELECT "studentId", "standardId", "levelId", proficient, "ratingCount"
          FROM "StandardMastery"
          WHERE "studentId" = ANY(${studentIds}::text[]) AND "standardId" = ANY(${standardIds}::text[])`
      : Promise.resolve([]),
  ]);
  // Levels come from the school's scale; a framework's own scale's levels are read when some cell uses them.
  const scaleLevels = policies.forSchool(cls.schoolId).scale.levels;
  const levelById = new Map<string, LevelView>(scaleLevels.map((l) => [l.id, l]));
  const missing = [...new Set(mastery.flatMap((m) => (m.levelId && !levelById.has(m.levelId) ? [m.levelId] : [])))];
  if (missing.length) {
    for (const l of await db.proficiencyLevel.findMany({ where: { id: { in: missing } }, select: LEVEL_SELECT })) levelById.set(l.id, l);
  }
  const all = standardRows.map(gridStandard);
  const frameworks = uniqueBy(
    all.map((s) => s.framework),
    (f) => f.key,
  ).sort((a, b) => a.title.localeCompare(b.title));
  const inFramework = options.frameworkId ? all.filter((s) => s.framework.key === options.frameworkId) : all;
  const domains = uniqueBy(
    inFramework.flatMap((s) => (s.domain ? [s.domain] : [])),
    (d) => d.id,
  ).sort((a, b) => a.label.localeCompare(b.label));
  const subject = options.subject === "class" ? cls.subject : options.subject;
  const standards = inFramework.filter(
    (s) => (!options.domainId || s.ancestorIds.includes(options.domainId)) && (!subject || s.subject === subject),
  );

  const planned = new Set(links.map((l) => key(l.studentId, l.standardId)));
  const stored = new Map(mastery.map((m) => [key(m.studentId, m.standardId), m]));
  const cells = new Map<string, GridCell>();
  for (const student of everyone) {
    for (const standard of all) {
      const k = key(student.id, standard.id);
      const m = stored.get(k);
      cells.set(k, {
        studentId: student.id,
        standardId: standard.id,
        level: m?.levelId ? (levelById.get(m.levelId) ?? null) : null,
        proficient: m?.proficient ?? false,
        rated: Boolean(m),
        ratingCount: m?.ratingCount ?? 0,
        planned: planned.has(k),
      });
    }
  }
  const cellOf = (studentId: string, standardId: string) => cells.get(key(studentId, standardId)) as GridCell;
  const rowsOf = (list: typeof everyone) => list.map((s) => ({ ...s, cells: standards.map((st) => cellOf(s.id, st.id)) }));

  let students = rowsOf(everyone);
  if (options.notYet) students = students.filter((s) => s.cells.some(notYetProficient));
  students = sortRows(students, standards, options);
  return {
    class: { id: cls.id, name: cls.name, subject: cls.subject, studentCount: everyone.length },
    standards,
    students,
    cells,
    frameworks,
    domains,
    /** The levels of the scale ratings at the class's school use, lowest first. */
    levels: policies.forSchool(cls.schoolId).scale.levels,
    /** How many of the class's students are at each level on one standard (for the chart and its table). */
    distribution: (standardId: string) =>
      distribution(rowsOf(everyone), standards, standardId, policies.forSchool(cls.schoolId).scale.levels),
  };
}
export type ClassGrid = Awaited<ReturnType<typeof classMasteryGrid>>;

/** A cell that counts for "not yet proficient": on the student's plan or rated, and not proficient. */
export function notYetProficient(c: GridCell): boolean {
  return (c.planned || c.rated) && !c.proficient;
}

function uniqueBy<T>(items: T[], by: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [by(i), i])).values()];
}

type Row = { id: string; name: string; cells: GridCell[] };

/** Rows by name, or by the level on one standard (not rated first, then lowest level), ties by name. */
export function sortRows<R extends Row>(rows: R[], standards: { id: string }[], options: Pick<GridOptions, "sort" | "dir">): R[] {
  const sign = options.dir === "desc" ? -1 : 1;
  const byName = (a: R, b: R) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const column = standards.findIndex((s) => s.id === options.sort);
  if (column < 0) return [...rows].sort((a, b) => sign * byName(a, b));
  const rank = (r: R) => {
    const c = r.cells[column];
    if (!c || !c.rated) return -2;
    return c.level ? c.level.points : -1;
  };
  return [...rows].sort((a, b) => sign * (rank(a) - rank(b)) || byName(a, b));
}

export type DistributionRow = { key: string; label: string; colour: string | null; count: number; students: string[] };

/** Students per level on a standard, every level of the scale listed (zero too), then "not yet" and "not rated yet". */
export function distribution(rows: Row[], standards: { id: string }[], standardId: string, levels: readonly LevelView[]) {
  const column = standards.findIndex((s) => s.id === standardId);
  if (column < 0) return null;
  const out: DistributionRow[] = levels.map((l) => ({ key: l.id, label: l.name, colour: l.colour, count: 0, students: [] }));
  const notYet: DistributionRow = { key: "not-yet", label: "Not yet", colour: null, count: 0, students: [] };
  const unrated: DistributionRow = { key: "not-rated", label: "Not rated yet", colour: null, count: 0, students: [] };
  for (const r of rows) {
    const c = r.cells[column];
    if (!c) continue;
    let bucket = !c.rated ? (c.planned ? unrated : null) : c.level ? out.find((o) => o.key === c.level?.id) : notYet;
    // A level from another scale (a framework's own policy) still counts, under its own name.
    if (c.rated && c.level && !bucket) {
      bucket = { key: c.level.id, label: c.level.name, colour: c.level.colour, count: 0, students: [] };
      out.push(bucket);
    }
    if (!bucket) continue;
    bucket.count++;
    bucket.students.push(r.name);
  }
  return [...out, ...(notYet.count ? [notYet] : []), unrated];
}
