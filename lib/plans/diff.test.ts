import { describe, expect, it } from "vitest";
import plansEn from "@/messages/en/plans.json";
import { messageAt } from "@/lib/i18n/keys";
import { allChoices, diffContent, planMerge, textParts, type Content, type ContentActivity, type ContentGoal } from "./diff";

/** A label key's English catalogue text: pages word labels by key, and English must read as `label` did. */
const english = (labelKey: string) => messageAt(plansEn, `fields.${labelKey}`);

const activity = (id: string, description: string): ContentActivity => ({
  id,
  description,
  setting: "HOME",
  timing: "Weekly",
  withWhom: "",
  resourceKind: "NONE",
  resource: "",
  resourceUrl: "",
});
const goal = (id: string, title: string, extra: Partial<ContentGoal> = {}): ContentGoal => ({
  id,
  subject: "ELA",
  title,
  successCriteria: "Three reasons",
  masteryDemonstration: "An essay",
  targetDate: "",
  standardIds: [],
  activities: [],
  ...extra,
});
const plan = (extra: Partial<Content> = {}): Content => ({
  title: "River study",
  type: "PERSONALIZED",
  summary: "I will study the river.",
  startsOn: "2026-09-01",
  endsOn: "2026-12-15",
  goals: [goal("g1", "Write an argument", { activities: [activity("a1", "Read two articles")] }), goal("g2", "Measure the flow")],
  ...extra,
});

describe("diffContent", () => {
  it("finds nothing between a plan and itself", () => {
    const d = diffContent(plan(), plan());
    expect(d).toMatchObject({ fields: [], goals: [], changeCount: 0, unchangedGoals: 2 });
  });

  it("marks changed words in text and names a changed choice in words", () => {
    const d = diffContent(plan(), plan({ summary: "I will study the old river.", type: "INDEPENDENT_STUDY" }));
    const summary = d.fields.find((f) => f.field === "summary");
    expect(summary?.parts).toEqual([
      { text: "I will study the ", change: "same" },
      { text: "old ", change: "added" },
      { text: "river.", change: "same" },
    ]);
    expect(d.fields.find((f) => f.field === "type")).toMatchObject({
      before: "Personalized learning plan",
      after: "Independent study plan",
    });
  });

  it("matches goals and activities by id: added, removed, changed, standards, moved", () => {
    const before = plan({ goals: [...plan().goals, goal("g3", "Draw a map")] });
    const after = plan({
      goals: [
        goal("g2", "Measure the flow", { standardIds: ["s1"] }),
        goal("g1", "Write a strong argument", { activities: [activity("a1", "Read three articles"), activity("", "Interview a ranger")] }),
        goal("", "Build a model", { subject: "SCIENCE" }),
      ].map((g) => (g.id ? g : { ...g, id: undefined, activities: g.activities.map((a) => ({ ...a, id: a.id || undefined })) })),
    });
    const d = diffContent(before, after);
    expect(d.goals.map((g) => [g.kind, g.title])).toEqual([
      ["changed", "Measure the flow"],
      ["changed", "Write a strong argument"],
      ["added", "Build a model"],
      ["removed", "Draw a map"],
    ]);
    expect(d.goals[0]?.standards).toEqual({ added: ["s1"], removed: [] });
    const g1 = d.goals[1];
    expect(g1?.fields.map((f) => f.field)).toEqual(["title"]);
    expect(g1?.activities.map((a) => [a.kind, a.title])).toEqual([
      ["changed", "Read three articles"],
      ["added", "Interview a ranger"],
    ]);
    expect(d.fields.map((f) => f.field)).toEqual(["order"]);
    expect(d.unchangedGoals).toBe(0);
    // Each label is named by a key whose English text is the label, in every scope.
    const all = [...d.fields, ...d.goals.flatMap((g) => [...g.fields, ...g.activities.flatMap((a) => a.fields)])];
    expect(all.map((f) => f.labelKey)).toEqual(expect.arrayContaining(["plan.order", "goal.title", "activity.description"]));
    for (const f of all) expect(english(f.labelKey)).toBe(f.label);
  });

  it("shows dates and choices whole, not word by word", () => {
    expect(textParts("Sep 1, 2026", "Oct 1, 2026", false)).toEqual([
      { text: "Sep 1, 2026", change: "removed" },
      { text: "Oct 1, 2026", change: "added" },
    ]);
    const d = diffContent(plan(), plan({ startsOn: "2026-10-01" }));
    expect(d.fields[0]).toMatchObject({ label: "Start date", before: "Sep 1, 2026", after: "Oct 1, 2026" });
  });
});

describe("planMerge", () => {
  it("takes what only they changed, keeps what only I changed, and asks where we both did", () => {
    const base = plan();
    const theirs = plan({ title: "Their title", summary: "Their summary" });
    const mine = plan({ summary: "My summary", endsOn: "2026-12-20" });
    const merge = planMerge(base, theirs, mine);
    expect(merge.slots.map((s) => [s.key, s.conflict, s.preset])).toEqual([
      ["plan.title", false, "theirs"],
      ["plan.summary", true, "mine"],
    ]);
    expect(merge.result()).toMatchObject({ title: "Their title", summary: "My summary", endsOn: "2026-12-20" });
    expect(merge.result({ "plan.summary": "theirs", "plan.title": "mine" })).toMatchObject({
      title: "River study",
      summary: "Their summary",
      endsOn: "2026-12-20",
    });
  });

  it("merges goal fields one by one and handles goals added or removed on either side", () => {
    const base = plan();
    const theirs = plan({
      goals: [goal("g1", "Their goal title", { activities: [activity("a1", "Read two articles")] }), goal("g9", "Their new goal")],
    });
    const mine = plan({
      goals: [
        goal("g1", "Write an argument", { successCriteria: "Four reasons", activities: [activity("a1", "Read two articles")] }),
        goal("g2", "Measure the flow"),
        { ...goal("", "My new goal"), id: undefined },
      ],
    });
    const merge = planMerge(base, theirs, mine);
    expect(merge.slots.map((s) => [s.key, s.conflict])).toEqual([
      ["goal.g1.title", false],
      ["goal.g2", false],
      ["goal.g9", false],
    ]);
    expect(merge.slots.map((s) => s.labelKey)).toEqual(["goal.title", "goal.theyRemoved", "goal.theyAdded"]);
    for (const s of merge.slots) expect(english(s.labelKey)).toBe(s.label);
    // Presets: their title, their removal of g2, their new goal (after g1, as in their version); my criteria and my new goal.
    const merged = merge.result();
    expect(merged.goals.map((g) => [g.id, g.title, g.successCriteria])).toEqual([
      ["g1", "Their goal title", "Four reasons"],
      ["g9", "Their new goal", "Three reasons"],
      [undefined, "My new goal", "Three reasons"],
    ]);
    // Keeping a goal they removed writes it as a new goal: its id no longer exists.
    const kept = merge.result({ "goal.g2": "mine", "goal.g9": "mine" });
    expect(kept.goals.map((g) => [g.id, g.title])).toEqual([
      ["g1", "Their goal title"],
      [undefined, "Measure the flow"],
      [undefined, "My new goal"],
    ]);
  });

  it("drops activity ids that no longer exist in the saved plan", () => {
    const base = plan();
    const theirs = plan({ goals: [goal("g1", "Write an argument"), goal("g2", "Measure the flow")] });
    const mine = plan({
      goals: [goal("g1", "Write an argument", { activities: [activity("a1", "Read five articles")] }), goal("g2", "Measure the flow")],
    });
    const merge = planMerge(base, theirs, mine);
    expect(merge.slots.map((s) => [s.key, s.conflict])).toEqual([["goal.g1.activities", true]]);
    expect(merge.result().goals[0]?.activities).toEqual([{ ...activity("a1", "Read five articles"), id: undefined }]);
  });
});

// Property tests with a seeded generator (no extra dependency): random edits of a plan.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const WORDS = ["river", "flow", "map", "argument", "model", "weekly", "with", "my", "aunt", "the"];
function edit(base: Content, rand: () => number, tag: string): Content {
  const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const text = (t: string) => (rand() < 0.4 ? `${t} ${word()}` : t);
  const goals = base.goals
    .filter(() => rand() > 0.2)
    .map((g) => ({
      ...g,
      title: text(g.title),
      successCriteria: text(g.successCriteria),
      standardIds: rand() < 0.3 ? [...g.standardIds, `s-${word()}`].filter((v, i, a) => a.indexOf(v) === i) : g.standardIds,
      activities: g.activities.filter(() => rand() > 0.3).map((a) => ({ ...a, description: text(a.description) })),
    }));
  if (rand() < 0.5) goals.splice(Math.floor(rand() * (goals.length + 1)), 0, goal(`${tag}-${goals.length}`, `New ${word()}`));
  return { ...base, title: text(base.title), summary: text(base.summary), goals: goals.length ? goals : base.goals };
}
function randomPlan(rand: () => number): Content {
  const n = 1 + Math.floor(rand() * 4);
  return plan({
    goals: Array.from({ length: n }, (_, i) =>
      goal(`g${i}`, `Goal ${i}`, {
        activities: Array.from({ length: Math.floor(rand() * 3) }, (_, j) => activity(`a${i}-${j}`, `Do ${j}`)),
      }),
    ),
  });
}

describe("diff and merge properties", () => {
  it("a plan compared with itself has no changes", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed);
      const p = edit(randomPlan(rand), rand, "x");
      expect(diffContent(p, structuredClone(p)).changeCount).toBe(0);
    }
  });

  it("taking theirs everywhere, when I changed nothing, gives theirs", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed);
      const base = randomPlan(rand);
      const theirs = edit(base, rand, "t");
      const merge = planMerge(base, theirs, base);
      const merged = merge.result(allChoices(merge.slots, "theirs"));
      expect(diffContent(theirs, merged).changeCount, `seed ${seed}`).toBe(0);
    }
  });

  it("keeping mine everywhere gives mine, with ids they no longer have dropped", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed);
      const base = randomPlan(rand);
      const [theirs, mine] = [edit(base, rand, "t"), edit(base, rand, "m")];
      const merge = planMerge(base, theirs, mine);
      const merged = merge.result(allChoices(merge.slots, "mine"));
      expect(
        merged.goals.map((g) => g.title),
        `seed ${seed}`,
      ).toEqual(mine.goals.map((g) => g.title));
      const theirIds = new Set(theirs.goals.map((g) => g.id));
      for (const g of merged.goals) if (g.id) expect(theirIds.has(g.id)).toBe(true);
    }
  });
});
