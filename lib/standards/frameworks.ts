// Standards frameworks as the admin pages show them: those the acting administrator manages
// (their organizations' frameworks) and, read-only, their district's; a framework's tree one
// node at a time, so a framework of thousands of items costs what one level shows.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { administered } from "@/lib/people/access";
import { pageArgs, toPage, type Page } from "@/lib/pagination";

export const TREE_PAGE_SIZE = 100;

/** Frameworks an administrator sees: what they administer, and their district's (shared by every school). */
function visibleFrameworks(actor: Actor): Prisma.StandardFrameworkWhereInput {
  return { organization: { districtId: actor.districtId, OR: [administered(actor, "acting"), { id: actor.districtId }] } };
}

const FRAMEWORK_SELECT = {
  id: true,
  title: true,
  creator: true,
  version: true,
  subject: true,
  lastImportedAt: true,
  organization: { select: { id: true, name: true, type: true } },
} satisfies Prisma.StandardFrameworkSelect;

export type FrameworkRow = Prisma.StandardFrameworkGetPayload<{ select: typeof FRAMEWORK_SELECT }> & {
  items: number;
  retired: number;
  /** The actor may re-import it (they administer its owner); otherwise it is shown read-only. */
  manages: boolean;
};

async function withCounts(actor: Actor, rows: Prisma.StandardFrameworkGetPayload<{ select: typeof FRAMEWORK_SELECT }>[]) {
  const ids = rows.map((r) => r.id);
  const [counts, managed] = await Promise.all([
    ids.length
      ? db.standard.groupBy({ by: ["frameworkId", "retiredAt"], where: { frameworkId: { in: ids } }, _count: { _all: true } })
      : [],
    db.organization.findMany({
      where: { AND: [{ id: { in: [...new Set(rows.map((r) => r.organization.id))] } }, administered(actor, "acting")] },
      select: { id: true },
    }),
  ]);
  // groupBy on retiredAt gives one group per retirement instant; summed per framework.
  const items = new Map<string, number>();
  const retired = new Map<string, number>();
  for (const c of counts) {
    const into = c.retiredAt ? retired : items;
    if (c.frameworkId) into.set(c.frameworkId, (into.get(c.frameworkId) ?? 0) + c._count._all);
  }
  const manages = new Set(managed.map((o) => o.id));
  return rows.map((r) => ({ ...r, items: items.get(r.id) ?? 0, retired: retired.get(r.id) ?? 0, manages: manages.has(r.organization.id) }));
}

/** The acting administrator's frameworks, a page at a time, by title. */
export async function listFrameworks(actor: Actor, page = 1): Promise<Page<FrameworkRow>> {
  requireAllowed({ memberships: [actor.acting] }, "standards:manage");
  const where = visibleFrameworks(actor);
  const [rows, total] = await Promise.all([
    db.standardFramework.findMany({ where, orderBy: [{ title: "asc" }, { id: "asc" }], select: FRAMEWORK_SELECT, ...pageArgs(page) }),
    db.standardFramework.count({ where }),
  ]);
  return toPage(await withCounts(actor, rows), total, page);
}

/** Organizations the acting administrator may import a framework for: their own and, for a district, its schools. */
export async function frameworkOwners(actor: Actor) {
  requireAllowed({ memberships: [actor.acting] }, "standards:manage");
  const rows = await db.organization.findMany({
    where: { districtId: actor.districtId, ...administered(actor, "acting") },
    orderBy: [{ type: "asc" }, { name: "asc" }],
    select: { id: true, name: true, type: true },
  });
  return rows;
}

export type FrameworkItem = {
  id: string;
  code: string;
  description: string;
  itemType: string;
  gradeLevels: string[];
  retired: boolean;
  children: number;
};

/**
 * One framework and one level of its tree: the items under `parentId` (its top level
 * without one), in the framework's order, retired ones included and marked; the path from
 * the top to that node; paged by position for levels of more than 100 items.
 */
export async function getFrameworkLevel(actor: Actor, frameworkId: string, opts: { parentId?: string; page?: number } = {}) {
  requireAllowed({ memberships: [actor.acting] }, "standards:manage");
  const [framework] = await withCounts(
    actor,
    await db.standardFramework.findMany({ where: { AND: [{ id: frameworkId }, visibleFrameworks(actor)] }, select: FRAMEWORK_SELECT }),
  );
  if (!framework) throw new NotFoundError("That framework");
  const parentId = opts.parentId ?? null;
  // The path up from the node, in one statement however deep the tree.
  const path = parentId
    ? await db.$queryRaw<{ id: string; code: string; description: string; depth: number }[]>`
        WITH RECURSIVE up AS (
          SELECT "id", "parentId", "code", "description", 0 AS depth FROM "Standard" WHERE "id" = ${parentId} AND "frameworkId" = ${framework.id}
          UNION ALL
          SELECT s."id", s."parentId", s."code", s."description", up.depth + 1
          FROM "Standard" s JOIN up ON s."id" = up."parentId"
          WHERE s."frameworkId" = ${framework.id} AND up.depth < 20
        )
        SELECT "id", "code", "description", depth FROM up ORDER BY depth DESC`
    : [];
  if (parentId && !path.length) throw new NotFoundError("That part of the framework");
  const page = Math.max(1, opts.page ?? 1);
  const where = { frameworkId: framework.id, parentId };
  const [rows, total] = await Promise.all([
    db.standard.findMany({
      where,
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, code: true, description: true, itemType: true, gradeLevels: true, retiredAt: true },
      ...pageArgs(page, TREE_PAGE_SIZE),
    }),
    db.standard.count({ where }),
  ]);
  const counts = rows.length
    ? await db.standard.groupBy({ by: ["parentId"], where: { parentId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const childrenOf = new Map(counts.map((c) => [c.parentId, c._count._all]));
  const items: FrameworkItem[] = rows.map(({ retiredAt, ...r }) => ({
    ...r,
    retired: retiredAt !== null,
    children: childrenOf.get(r.id) ?? 0,
  }));
  return {
    framework,
    path: path.map(({ id, code, description }) => ({ id, code, description })),
    level: toPage(items, total, page, TREE_PAGE_SIZE),
  };
}
