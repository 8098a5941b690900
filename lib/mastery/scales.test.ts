import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { RATINGS_COUNTED_UP_TO } from "./rating-counts";
import type { LevelInput, ScaleFormInput } from "./scale-schemas";
import { createScale, deleteScale, getScale, listScales, updateScale } from "./scales";
import { ratedPlan } from "@/test/mastery";
import { makeSchool } from "@/test/fixtures";

// The background queue is pg-boss in the app; here the recompute is called directly (policy.test.ts).
const queued = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/jobs/boss", () => ({ enqueue: async (...args: unknown[]) => void queued.push(args) }));

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
});

const level = (name: string, points: number, extra: Partial<LevelInput> = {}): LevelInput => ({
  id: "",
  name,
  points,
  colour: "#336699",
  description: "",
  proficient: false,
  isDefault: false,
  ...extra,
});

function fiveLevels(organizationId: string, name = `Five ${Math.random().toString(36).slice(2, 7)}`): ScaleFormInput {
  return {
    scaleId: "",
    organizationId,
    name,
    description: "",
    levels: [
      level("Not yet", 0),
      level("Emerging", 1),
      level("Approaching", 2),
      level("Meeting", 3, { proficient: true, isDefault: true }),
      level("Exceeding", 4, { proficient: true }),
    ],
  };
}

async function errorOf(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("proficiency scales", () => {
  it("let a district admin create a five-level scale, lowest first, and record it", async () => {
    const { id, version } = await createScale(s.districtAdmin, fiveLevels(s.district.id, "Five levels"));
    const scale = await getScale(s.districtAdmin, id);
    expect(version).toBe(1);
    expect(scale.levels.map((l) => [l.name, l.points, l.position])).toEqual([
      ["Not yet", 0, 1],
      ["Emerging", 1, 2],
      ["Approaching", 2, 3],
      ["Meeting", 3, 4],
      ["Exceeding", 4, 5],
    ]);
    expect(scale.levels.filter((l) => l.isDefault).map((l) => l.name)).toEqual(["Meeting"]);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "scale.create" } })).toBe(1);
  });

  it("refuse a scale without a proficient level, without one default, or with repeated names or points", async () => {
    const none = fiveLevels(s.district.id);
    none.levels = none.levels.map((l) => ({ ...l, proficient: false }));
    const e1 = await errorOf(createScale(s.districtAdmin, none));
    expect(e1).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ message: "Mark at least one level as proficient." })]),
    });

    const twoDefaults = fiveLevels(s.district.id);
    twoDefaults.levels[0]!.isDefault = true;
    const e2 = await errorOf(createScale(s.districtAdmin, twoDefaults));
    expect(e2).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ message: "Choose one level as the default." })]),
    });

    const repeated = fiveLevels(s.district.id);
    repeated.levels[1] = { ...repeated.levels[1]!, name: "not yet", points: 0 };
    const e3 = await errorOf(createScale(s.districtAdmin, repeated));
    expect(e3).toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["levels", 1, "name"], message: "Another level is already called “not yet”." }),
        expect.objectContaining({ path: ["levels", 1, "points"], message: "Another level already has 0 points." }),
      ]),
    });

    const unordered = fiveLevels(s.district.id);
    unordered.levels[1] = { ...unordered.levels[1]!, points: 9 };
    const e4 = await errorOf(createScale(s.districtAdmin, unordered));
    expect(e4).toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ["levels", 2, "points"] })]) });

    const sameName = await errorOf(createScale(s.districtAdmin, fiveLevels(s.district.id, "Four levels")));
    expect(sameName).toBeInstanceOf(InputError);
    expect((sameName as InputError).fieldErrors).toEqual({ name: ["There is already a scale called “Four levels”."] });
  });

  it("match levels by id on edit: renames, swapped names and new points keep the ratings on their level", async () => {
    const created = await createScale(s.districtAdmin, fiveLevels(s.district.id));
    const scale = await getScale(s.districtAdmin, created.id);
    const [a, b, c, d, e] = scale.levels.map((l) => ({ ...l, id: l.id }));
    const input = {
      ...fiveLevels(s.district.id, scale.name),
      scaleId: scale.id,
      version: scale.version,
      levels: [
        { ...a!, name: "Emerging", points: 1 },
        { ...b!, name: "Not yet", points: 2 },
        { ...c!, points: 5 },
        { ...d!, points: 7 },
        { ...e!, points: 9, description: "Beyond" },
      ].map(({ id, name, points, colour, description, proficient, isDefault }) => ({
        id,
        name,
        points,
        colour,
        description,
        proficient,
        isDefault,
      })),
    };
    const updated = await updateScale(s.districtAdmin, input);
    expect(updated.version).toBe(2);
    const after = await getScale(s.districtAdmin, scale.id);
    expect(after.levels.map((l) => [l.id, l.name, l.points])).toEqual([
      [a!.id, "Emerging", 1],
      [b!.id, "Not yet", 2],
      [c!.id, "Approaching", 5],
      [d!.id, "Meeting", 7],
      [e!.id, "Exceeding", 9],
    ]);
    // The same edit again is stale.
    expect(await errorOf(updateScale(s.districtAdmin, input))).toBeInstanceOf(ConflictError);
  });

  it("refuse to remove a level that ratings use, naming it and the count, and leave the scale as it was", async () => {
    const { levels } = s;
    await ratedPlan(s, [3, 3, 1]);
    const scale = await getScale(s.districtAdmin, `scale_${s.district.id}`);
    const keep = scale.levels.filter((l) => l.id !== levels.PROFICIENT && l.id !== levels.BEGINNING);
    const input = {
      scaleId: scale.id,
      organizationId: scale.organizationId,
      name: scale.name,
      description: scale.description,
      version: scale.version,
      levels: keep.map((l, i) => ({
        id: l.id,
        name: l.name,
        points: l.points,
        colour: l.colour,
        description: l.description,
        proficient: true,
        isDefault: i === 0,
      })),
    };
    const error = await errorOf(updateScale(s.districtAdmin, input));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors.levels).toEqual([
      expect.stringMatching(/^“(Beginning|Proficient)” is used by \d ratings?, so it cannot be removed/),
      expect.stringMatching(/^“(Beginning|Proficient)” is used by \d ratings?, so it cannot be removed/),
    ]);
    expect((error as InputError).fieldErrors.levels?.join(" ")).toContain("“Proficient” is used by 2 ratings");
    expect(await db.proficiencyLevel.count({ where: { scaleId: scale.id } })).toBe(4);
    expect((await getScale(s.districtAdmin, scale.id)).version).toBe(scale.version);
  });

  it("changing the points of a scale in use marks its policies for recompute and queues them", async () => {
    const scale = await getScale(s.districtAdmin, `scale_${s.district.id}`);
    queued.length = 0;
    const result = await updateScale(s.districtAdmin, {
      scaleId: scale.id,
      organizationId: scale.organizationId,
      name: scale.name,
      description: scale.description,
      version: scale.version,
      levels: scale.levels.map((l) => ({ ...l, points: l.points * 10 })),
    });
    expect(result.recomputing).toBe(1);
    const policy = await db.masteryPolicy.findUniqueOrThrow({ where: { id: `policy_${s.district.id}` } });
    expect(policy.recomputeAt).not.toBeNull();
    expect(policy.recomputeTotal).toBeGreaterThan(0);
    expect(queued).toEqual([["mastery-recompute", { policyId: policy.id }, { singletonKey: policy.id }]]);
  });

  it("recompute a school that moved to another scale when the points of its old ratings' scale change", async () => {
    const five = await createScale(s.districtAdmin, fiveLevels(s.school.id));
    const school = await db.masteryPolicy.create({ data: { organizationId: s.school.id, scaleId: five.id, method: "HIGHEST" } });
    const scale = await getScale(s.districtAdmin, `scale_${s.district.id}`);
    const result = await updateScale(s.districtAdmin, {
      scaleId: scale.id,
      organizationId: scale.organizationId,
      name: scale.name,
      description: scale.description,
      version: scale.version,
      levels: scale.levels.map((l) => ({ ...l, points: l.points + 1 })),
    });
    // The district's policy (it uses the scale) and the school's (its ratings are on it).
    expect(result.recomputing).toBe(2);
    expect((await db.masteryPolicy.findUniqueOrThrow({ where: { id: school.id } })).recomputeTotal).toBe(1);
    // A rename alone recomputes nothing.
    const renamed = await updateScale(s.districtAdmin, {
      scaleId: scale.id,
      organizationId: scale.organizationId,
      name: "Four levels, renamed",
      description: scale.description,
      version: scale.version + 1,
      levels: scale.levels.map((l) => ({ ...l, points: l.points + 1, name: `${l.name}!` })),
    });
    expect(renamed.recomputing).toBe(0);
    await db.masteryPolicy.delete({ where: { id: school.id } });
  });

  it("refuse to delete a scale a policy uses, or one whose levels ratings use", async () => {
    const scale = await getScale(s.districtAdmin, `scale_${s.district.id}`);
    const inUse = await errorOf(deleteScale(s.districtAdmin, { scaleId: scale.id, version: scale.version }));
    expect(inUse).toBeInstanceOf(InputError);
    expect((inUse as Error).message).toMatch(/is in use by the mastery policy of .*, so it cannot be deleted/);

    const spare = await createScale(s.districtAdmin, fiveLevels(s.district.id));
    await deleteScale(s.districtAdmin, { scaleId: spare.id, version: 1 });
    expect(await db.proficiencyScale.count({ where: { id: spare.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: spare.id, action: "scale.delete" } })).toBe(1);
  });

  it("count each level's ratings, record ratings included, only up to a cap, and guard removals and deletion on them", async () => {
    const created = await createScale(s.districtAdmin, fiveLevels(s.district.id));
    const [notYet, emerging, approaching, meeting] = (await getScale(s.districtAdmin, created.id)).levels;
    // Ratings given straight in the table: only the level matters here, and many are needed.
    const { planId, goalId } = await ratedPlan(s, [2]);
    const evidence = await db.evidence.findFirstOrThrow({ where: { planId }, select: { id: true } });
    const rating = (levelId: string) => ({ evidenceId: evidence.id, goalId, raterId: s.teacher.id, levelId, feedback: "" });
    await db.rating.createMany({ data: Array.from({ length: RATINGS_COUNTED_UP_TO + 5 }, () => rating(notYet!.id)) });
    await db.rating.createMany({ data: [rating(emerging!.id), rating(emerging!.id)] });
    const record = await db.learningRecord.create({
      data: {
        studentId: s.student.id,
        schoolId: s.school.id,
        title: "Museum",
        description: "Saw things",
        setting: "COMMUNITY",
        happenedOn: new Date(),
      },
    });
    await db.recordRating.create({ data: { recordId: record.id, standardId: s.standard.id, levelId: approaching!.id } });

    const scale = await getScale(s.districtAdmin, created.id);
    expect(scale.ratings).toEqual({ [notYet!.id]: RATINGS_COUNTED_UP_TO, [emerging!.id]: 2, [approaching!.id]: 1 });

    // Removing any used level is refused with a field message (a record rating's level too, not a
    // database error), and the scale stays as it was.
    const keepOnly = (kept: typeof scale.levels) => ({
      scaleId: scale.id,
      organizationId: scale.organizationId,
      name: scale.name,
      description: scale.description,
      version: scale.version,
      levels: kept.map(({ id, name, points, colour, description, proficient, isDefault }) => ({
        id,
        name,
        points,
        colour,
        description,
        proficient,
        isDefault,
      })),
    });
    const error = await errorOf(updateScale(s.districtAdmin, keepOnly([meeting!])));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors.levels).toEqual([
      "“Not yet” is used by 1,000 or more ratings, so it cannot be removed. Keep it (you can rename it).",
      "“Emerging” is used by 2 ratings, so it cannot be removed. Keep it (you can rename it).",
      "“Approaching” is used by 1 rating, so it cannot be removed. Keep it (you can rename it).",
    ]);
    expect(await db.proficiencyLevel.count({ where: { scaleId: scale.id } })).toBe(5);
    // The unused level can go.
    const kept = scale.levels.filter((l) => l.name !== "Exceeding");
    expect((await updateScale(s.districtAdmin, keepOnly(kept))).version).toBe(scale.version + 1);

    const deleting = { scaleId: scale.id, version: scale.version + 1 };
    expect((await errorOf(deleteScale(s.districtAdmin, deleting))) as Error).toMatchObject({
      message: `“${scale.name}” is in use: 1,000 or more ratings were given on it, so it cannot be deleted.`,
    });
    await db.rating.deleteMany({ where: { evidenceId: evidence.id, levelId: { in: [notYet!.id, emerging!.id] } } });
    // A record's rating alone keeps the scale too.
    expect((await errorOf(deleteScale(s.districtAdmin, deleting))) as Error).toMatchObject({
      message: `“${scale.name}” is in use: 1 rating was given on it, so it cannot be deleted.`,
    });
    await db.learningRecord.delete({ where: { id: record.id } });
    expect((await getScale(s.districtAdmin, scale.id)).ratings).toEqual({});
    await deleteScale(s.districtAdmin, deleting);
    expect(await db.proficiencyScale.count({ where: { id: scale.id } })).toBe(0);
  });

  it("let a school admin manage their school's scales and only see the district's", async () => {
    const own = await createScale(s.admin, fiveLevels(s.school.id));
    expect((await getScale(s.admin, own.id)).editable).toBe(true);
    const district = await getScale(s.admin, `scale_${s.district.id}`);
    expect(district.editable).toBe(false);
    const edit = { ...fiveLevels(s.district.id, district.name), scaleId: district.id, version: district.version };
    expect(await errorOf(updateScale(s.admin, edit))).toBeInstanceOf(ForbiddenError);
    expect(await errorOf(deleteScale(s.admin, { scaleId: district.id, version: district.version }))).toBeInstanceOf(ForbiddenError);
    // Another school's scale is not theirs to see.
    const schoolB = await createScale(s.districtAdmin, fiveLevels(s.schoolB.id));
    expect(await errorOf(getScale(s.admin, schoolB.id))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(updateScale(s.admin, { ...fiveLevels(s.schoolB.id), scaleId: schoolB.id, version: 1 }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await errorOf(createScale(s.admin, fiveLevels(s.schoolB.id)))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(createScale(s.admin, fiveLevels(s.district.id)))).toBeInstanceOf(NotFoundError);
    const names = (await listScales(s.admin)).map((x) => x.id);
    expect(names).toContain(own.id);
    expect(names).toContain(district.id);
    expect(names).not.toContain(schoolB.id);
  });

  it("answer another district's admin with 'not found', and a teacher with 'forbidden'", async () => {
    const id = `scale_${s.district.id}`;
    expect(await errorOf(getScale(s.otherAdmin, id))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(deleteScale(s.otherAdmin, { scaleId: id, version: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(createScale(s.otherAdmin, fiveLevels(s.district.id)))).toBeInstanceOf(NotFoundError);
    expect((await listScales(s.otherAdmin)).map((x) => x.id)).not.toContain(id);
    expect(await errorOf(listScales(s.teacher))).toBeInstanceOf(ForbiddenError);
  });
});
