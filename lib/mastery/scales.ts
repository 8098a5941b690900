// Proficiency scales as data: an admin creates and edits the levels ratings are given on. Levels
// are matched by id, so ratings stay on a level whose name or points change; a level ratings use
// cannot be removed, and a scale a policy or a rating uses cannot be deleted. Changing the points
// or "proficient" of a scale in use recomputes the mastery its policies decide, in the background.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { isDistrictAdmin, managedOrganizations, requireMasteryAdmin, visibleOrganizations } from "./admin-access";
import { enqueueRecompute, markForRecompute } from "./background";
import { LEVEL_SELECT } from "./levels";
import { loadPolicies } from "./policies";
import { RATINGS_COUNTED_UP_TO, ratingsInWords } from "./rating-counts";
import { deleteScaleSchema, scaleFormSchema, type ScaleInput } from "./scale-schemas";

const CONFLICT = "Someone else changed this scale since you opened it. Reload to see their changes, then make yours again.";

const SCALE_SELECT = {
  id: true,
  organizationId: true,
  name: true,
  description: true,
  version: true,
  updatedAt: true,
  organization: { select: { id: true, name: true, type: true } },
  levels: { orderBy: { position: "asc" }, select: LEVEL_SELECT },
  policies: {
    orderBy: { createdAt: "asc" },
    select: { id: true, organization: { select: { name: true } }, framework: { select: { title: true } } },
  },
} satisfies Prisma.ProficiencyScaleSelect;

type ScaleRow = Prisma.ProficiencyScaleGetPayload<{ select: typeof SCALE_SELECT }>;

/** Whether the actor may change what this organization owns (district admins: everything in the district). */
export function manages(actor: Actor, organizationId: string): boolean {
  return isDistrictAdmin(actor) || actor.memberships.some((m) => m.role === "ADMIN" && m.organizationId === organizationId);
}

/** Where a policy using a scale applies, in words: "Riverside Elementary", "Grade 7 Mathematics (framework)". */
function usedBy(p: ScaleRow["policies"][number]): string {
  return p.framework ? `${p.framework.title} (framework)` : p.organization.name;
}

function view(actor: Actor, s: ScaleRow) {
  return { ...s, editable: manages(actor, s.organizationId), usedBy: s.policies.map(usedBy) };
}
export type ScaleView = ReturnType<typeof view>;

/** The scales the actor may use or manage: the district's, and those of the schools they administer. */
export async function listScales(actor: Actor): Promise<ScaleView[]> {
  requireMasteryAdmin(actor);
  const rows = await db.proficiencyScale.findMany({
    where: { organization: visibleOrganizations(actor) },
    // A district has a handful of scales; the cap keeps the page bounded whatever happens.
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: SCALE_SELECT,
  });
  return rows.map((s) => view(actor, s));
}

/**
 * How many ratings each of these levels holds (evidence ratings and record ratings: both keep their
 * level), counted up to RATINGS_COUNTED_UP_TO per level, for levels in use only. Each count stops at
 * the cap in Rating(levelId) / RecordRating(levelId), so it costs at most the cap per level however
 * many ratings a district gave on the scale; a full count would read them all.
 */
async function ratingsOn(tx: Tx, levelIds: readonly string[]): Promise<Map<string, number>> {
  if (levelIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; n: number }[]>`
    SELECT l.id, (
      (SELECT count(*) FROM (SELECT 1 FROM "Rating" r WHERE r."levelId" = l.id LIMIT ${RATINGS_COUNTED_UP_TO}) e) +
      (SELECT count(*) FROM (SELECT 1 FROM "RecordRating" r WHERE r."levelId" = l.id LIMIT ${RATINGS_COUNTED_UP_TO}) rr)
    )::int AS n
    FROM unnest(${[...levelIds]}::text[]) AS l(id)`;
  return new Map(rows.filter((r) => r.n > 0).map((r) => [r.id, Math.min(r.n, RATINGS_COUNTED_UP_TO)]));
}

/** One scale, with how many ratings each level has, up to RATINGS_COUNTED_UP_TO (a used level cannot be removed). */
export async function getScale(actor: Actor, scaleId: string) {
  requireMasteryAdmin(actor);
  const scale = await db.proficiencyScale.findFirst({
    where: { id: scaleId, organization: visibleOrganizations(actor) },
    select: SCALE_SELECT,
  });
  if (!scale) throw new NotFoundError("That scale");
  const used = await ratingsOn(
    db,
    scale.levels.map((l) => l.id),
  );
  return { ...view(actor, scale), ratings: Object.fromEntries(used) as Record<string, number> };
}

/** The organizations the actor may give a new scale to (the district for a district admin, their schools). */
export async function scaleOwners(actor: Actor) {
  requireMasteryAdmin(actor);
  return db.organization.findMany({
    where: managedOrganizations(actor),
    orderBy: [{ type: "asc" }, { name: "asc" }],
    take: 200,
    select: { id: true, name: true, type: true },
  });
}

async function checkNameFree(tx: Tx, organizationId: string, name: string, exceptId?: string) {
  const clash = await tx.proficiencyScale.findFirst({
    where: { organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new InputError(`There is already a scale called “${name}”.`, { name: [`There is already a scale called “${name}”.`] });
}

const levelData = (l: ScaleInput["levels"][number], position: number) => ({
  position,
  name: l.name,
  points: l.points,
  colour: l.colour.toLowerCase(),
  description: l.description,
  proficient: l.proficient,
  isDefault: l.isDefault,
});

export async function createScale(actor: Actor, input: unknown): Promise<{ id: string; version: number }> {
  requireMasteryAdmin(actor);
  const s = scaleFormSchema.parse(input);
  return db.$transaction(async (tx) => {
    const owner = await tx.organization.findFirst({
      where: { AND: [{ id: s.organizationId }, managedOrganizations(actor)] },
      select: { id: true },
    });
    if (!owner) throw new NotFoundError("That school");
    await checkNameFree(tx, owner.id, s.name);
    const scale = await tx.proficiencyScale.create({
      data: {
        organizationId: owner.id,
        name: s.name,
        description: s.description,
        levels: { create: s.levels.map((l, i) => levelData(l, i + 1)) },
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, {
      organizationId: owner.id,
      actorId: actor.id,
      action: "scale.create",
      entityType: "ProficiencyScale",
      entityId: scale.id,
      detail: { name: s.name, levels: s.levels.map((l) => ({ name: l.name, points: l.points, proficient: l.proficient })) },
    });
    return scale;
  });
}

/** A scale the actor can see, refused unless they manage its owner. */
async function loadManaged(tx: Tx, actor: Actor, scaleId: string) {
  const scale = await tx.proficiencyScale.findFirst({
    where: { id: scaleId, organization: visibleOrganizations(actor) },
    select: SCALE_SELECT,
  });
  if (!scale) throw new NotFoundError("That scale");
  if (!manages(actor, scale.organizationId)) throw new ForbiddenError("Only a district admin can change the district's scales.");
  return scale;
}

/** What the calculation sees of a scale: its points and which count as proficient. */
const shape = (levels: readonly { points: number; proficient: boolean }[]) =>
  JSON.stringify([...levels].sort((a, b) => a.points - b.points).map((l) => [l.points, l.proficient]));

/**
 * The policies whose students a change of this scale's points can move: those using the scale,
 * and — because a rating keeps its level when a school moves to another scale — the policy now
 * deciding at each school where ratings on this scale were given.
 */
async function policiesToRecompute(tx: Tx, scale: ScaleRow): Promise<string[]> {
  const rows = await tx.$queryRaw<{ schoolId: string }[]>`
    SELECT DISTINCT p."schoolId" FROM "Rating" r
    JOIN "ProficiencyLevel" l ON l."id" = r."levelId"
    JOIN "Goal" g ON g."id" = r."goalId" JOIN "Plan" p ON p."id" = g."planId"
    WHERE l."scaleId" = ${scale.id}`;
  const schools = rows.map((r) => r.schoolId);
  const deciding = schools.length ? await loadPolicies(tx, schools) : null;
  return [...new Set([...scale.policies.map((p) => p.id), ...schools.map((id) => deciding?.forSchool(id).id ?? "")])].filter(Boolean);
}

export async function updateScale(actor: Actor, input: unknown): Promise<{ id: string; version: number; recomputing: number }> {
  requireMasteryAdmin(actor);
  const s = scaleFormSchema.parse(input);
  if (!s.scaleId) throw new NotFoundError("That scale");
  const result = await db.$transaction(async (tx) => {
    const scale = await loadManaged(tx, actor, s.scaleId);
    if (s.version !== scale.version) throw new ConflictError(CONFLICT);
    const existing = new Map(scale.levels.map((l) => [l.id, l]));
    for (const l of s.levels) if (l.id && !existing.has(l.id)) throw new NotFoundError("That level");
    const kept = new Set(s.levels.map((l) => l.id).filter(Boolean));
    const removed = scale.levels.filter((l) => !kept.has(l.id));
    if (removed.length) {
      const used = await ratingsOn(
        tx,
        removed.map((l) => l.id),
      );
      const messages = removed.flatMap((l) => {
        const n = used.get(l.id);
        return n ? [`“${l.name}” is used by ${ratingsInWords(n)}, so it cannot be removed. Keep it (you can rename it).`] : [];
      });
      if (messages.length) throw new InputError(messages[0] ?? "A level that ratings use cannot be removed.", { levels: messages });
    }
    if (s.name.toLowerCase() !== scale.name.toLowerCase()) await checkNameFree(tx, scale.organizationId, s.name, scale.id);

    // The version check and bump in one statement: a concurrent edit loses cleanly.
    const bumped = await tx.proficiencyScale.updateMany({
      where: { id: scale.id, version: scale.version },
      data: { name: s.name, description: s.description, version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new ConflictError(CONFLICT);
    if (removed.length) {
      try {
        await tx.proficiencyLevel.deleteMany({ where: { id: { in: removed.map((l) => l.id) } } });
      } catch (error) {
        // A rating took up a removed level after the check above: the database's restriction holds.
        if ((error as { code?: unknown } | null)?.code === "P2003")
          throw new InputError("A level you removed has just been used by a rating, so it cannot be removed. Reload and keep it.");
        throw error;
      }
    }
    // Names, points and the default are unique per scale and checked row by row: park the kept
    // levels on values no level can have, then write the final ones (swapping two names works).
    const keptLevels = s.levels.filter((l) => l.id);
    for (const [i, l] of keptLevels.entries()) {
      await tx.proficiencyLevel.update({ where: { id: l.id }, data: { name: `moving:${l.id}`, points: -1_000_000 - i, isDefault: false } });
    }
    for (const [i, l] of s.levels.entries()) {
      if (l.id) await tx.proficiencyLevel.update({ where: { id: l.id }, data: levelData(l, i + 1) });
      else await tx.proficiencyLevel.create({ data: { scaleId: scale.id, ...levelData(l, i + 1) } });
    }

    // Stored mastery depends on the points and "proficient" only; a rename or a new colour shows at once.
    const recompute = shape(scale.levels) !== shape(s.levels) ? await policiesToRecompute(tx, scale) : [];
    await markForRecompute(tx, recompute);
    await recordAudit(tx, {
      organizationId: scale.organizationId,
      actorId: actor.id,
      action: "scale.update",
      entityType: "ProficiencyScale",
      entityId: scale.id,
      detail: {
        name: s.name,
        levels: s.levels.map((l) => ({ name: l.name, points: l.points, proficient: l.proficient })),
        removed: removed.map((l) => l.name),
        recomputedPolicies: recompute,
      },
    });
    return { id: scale.id, version: scale.version + 1, recompute };
  });
  await enqueueRecompute(result.recompute);
  return { id: result.id, version: result.version, recomputing: result.recompute.length };
}

export async function deleteScale(actor: Actor, input: unknown): Promise<{ id: string }> {
  requireMasteryAdmin(actor);
  const { scaleId, version } = deleteScaleSchema.parse(input);
  return db.$transaction(async (tx) => {
    const scale = await loadManaged(tx, actor, scaleId);
    if (version !== scale.version) throw new ConflictError(CONFLICT);
    if (scale.policies.length) {
      throw new InputError(
        `“${scale.name}” is in use by the mastery policy of ${scale.policies.map(usedBy).join(", ")}, so it cannot be deleted. Choose another scale there first.`,
      );
    }
    const used = await ratingsOn(
      tx,
      scale.levels.map((l) => l.id),
    );
    const ratings = Math.min(
      RATINGS_COUNTED_UP_TO,
      [...used.values()].reduce((sum, n) => sum + n, 0),
    );
    if (ratings) {
      throw new InputError(
        `“${scale.name}” is in use: ${ratingsInWords(ratings)} ${ratings === 1 ? "was" : "were"} given on it, so it cannot be deleted.`,
      );
    }
    try {
      await tx.proficiencyScale.delete({ where: { id: scale.id } });
    } catch (error) {
      // A policy or rating took it up after the checks above: the database's restriction holds.
      if ((error as { code?: unknown } | null)?.code === "P2003")
        throw new InputError(`“${scale.name}” is now in use, so it cannot be deleted.`);
      throw error;
    }
    await recordAudit(tx, {
      organizationId: scale.organizationId,
      actorId: actor.id,
      action: "scale.delete",
      entityType: "ProficiencyScale",
      entityId: scale.id,
      detail: { name: scale.name },
    });
    return { id: scale.id };
  });
}
