// The plan page reads each goal's newest evidence and how much there is, and one goal's whole
// list when asked ("Show all"): its HTML grows with what it shows, not with the plan's evidence.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addEvidence, rateEvidence } from "@/lib/evidence/commands";
import { createPlan, transitionPlan } from "@/lib/plans/commands";
import { makeSchool, planInput } from "@/test/fixtures";
import { EVIDENCE_SHOWN, getPlan } from "./queries";

let s: Awaited<ReturnType<typeof makeSchool>>;
let planId: string;
let goals: string[];
const MANY = EVIDENCE_SHOWN + 3;
/** Titles of the first goal's evidence, newest first. */
const newestFirst = Array.from({ length: MANY }, (_, i) => `Piece ${MANY - i}`);

async function step(actor: typeof s.student, id: string, transition: string) {
  const { version } = await db.plan.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await transitionPlan(actor, { planId: id, version, transition, note: "" });
}

async function activePlan(student: typeof s.student) {
  const goal = planInput().goals[0]!;
  const { id } = await createPlan(student, planInput({ goals: [goal, { ...goal, subject: "MATH", title: "Ratios" }] }));
  await step(student, id, "submit");
  await step(s.teacher, id, "approve");
  return id;
}

const evidence = (goalId: string, title: string) => ({ planId, goalId, kind: "TEXT", title, text: "What I did.", url: "", reflection: "" });

beforeAll(async () => {
  s = await makeSchool();
  planId = await activePlan(s.student);
  goals = (await getPlan(s.student, planId)).goals.map((g) => g.id);
  const start = Date.now() - 60 * 60_000;
  for (let i = 1; i <= MANY; i++) {
    const { id } = await addEvidence(s.student, evidence(goals[0]!, `Piece ${i}`));
    // A minute apart, so "newest first" is unambiguous.
    await db.evidence.update({ where: { id }, data: { createdAt: new Date(start + i * 60_000) } });
    // The oldest piece is rated: its rating travels with it when the whole list is read.
    if (i === 1) await rateEvidence(s.teacher, { evidenceId: id, goalId: goals[0]!, levelId: s.levels.DEVELOPING, feedback: "A start" });
  }
  await addEvidence(s.student, evidence(goals[1]!, "Ratio table"));
});

describe("the evidence a plan's page reads", () => {
  it("is each goal's newest few, with how many it has in all", async () => {
    const plan = await getPlan(s.teacher, planId);
    const [first, second] = plan.goals;
    expect(first!.evidence.map((e) => e.title)).toEqual(newestFirst.slice(0, EVIDENCE_SHOWN));
    expect(first!.evidenceCount).toBe(MANY);
    expect(second!.evidence.map((e) => e.title)).toEqual(["Ratio table"]);
    expect(second!.evidenceCount).toBe(1);
  });

  it("is the whole list, newest first with its ratings, for the goal the page asks about", async () => {
    const plan = await getPlan(s.teacher, planId, { allEvidenceOf: goals[0] });
    const first = plan.goals[0]!;
    expect(first.evidence.map((e) => e.title)).toEqual(newestFirst);
    expect(first.evidenceCount).toBe(MANY);
    expect(first.evidence.at(-1)!.ratings.map((r) => [r.feedback, r.level.name])).toEqual([["A start", "Developing"]]);
    expect(first.evidence.slice(0, -1).every((e) => e.ratings.length === 0)).toBe(true);
    // The other goal is read as usual.
    expect(plan.goals[1]!.evidence.map((e) => e.title)).toEqual(["Ratio table"]);
  });

  it("ignores a goal that is not the plan's: another plan's evidence is never read into it", async () => {
    const other = await activePlan(s.classmate);
    const otherGoal = (await getPlan(s.classmate, other)).goals[0]!.id;
    const plan = await getPlan(s.teacher, planId, { allEvidenceOf: otherGoal });
    expect(plan.goals.map((g) => g.evidence.length)).toEqual([EVIDENCE_SHOWN, 1]);
    expect(plan.goals.flatMap((g) => g.evidence).every((e) => newestFirst.includes(e.title) || e.title === "Ratio table")).toBe(true);
  });
});
