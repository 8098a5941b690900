// Reads of learning groups: suggestions from stored mastery, a class's saved groups, a student's groups.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { classMasteryGrid } from "@/lib/mastery/class-grid";
import type { LevelView } from "@/lib/mastery/levels";
import { groupsManagedBy, requireGroupManager } from "./access";

/** The key of the suggestion for students who work on none of the chosen standards. */
export const NOT_PLANNED = "not-planned";

export type Suggestion = {
  key: string;
  label: string;
  level: LevelView | null;
  students: { id: string; name: string }[];
};

/**
 * Students of the class grouped by their level on the chosen standards. With several standards a
 * student goes by their lowest among those they work on (on their plans, or rated): not rated yet on
 * one of them puts them with "Not rated yet", rated but "not yet" under the method with "Not yet"
 * (both below every level); working on none of them, in a last group "Not on their plans". Lowest first.
 */
export async function suggestGroups(actor: Actor, classId: string, standardIds: readonly string[]) {
  requireGroupManager(actor);
  const grid = await classMasteryGrid(actor, classId, {});
  const chosen = grid.standards.filter((s) => standardIds.includes(s.id));
  const columns = chosen.map((s) => grid.standards.indexOf(s));
  const groups = new Map<string, Suggestion & { rank: number }>();
  if (chosen.length) {
    for (const student of grid.students) {
      // Only the standards the student works on (on their plans, or rated) decide their group.
      const cells = columns.map((i) => student.cells[i]!).filter((c) => c.planned || c.rated);
      const ranked = cells.map((c) => ({ c, rank: !c.rated ? -2 : c.level ? c.level.points : -1 }));
      const lowest = ranked.reduce<(typeof ranked)[number] | null>((a, b) => (!a || b.rank < a.rank ? b : a), null);
      const level = lowest?.c.level ?? null;
      // Working on none of them: listed last, apart, so the teacher sees who the standards are not for.
      const rank = lowest ? lowest.rank : Number.MAX_SAFE_INTEGER;
      const k = !lowest ? NOT_PLANNED : rank === -2 ? "not-rated" : level ? level.id : "not-yet";
      const label = !lowest ? "Not on their plans" : rank === -2 ? "Not rated yet" : level ? level.name : "Not yet";
      const group = groups.get(k) ?? { key: k, label, level, students: [], rank };
      group.students.push({ id: student.id, name: student.name });
      groups.set(k, group);
    }
  }
  const suggestions: Suggestion[] = [...groups.values()]
    .sort((a, b) => a.rank - b.rank)
    .map((g) => ({ key: g.key, label: g.label, level: g.level, students: g.students }));
  return {
    class: grid.class,
    standards: grid.standards,
    chosen,
    suggestions,
    students: grid.students.map(({ id, name }) => ({ id, name })),
  };
}

const GROUP_SELECT = {
  id: true,
  name: true,
  note: true,
  meetsOn: true,
  createdAt: true,
  class: { select: { id: true, name: true } },
  standards: { select: { standard: { select: { id: true, code: true, description: true } } } },
  members: { orderBy: { student: { name: "asc" } }, select: { student: { select: { id: true, name: true } } } },
} as const;

function view(g: Awaited<ReturnType<typeof findGroups>>[number], activities: Map<string, number>) {
  return {
    id: g.id,
    name: g.name,
    note: g.note,
    meetsOn: g.meetsOn,
    class: g.class,
    standards: g.standards.map((s) => s.standard),
    members: g.members.map((m) => m.student),
    activityCount: activities.get(g.id) ?? 0,
  };
}
export type GroupView = ReturnType<typeof view>;

function findGroups(actor: Actor, where: object, take: number) {
  return db.learningGroup.findMany({
    where: { AND: [groupsManagedBy(actor), where] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: GROUP_SELECT,
  });
}

/**
 * The groups with how many activities each added, counted for these groups only along
 * Activity(groupId). A relation `_count` in the select joins a GROUP BY over every activity of
 * every plan (and Postgres may redo it per group): seconds at a district's size.
 */
async function withActivityCounts(groups: Awaited<ReturnType<typeof findGroups>>) {
  const counts = groups.length
    ? await db.activity.groupBy({ by: ["groupId"], where: { groupId: { in: groups.map((g) => g.id) } }, _count: { _all: true } })
    : [];
  const activities = new Map(counts.flatMap((c) => (c.groupId ? [[c.groupId, c._count._all] as const] : [])));
  return groups.map((g) => view(g, activities));
}

/** A class's saved groups, newest first (the class must be the actor's: NotFound is the page's job via taughtClass). */
export async function listGroups(actor: Actor, classId: string, take = 50) {
  requireGroupManager(actor);
  return withActivityCounts(await findGroups(actor, { classId }, take));
}

/** The groups a student is in, in classes the actor teaches now; nothing for anyone else. */
export async function groupsOfStudent(actor: Actor, studentId: string, take = 20) {
  if (!actor.memberships.some((m) => m.role === "TEACHER")) return [];
  // Most students are in no group: one probe of LearningGroupMember(studentId) says so before the
  // access rule, whose query costs more to prepare than to run, is compiled (issue 12).
  const [member] = await db.$queryRaw<unknown[]>`SELECT 1 FROM "LearningGroupMember" WHERE "studentId" = ${studentId} LIMIT 1`;
  if (!member) return [];
  return withActivityCounts(await findGroups(actor, { members: { some: { studentId } } }, take));
}
