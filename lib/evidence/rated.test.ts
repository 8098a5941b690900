// EvidenceGoal.rated is kept by triggers (migration 20261203000000_unrated_evidence) and the
// teacher's "waiting for a rating" list trusts it. Here any sequence of ratings made, removed and
// moved, and of evidence attached to and detached from goals, must leave every pair's flag equal
// to "a rating of this evidence for this goal exists" — including inside a transaction that is
// rolled back.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";

let s: Awaited<ReturnType<typeof makeSchool>>;
let goalIds: string[];
let evidenceIds: string[];

beforeAll(async () => {
  s = await makeSchool();
  const goal = planInput().goals[0]!;
  const { id: planId } = await createPlan(s.student, planInput({ goals: [goal, { ...goal, subject: "MATH", title: "Ratios" }] }));
  for (const [actor, transition] of [
    [s.student, "submit"],
    [s.teacher, "approve"],
  ] as const) {
    const { version } = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } });
    await transitionPlan(actor, { planId, version, transition, note: "" });
  }
  goalIds = (await db.goal.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((g) => g.id);
  evidenceIds = [];
  for (const [i, title] of ["Map", "Essay", "Model"].entries()) {
    const made = await addEvidence(s.student, { planId, goalId: goalIds[i % 2], kind: "TEXT", title, text: "t", url: "", reflection: "" });
    evidenceIds.push(made.id);
  }
});

async function mismatches() {
  return db.$queryRaw<{ evidenceId: string; goalId: string }[]>`
    SELECT eg."evidenceId", eg."goalId" FROM "EvidenceGoal" eg
    WHERE eg."evidenceId" = ANY(${evidenceIds}::text[])
      AND eg.rated <> EXISTS (SELECT 1 FROM "Rating" r WHERE r."evidenceId" = eg."evidenceId" AND r."goalId" = eg."goalId")`;
}

type Op =
  | { kind: "rate"; e: number; g: number; times: number }
  | { kind: "unrate"; e: number; g: number }
  | { kind: "move"; e: number; g: number }
  | { kind: "attach"; e: number; g: number }
  | { kind: "detach"; e: number; g: number }
  | { kind: "rolledBack"; e: number; g: number };

const pair = { e: fc.nat({ max: 2 }), g: fc.nat({ max: 1 }) };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("rate" as const), ...pair, times: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant("unrate" as const), ...pair }),
  fc.record({ kind: fc.constant("move" as const), ...pair }),
  fc.record({ kind: fc.constant("attach" as const), ...pair }),
  fc.record({ kind: fc.constant("detach" as const), ...pair }),
  fc.record({ kind: fc.constant("rolledBack" as const), ...pair }),
);

async function apply(o: Op) {
  const evidenceId = evidenceIds[o.e]!;
  const goalId = goalIds[o.g]!;
  const level = s.levels.PROFICIENT;
  switch (o.kind) {
    case "rate":
      await db.rating.createMany({
        data: Array.from({ length: o.times }, () => ({ evidenceId, goalId, levelId: level, raterId: s.teacher.id, feedback: "ok" })),
      });
      return;
    case "unrate": {
      // One of the pair's ratings: the pair stays rated while another remains.
      const one = await db.rating.findFirst({ where: { evidenceId, goalId }, select: { id: true } });
      if (one) await db.rating.delete({ where: { id: one.id } });
      return;
    }
    case "move": {
      const one = await db.rating.findFirst({ where: { evidenceId }, select: { id: true, goalId: true } });
      if (one) await db.rating.update({ where: { id: one.id }, data: { goalId: one.goalId === goalIds[0] ? goalIds[1]! : goalIds[0]! } });
      return;
    }
    case "attach":
      await db.evidenceGoal.createMany({ data: [{ evidenceId, goalId }], skipDuplicates: true });
      return;
    case "detach":
      await db.evidenceGoal.deleteMany({ where: { evidenceId, goalId } });
      return;
    case "rolledBack":
      await db
        .$transaction(async (tx) => {
          await tx.rating.create({ data: { evidenceId, goalId, levelId: level, raterId: s.teacher.id, feedback: "undone" } });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
  }
}

describe("EvidenceGoal.rated", () => {
  it("starts unrated and follows every rating change", async () => {
    const flags = await db.evidenceGoal.findMany({ where: { evidenceId: { in: evidenceIds } }, select: { rated: true } });
    expect(flags.length).toBe(3);
    expect(flags.every((f) => !f.rated)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          expect(await mismatches(), JSON.stringify(o)).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });
});
