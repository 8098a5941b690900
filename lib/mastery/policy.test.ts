import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { runPolicyRecompute, unfinishedRecomputes } from "./background";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { computeMastery } from "./methods";
import { loadPolicies, POLICY_SELECT } from "./policies";
import { removePolicy, setPolicy } from "./policy-commands";
import { masterySettings } from "./settings";
import { ratedPlan } from "@/test/mastery";
import { makeSchool } from "@/test/fixtures";

const queued = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/jobs/boss", () => ({ enqueue: async (...args: unknown[]) => void queued.push(args) }));

let s: Awaited<ReturnType<typeof makeSchool>>;
let goalId: string;
let frameworkId: string;
let frameworkStandardId: string;
// Advanced, Beginning, Proficient in evidence order: every method gives a different answer.
const POINTS = [4, 1, 3] as const;
const scores = POINTS.map((points, i) => ({ points, at: new Date(2026, 0, i + 1) }));

beforeAll(async () => {
  s = await makeSchool();
  const framework = await db.standardFramework.create({
    data: { organizationId: s.district.id, caseId: randomUUID(), title: "Test framework" },
  });
  frameworkId = framework.id;
  frameworkStandardId = (
    await db.standard.create({
      data: {
        organizationId: s.district.id,
        frameworkId,
        code: "F.1",
        subject: "ELA",
        description: "Framework standard",
        itemType: "Standard",
      },
    })
  ).id;
  ({ goalId } = await ratedPlan(s, POINTS, [s.standard.id, frameworkStandardId]));
});

const stored = async () => ({
  goal: await db.goalMastery.findUniqueOrThrow({ where: { goalId }, include: { level: true } }),
  local: await db.standardMastery.findUniqueOrThrow({
    where: { studentId_standardId: { studentId: s.student.id, standardId: s.standard.id } },
    include: { level: true },
  }),
  framework: await db.standardMastery.findUniqueOrThrow({
    where: { studentId_standardId: { studentId: s.student.id, standardId: frameworkStandardId } },
    include: { level: true },
  }),
});

async function errorOf(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

const scaleId = () => `scale_${s.district.id}`;

describe("mastery policies", () => {
  it("start with the district's most recent: Proficient (3) for every standard", async () => {
    const now = await stored();
    expect([now.goal.score, now.local.score, now.framework.score]).toEqual([3, 3, 3]);
    expect(now.goal.level?.name).toBe("Proficient");
  });

  it("recompute a school's new method in the background, as computeMastery says", async () => {
    queued.length = 0;
    const set = await setPolicy(s.admin, {
      organizationId: s.school.id,
      frameworkId: "",
      scaleId: scaleId(),
      method: { kind: "DECAYING_AVERAGE", weight: 80 },
    });
    expect(set.recomputeTotal).toBe(1);
    expect(queued).toEqual([["mastery-recompute", { policyId: set.id }, { singletonKey: set.id }]]);
    // Until the job runs, pages read the old stored level, and the policy shows as running.
    expect((await stored()).goal.score).toBe(3);
    expect(await unfinishedRecomputes()).toContain(set.id);
    const settings = await masterySettings(s.admin);
    expect(settings.schools.find((x) => x.id === s.school.id)?.policy?.progress).toEqual({ state: "running", done: 0, total: 1 });

    expect(await runPolicyRecompute(set.id)).toEqual({ done: 1, stopped: false });
    const expected = computeMastery(scores, { kind: "DECAYING_AVERAGE", weight: 80 }, 3).score;
    // 4; 4 × 0.2 + 1 × 0.8 = 1.6; 1.6 × 0.2 + 3 × 0.8 = 2.72
    expect(expected).toBe(2.72);
    const after = await stored();
    expect([after.goal.score, after.local.score, after.framework.score]).toEqual([2.72, 2.72, 2.72]);
    expect(after.goal.level?.name).toBe("Developing");
    expect(after.goal.proficient).toBe(false);
    const policy = await db.masteryPolicy.findUniqueOrThrow({ where: { id: set.id } });
    expect([policy.recomputeDone, policy.recomputeTotal, policy.recomputedAt !== null]).toEqual([1, 1, true]);
    expect(await unfinishedRecomputes()).not.toContain(set.id);
    // Running it twice changes nothing.
    expect(await runPolicyRecompute(set.id)).toEqual({ done: 1, stopped: false });
    expect((await stored()).goal.score).toBe(2.72);
  });

  it("let a framework's policy decide its own standards only", async () => {
    const set = await setPolicy(s.districtAdmin, {
      organizationId: s.district.id,
      frameworkId,
      scaleId: scaleId(),
      method: { kind: "HIGHEST" },
    });
    await runPolicyRecompute(set.id);
    const after = await stored();
    expect(after.framework.score).toBe(4);
    expect(after.framework.level?.name).toBe("Advanced");
    // The local standard and the goal follow the school's decaying average.
    expect([after.goal.score, after.local.score]).toEqual([2.72, 2.72]);
  });

  it("are read as their select reads them: the school's own, the district's for a school without one, a framework's", async () => {
    const resolver = await loadPolicies(db, [s.school.id, s.schoolB.id], [frameworkId]);
    const read = (where: Prisma.MasteryPolicyWhereInput) => db.masteryPolicy.findFirstOrThrow({ where, select: POLICY_SELECT });
    const school = await read({ organizationId: s.school.id, frameworkId: null });
    expect(resolver.forSchool(s.school.id)).toEqual(school);
    expect(resolver.forStandard(s.school.id, null)).toEqual(school);
    expect(resolver.forSchool(s.schoolB.id)).toEqual(await read({ organizationId: s.district.id, frameworkId: null }));
    expect(resolver.forStandard(s.schoolB.id, frameworkId)).toEqual(await read({ frameworkId }));
    expect(school.scale.levels.map((l) => l.position)).toEqual([1, 2, 3, 4]);
    expect(() => resolver.forSchool("no-such-school")).toThrow(/No mastery policy/);
  });

  it("stop a run whose policy changed under it (the newer run redoes the work)", async () => {
    const school = await db.masteryPolicy.findFirstOrThrow({ where: { organizationId: s.school.id, frameworkId: null } });
    const next = await setPolicy(s.admin, {
      organizationId: s.school.id,
      frameworkId: "",
      scaleId: scaleId(),
      method: { kind: "AVERAGE" },
      version: school.version,
    });
    // Someone changes the policy while the run is between batches: the run stops unfinished.
    const bump = () => db.masteryPolicy.update({ where: { id: next.id }, data: { version: { increment: 1 } } });
    expect(await runPolicyRecompute(next.id, { batchSize: 1, afterBatch: bump })).toEqual({ done: 1, stopped: true });
    expect(await unfinishedRecomputes()).toContain(next.id);
    // The run the change queued finishes it.
    expect(await runPolicyRecompute(next.id)).toEqual({ done: 1, stopped: false });
    expect((await stored()).goal.score).toBe(2.67);
  });

  it("refuse a stale version", async () => {
    const school = await db.masteryPolicy.findFirstOrThrow({ where: { organizationId: s.school.id, frameworkId: null } });
    const input = { organizationId: s.school.id, frameworkId: "", scaleId: scaleId(), method: { kind: "HIGHEST" } };
    expect(await errorOf(setPolicy(s.admin, { ...input, version: school.version - 1 }))).toBeInstanceOf(ConflictError);
    expect(await errorOf(setPolicy(s.admin, input))).toBeInstanceOf(ConflictError);
    // School B has no policy of its own: a form that had one is stale.
    expect(await errorOf(setPolicy(s.districtAdmin, { ...input, organizationId: s.schoolB.id, version: 3 }))).toBeInstanceOf(ConflictError);
    expect(await errorOf(removePolicy(s.admin, { policyId: school.id, version: school.version - 1 }))).toBeInstanceOf(ConflictError);
  });

  it("confine a school admin to their school and their school's frameworks", async () => {
    const input = { frameworkId: "", scaleId: scaleId(), method: { kind: "HIGHEST" } };
    expect(await errorOf(setPolicy(s.admin, { ...input, organizationId: s.schoolB.id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(setPolicy(s.admin, { ...input, organizationId: s.district.id, version: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(setPolicy(s.admin, { ...input, organizationId: s.district.id, frameworkId }))).toBeInstanceOf(NotFoundError);
    // A framework is set on its owner: naming a school with the district's framework finds nothing.
    expect(await errorOf(setPolicy(s.admin, { ...input, organizationId: s.school.id, frameworkId }))).toBeInstanceOf(NotFoundError);
    const district = await db.masteryPolicy.findFirstOrThrow({ where: { organizationId: s.district.id, frameworkId: null } });
    expect(await errorOf(removePolicy(s.admin, { policyId: district.id, version: district.version }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(removePolicy(s.districtAdmin, { policyId: district.id, version: district.version }))).toBeInstanceOf(
      ForbiddenError,
    );
    const settings = await masterySettings(s.admin);
    expect(settings.schools.map((x) => x.id)).toEqual([s.school.id]);
    expect(settings.frameworks).toEqual([]);
    expect(settings.district.editable).toBe(false);
  });

  it("allow only the district's scales or the school's own", async () => {
    const schoolB = await db.proficiencyScale.create({
      data: {
        organizationId: s.schoolB.id,
        name: "B's scale",
        levels: { create: [{ position: 1, name: "Met", points: 1, colour: "#000000", proficient: true, isDefault: true }] },
      },
    });
    const error = await errorOf(
      setPolicy(s.districtAdmin, {
        organizationId: s.school.id,
        frameworkId: "",
        scaleId: schoolB.id,
        method: { kind: "HIGHEST" },
        version: 3,
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors).toEqual({ scaleId: ["Choose one of the district's scales or one of this school's."] });
  });

  it("answer another district's admin and a teacher without changing anything", async () => {
    const input = { organizationId: s.school.id, frameworkId: "", scaleId: scaleId(), method: { kind: "HIGHEST" }, version: 3 };
    expect(await errorOf(setPolicy(s.otherAdmin, input))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(setPolicy(s.teacher, input))).toBeInstanceOf(ForbiddenError);
    expect((await db.masteryPolicy.findFirstOrThrow({ where: { organizationId: s.school.id, frameworkId: null } })).method).toBe("AVERAGE");
  });

  it("remove a school's policy: the district's decides again and recomputes", async () => {
    const school = await db.masteryPolicy.findFirstOrThrow({ where: { organizationId: s.school.id, frameworkId: null } });
    const { fallbackId } = await removePolicy(s.admin, { policyId: school.id, version: school.version });
    expect(fallbackId).toBe(`policy_${s.district.id}`);
    await runPolicyRecompute(fallbackId);
    const after = await stored();
    expect([after.goal.score, after.local.score, after.framework.score]).toEqual([3, 3, 4]);
    expect(await db.auditEvent.count({ where: { entityId: school.id, action: "mastery-policy.remove" } })).toBe(1);
  });
});
