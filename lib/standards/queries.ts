// Standards as the goal editor's picker reads them: searched and paged on the server (a
// framework has thousands of items), only those a plan at the given school may link — the
// school's own and its district's, frameworks and local standards alike, never another
// district's — and never a retired one, except those a goal already links.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { InputError, NotFoundError } from "@/lib/errors";
import type { Prisma, Subject } from "@/lib/generated/prisma/client.ts";
import { withinOrganizations } from "@/lib/people/access";
import { LOCAL_FRAMEWORK, standardSearchSchema, type StandardSearchInput } from "./schemas";

export const SEARCH_PAGE_SIZE = 20;

/** A standard a goal links, as its chip shows it (a retired one stays, marked). */
export type StandardOption = {
  id: string;
  code: string;
  description: string;
  subject: Subject;
  framework: string;
  retired: boolean;
};

/** One row of the picker's results. */
export type StandardHit = StandardOption & {
  itemType: string;
  gradeLevels: string[];
  /** How many (unretired) items sit under it in its framework's tree: it can be browsed. */
  children: number;
};

export type StandardSearchPage = { items: StandardHit[]; next: string | null };

/** What the picker needs from the page: where it searches, its frameworks, and the chips already chosen. */
export type PickerContext = {
  schoolId: string;
  frameworks: { id: string; title: string }[];
  hasLocal: boolean;
  chosen: StandardOption[];
};

const OPTION_SELECT = {
  id: true,
  code: true,
  description: true,
  subject: true,
  framework: true,
  retiredAt: true,
} satisfies Prisma.StandardSelect;

const option = (row: Prisma.StandardGetPayload<{ select: typeof OPTION_SELECT }>): StandardOption => ({
  id: row.id,
  code: row.code,
  description: row.description,
  subject: row.subject,
  framework: row.framework,
  retired: row.retiredAt !== null,
});

/**
 * The organizations whose standards a plan (or template) at `schoolId` may link: the
 * school, the one above it and its district. The school must be one the actor belongs to
 * (or under one they do), or their own district; anything else is simply not found.
 */
export async function standardOwners(actor: Actor, schoolId: string): Promise<string[]> {
  const mine = actor.memberships.map((m) => m.organizationId);
  const school = await db.organization.findFirst({
    where: { id: schoolId, districtId: actor.districtId, OR: [withinOrganizations(mine), { id: actor.districtId }] },
    select: { id: true, parentId: true, districtId: true },
  });
  if (!school) throw new NotFoundError("That school");
  return [...new Set([school.id, school.parentId, school.districtId].filter((o): o is string => o !== null))];
}

/** A page boundary: the last row's sort key and id, opaque to the browser. */
function encodeCursor(key: string | number, id: string) {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}
function decodeCursor(raw: string): [string | number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && ["string", "number"].includes(typeof value[0]) && typeof value[1] === "string") {
      return [value[0] as string | number, value[1]];
    }
  } catch {
    // answered below
  }
  throw new InputError("That page of standards is no longer there. Search again.", { after: ["Not a page of this list."] });
}

/** Each word must appear in the code or the statement ("proportional 7.RP" finds 7.RP.A.2). */
function wordsMatch(q: string): Prisma.StandardWhereInput[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => ({
      OR: [{ code: { contains: word, mode: "insensitive" } }, { description: { contains: word, mode: "insensitive" } }],
    }));
}

/**
 * The picker's one read. With `parentId`: the items under that node, in the framework's
 * order (browsing the tree). Otherwise a search: every word of `q` in the code or the
 * statement, filtered by subject, grade and framework, in code order; with a framework and
 * no words or filters, its top level. Keyset paging ("More" passes `after`), 20 a page.
 */
export async function searchStandards(actor: Actor, input: StandardSearchInput): Promise<StandardSearchPage> {
  const { schoolId, q, subject, grade, frameworkId, parentId, after } = standardSearchSchema.parse(input);
  const owners = await standardOwners(actor, schoolId);
  const visible: Prisma.StandardWhereInput = { organizationId: { in: owners }, retiredAt: null };
  const cursor = after ? decodeCursor(after) : null;

  let where: Prisma.StandardWhereInput;
  let orderBy: Prisma.StandardOrderByWithRelationInput[];
  let keyOf: (row: { position: number; code: string }) => string | number;
  if (parentId) {
    where = { ...visible, parentId };
    orderBy = [{ position: "asc" }, { id: "asc" }];
    keyOf = (row) => row.position;
    if (cursor) {
      const [position, id] = cursor;
      where = { AND: [where, { OR: [{ position: { gt: Number(position) } }, { position: Number(position), id: { gt: id } }] }] };
    }
  } else {
    const filters: Prisma.StandardWhereInput[] = [visible, ...wordsMatch(q ?? "")];
    if (subject) filters.push({ subject });
    if (grade) filters.push({ gradeLevels: { has: grade } });
    if (frameworkId === LOCAL_FRAMEWORK) filters.push({ frameworkId: null });
    else if (frameworkId) {
      filters.push({ frameworkId });
      // A framework alone is browsed from its top.
      if (!q && !subject && !grade) filters.push({ parentId: null });
    }
    const topLevel = frameworkId && frameworkId !== LOCAL_FRAMEWORK && !q && !subject && !grade;
    orderBy = topLevel ? [{ position: "asc" }, { id: "asc" }] : [{ code: "asc" }, { id: "asc" }];
    keyOf = topLevel ? (row) => row.position : (row) => row.code;
    if (cursor) {
      const [key, id] = cursor;
      filters.push(
        topLevel
          ? { OR: [{ position: { gt: Number(key) } }, { position: Number(key), id: { gt: id } }] }
          : { OR: [{ code: { gt: String(key) } }, { code: String(key), id: { gt: id } }] },
      );
    }
    where = { AND: filters };
  }

  const rows = await db.standard.findMany({
    where,
    orderBy,
    take: SEARCH_PAGE_SIZE + 1,
    select: { ...OPTION_SELECT, itemType: true, gradeLevels: true, position: true },
  });
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  // Children counted for this page's rows only.
  const counts = page.length
    ? await db.standard.groupBy({
        by: ["parentId"],
        where: { parentId: { in: page.map((r) => r.id) }, retiredAt: null },
        _count: { _all: true },
      })
    : [];
  const childrenOf = new Map(counts.map((c) => [c.parentId, c._count._all]));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...option(row),
      itemType: row.itemType,
      gradeLevels: row.gradeLevels,
      children: childrenOf.get(row.id) ?? 0,
    })),
    next: rows.length > SEARCH_PAGE_SIZE && last ? encodeCursor(keyOf(last), last.id) : null,
  };
}

/**
 * For a goal editor at `schoolId`: the frameworks to filter by and the standards its goals
 * already link (`chosenIds`), retired ones included so that they stay on the goal, shown.
 */
export async function pickerContext(actor: Actor, schoolId: string, chosenIds: readonly string[] = []): Promise<PickerContext> {
  const owners = await standardOwners(actor, schoolId);
  const ids = [...new Set(chosenIds)];
  const [frameworks, local, chosen] = await Promise.all([
    db.standardFramework.findMany({
      where: { organizationId: { in: owners } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { id: true, title: true },
    }),
    db.standard.findFirst({ where: { organizationId: { in: owners }, frameworkId: null, retiredAt: null }, select: { id: true } }),
    ids.length ? db.standard.findMany({ where: { id: { in: ids }, organizationId: { in: owners } }, select: OPTION_SELECT }) : [],
  ]);
  const byId = new Map(chosen.map((row) => [row.id, option(row)]));
  return {
    schoolId,
    frameworks,
    hasLocal: local !== null,
    chosen: ids.map((id) => byId.get(id)).filter((o): o is StandardOption => o !== undefined),
  };
}

/**
 * Every standard id the goals of a form link. A blank goal may lack the field: pages spread
 * EMPTY_GOAL, a constant of a client module, which on the server is a reference, not the value.
 */
export const linkedStandardIds = (goals: readonly { standardIds?: readonly string[] }[]): string[] =>
  goals.flatMap((g) => g.standardIds ?? []).filter((id): id is string => typeof id === "string");
