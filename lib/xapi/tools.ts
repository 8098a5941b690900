// Connected tools and activity mappings, as admins manage them. A tool belongs to one school: its
// district's admins and that school's admins manage it (lib/mastery/admin-access.ts'
// managedOrganizations); nothing crosses a district. Mappings are the district's: its admins
// change them, a school's admins see them.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireAllowed } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { isDistrictAdmin, managedOrganizations } from "@/lib/mastery/admin-access";
import { hashSecret, newKey, newSecret } from "./auth";
import { addMappingSchema, createToolSchema, removeMappingSchema, revokeToolSchema } from "./schemas";

const managedTools = (actor: Actor): Prisma.XapiToolWhereInput => ({ districtId: actor.districtId, school: managedOrganizations(actor) });

export type ToolRow = {
  id: string;
  name: string;
  key: string;
  school: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const TOOL_PAGE_SIZE = 50;

/** The tools the actor manages, newest first; keyset paged by (createdAt, id). */
export async function listTools(actor: Actor, after?: string): Promise<{ items: ToolRow[]; next: string | null }> {
  requireAllowed(actor, "xapi:manage");
  const cursor = after
    ? await db.xapiTool.findFirst({ where: { id: after, ...managedTools(actor) }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db.xapiTool.findMany({
    where: {
      ...managedTools(actor),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TOOL_PAGE_SIZE + 1,
    select: { id: true, name: true, key: true, createdAt: true, lastUsedAt: true, revokedAt: true, school: { select: { name: true } } },
  });
  const items = rows.slice(0, TOOL_PAGE_SIZE).map(({ school, ...r }) => ({ ...r, school: school.name }));
  return { items, next: rows.length > TOOL_PAGE_SIZE ? (items.at(-1)?.id ?? null) : null };
}

/** The schools a new tool can be created for. */
export async function toolSchools(actor: Actor) {
  requireAllowed(actor, "xapi:manage");
  return db.organization.findMany({
    where: { type: "SCHOOL", ...managedOrganizations(actor) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export type CreatedTool = { id: string; name: string; key: string; secret: string };

/** Creates a tool; its secret is returned this once and stored only as a hash. */
export async function createTool(actor: Actor, input: unknown): Promise<CreatedTool> {
  requireAllowed(actor, "xapi:manage");
  const { name, schoolId } = createToolSchema.parse(input);
  const secret = newSecret();
  const secretHash = await hashSecret(secret);
  return db.$transaction(async (tx) => {
    const school = await tx.organization.findFirst({
      where: { id: schoolId, type: "SCHOOL", ...managedOrganizations(actor) },
      select: { id: true, districtId: true },
    });
    if (!school) throw new NotFoundError("That school");
    const tool = await tx.xapiTool.create({
      data: { name, schoolId: school.id, districtId: school.districtId, key: newKey(), secretHash, createdById: actor.id },
      select: { id: true, name: true, key: true },
    });
    await recordAudit(tx, {
      organizationId: school.id,
      actorId: actor.id,
      action: "xapi.tool.create",
      entityType: "XapiTool",
      entityId: tool.id,
      detail: { name, key: tool.key },
    });
    return { ...tool, secret };
  });
}

/** Revokes a tool: its credentials stop working at once; its statements and suggestions stay. */
export async function revokeTool(actor: Actor, input: unknown): Promise<{ id: string; revokedAt: Date }> {
  requireAllowed(actor, "xapi:manage");
  const { toolId } = revokeToolSchema.parse(input);
  return db.$transaction(async (tx) => {
    const tool = await tx.xapiTool.findFirst({
      where: { id: toolId, ...managedTools(actor) },
      select: { id: true, schoolId: true, revokedAt: true, name: true },
    });
    if (!tool) throw new NotFoundError("That tool");
    if (tool.revokedAt) return { id: tool.id, revokedAt: tool.revokedAt };
    const revokedAt = new Date();
    await tx.xapiTool.update({ where: { id: tool.id }, data: { revokedAt } });
    await recordAudit(tx, {
      organizationId: tool.schoolId,
      actorId: actor.id,
      action: "xapi.tool.revoke",
      entityType: "XapiTool",
      entityId: tool.id,
      detail: { name: tool.name },
    });
    return { id: tool.id, revokedAt };
  });
}

export type MappingRow = { id: string; activityId: string; standard: { id: string; code: string; description: string }; createdAt: Date };

export const MAPPING_PAGE_SIZE = 100;

/** The district's activity → standard mappings, by activity; keyset paged by (activityId, id). */
export async function listMappings(actor: Actor, after?: string): Promise<{ items: MappingRow[]; next: string | null; editable: boolean }> {
  requireAllowed(actor, "xapi:manage");
  const cursor = after
    ? await db.xapiActivityStandard.findFirst({
        where: { id: after, districtId: actor.districtId },
        select: { id: true, activityId: true },
      })
    : null;
  const rows = await db.xapiActivityStandard.findMany({
    where: {
      districtId: actor.districtId,
      ...(cursor ? { OR: [{ activityId: { gt: cursor.activityId } }, { activityId: cursor.activityId, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ activityId: "asc" }, { id: "asc" }],
    take: MAPPING_PAGE_SIZE + 1,
    select: { id: true, activityId: true, createdAt: true, standard: { select: { id: true, code: true, description: true } } },
  });
  const items = rows.slice(0, MAPPING_PAGE_SIZE);
  return { items, next: rows.length > MAPPING_PAGE_SIZE ? (items.at(-1)?.id ?? null) : null, editable: isDistrictAdmin(actor) };
}

function requireDistrictAdmin(actor: Actor) {
  requireAllowed(actor, "xapi:manage");
  if (!isDistrictAdmin(actor)) throw new ForbiddenError("Only the district's admins change activity mappings: they apply to every school.");
}

/** Maps an activity to standards of the district (its own frameworks), for every tool of the district. */
export async function addMapping(actor: Actor, input: unknown): Promise<{ added: number }> {
  requireDistrictAdmin(actor);
  const { activityId, standardIds } = addMappingSchema.parse(input);
  return db.$transaction(async (tx) => {
    const ids = [...new Set(standardIds)];
    const standards = await tx.standard.findMany({
      where: { id: { in: ids }, organizationId: actor.districtId, retiredAt: null },
      select: { id: true },
    });
    if (standards.length !== ids.length)
      throw new InputError("Choose standards of the district's frameworks.", {
        standardIds: ["One of these standards is not one of the district's."],
      });
    const created = await tx.xapiActivityStandard.createManyAndReturn({
      data: ids.map((standardId) => ({ districtId: actor.districtId, activityId, standardId, createdById: actor.id })),
      skipDuplicates: true,
      select: { id: true, standardId: true },
    });
    for (const m of created)
      await recordAudit(tx, {
        organizationId: actor.districtId,
        actorId: actor.id,
        action: "xapi.mapping.add",
        entityType: "XapiActivityStandard",
        entityId: m.id,
        detail: { activityId, standardId: m.standardId },
      });
    return { added: created.length };
  });
}

export async function removeMapping(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireDistrictAdmin(actor);
  const { mappingId } = removeMappingSchema.parse(input);
  return db.$transaction(async (tx) => {
    const mapping = await tx.xapiActivityStandard.findFirst({
      where: { id: mappingId, districtId: actor.districtId },
      select: { id: true, activityId: true, standardId: true },
    });
    if (!mapping) throw new NotFoundError("That mapping");
    await tx.xapiActivityStandard.delete({ where: { id: mapping.id } });
    await recordAudit(tx, {
      organizationId: actor.districtId,
      actorId: actor.id,
      action: "xapi.mapping.remove",
      entityType: "XapiActivityStandard",
      entityId: mapping.id,
      detail: { activityId: mapping.activityId, standardId: mapping.standardId },
    });
    return { id: mapping.id };
  });
}
