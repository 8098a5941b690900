import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeMastery,
  describeMethod,
  inEvidenceOrder,
  isProficient,
  levelFor,
  masteryMethodSchema,
  masterySeries,
  proficientThreshold,
  type MasteryMethod,
  type Score,
  type Step,
} from "./methods";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
/** Scores on consecutive days, in the order given. */
const series = (...points: number[]): Score[] => points.map((p, i) => ({ points: p, at: day(i + 1) }));
const score = (scores: readonly Score[], method: MasteryMethod, threshold = 3) => computeMastery(scores, method, threshold).score;

const MOST_RECENT = { kind: "MOST_RECENT" } as const;
const HIGHEST = { kind: "HIGHEST" } as const;
const AVERAGE = { kind: "AVERAGE" } as const;
const weighted = (weight: number) => ({ kind: "WEIGHTED_AVERAGE", weight }) as const;
const decaying = (weight: number) => ({ kind: "DECAYING_AVERAGE", weight }) as const;
const nTimes = (n: number) => ({ kind: "N_TIMES", n }) as const;
const ALL: MasteryMethod[] = [MOST_RECENT, HIGHEST, AVERAGE, weighted(65), decaying(65), nTimes(1)];

// The running example, given out of date order: by date it is 3 (Jan 1), 2 (Jan 2), 4 (Jan 3).
const unsorted: Score[] = [
  { points: 4, at: day(3) },
  { points: 3, at: day(1) },
  { points: 2, at: day(2) },
];

describe("computeMastery: hand-worked examples (3, 2, 4 by date)", () => {
  it("most recent is the rating with the latest evidence date, not the last given", () => {
    expect(score(unsorted.slice().reverse(), MOST_RECENT)).toBe(4);
  });
  it("highest is the largest score", () => expect(score(unsorted, HIGHEST)).toBe(4));
  // (3 + 2 + 4) / 3 = 3
  it("average is the mean of all", () => expect(score(unsorted, AVERAGE)).toBe(3));
  // mean(earlier) = (3 + 2) / 2 = 2.5; 4 × 0.65 + 2.5 × 0.35 = 2.6 + 0.875 = 3.475 → 3.48
  it("weighted average 65 = latest × 0.65 + mean(earlier) × 0.35, rounded half up", () => {
    expect(score(unsorted, weighted(65))).toBe(3.48);
  });
  // d1 = 3; d2 = 3 × 0.35 + 2 × 0.65 = 1.05 + 1.3 = 2.35; d3 = 2.35 × 0.35 + 4 × 0.65 = 0.8225 + 2.6 = 3.4225 → 3.42
  it("decaying average 65 folds each rating into the running value", () => expect(score(unsorted, decaying(65))).toBe(3.42));
  // threshold 3 keeps 3 and 4 (2 is below); 2 ≥ n = 2 → (3 + 4) / 2 = 3.5
  it("n times 2 averages the ratings at or above the threshold", () => expect(score(unsorted, nTimes(2), 3)).toBe(3.5));
  // only 2 ratings reach 3, fewer than n = 3 → not yet
  it("n times 3 is not yet with only 2 proficient ratings", () => expect(score(unsorted, nTimes(3), 3)).toBeNull());
});

describe("computeMastery: weighted average boundaries", () => {
  // 1, 2, 4: mean(earlier) = 1.5; 4 × 0.01 + 1.5 × 0.99 = 0.04 + 1.485 = 1.525 → 1.53
  it("w = 1 leans almost entirely on the earlier mean", () => expect(score(series(1, 2, 4), weighted(1))).toBe(1.53));
  // 4 × 0.99 + 1.5 × 0.01 = 3.96 + 0.015 = 3.975 → 3.98
  it("w = 99 leans almost entirely on the latest", () => expect(score(series(1, 2, 4), weighted(99))).toBe(3.98));
  // 3 × 0.5 + 2 × 0.5 = 2.5
  it("w = 50 with two ratings is their mean", () => expect(score(series(2, 3), weighted(50))).toBe(2.5));
  // earlier = 4, 1 → 2.5; 1 × 0.65 + 2.5 × 0.35 = 0.65 + 0.875 = 1.525 → 1.53
  it("uses the mean of ALL earlier ratings, not the previous one", () => expect(score(series(4, 1, 1), weighted(65))).toBe(1.53));
  it("one rating is that rating", () => expect(score(series(2.5), weighted(65))).toBe(2.5));
  // Halves that floating point misses, even with Number.EPSILON added before rounding:
  // 2, 3, 2: mean(earlier) = 2.5; 2 × 0.65 + 2.5 × 0.35 = 1.3 + 0.875 = 2.175 → 2.18 (floats: 2.17)
  // 3, 4, 1 at w = 1: mean(earlier) = 3.5; 1 × 0.01 + 3.5 × 0.99 = 0.01 + 3.465 = 3.475 → 3.48 (floats: 3.4749999999999996)
  it("rounds exact halves up however the arithmetic runs", () => {
    expect(score(series(2, 3, 2), weighted(65))).toBe(2.18);
    expect(score(series(3, 4, 1), weighted(1))).toBe(3.48);
  });
});

describe("computeMastery: decaying average boundaries", () => {
  // d2 = 1 × 0.5 + 2 × 0.5 = 1.5; d3 = 1.5 × 0.5 + 4 × 0.5 = 0.75 + 2 = 2.75
  it("w = 50 halves at each step", () => expect(score(series(1, 2, 4), decaying(50))).toBe(2.75));
  // d2 = 1 × 0.01 + 2 × 0.99 = 1.99; d3 = 1.99 × 0.01 + 4 × 0.99 = 0.0199 + 3.96 = 3.9799 → 3.98
  it("w = 99 keeps almost only the latest", () => expect(score(series(1, 2, 4), decaying(99))).toBe(3.98));
  // d2 = 4 × 0.35 + 1 × 0.65 = 1.4 + 0.65 = 2.05; d3 = 2.05 × 0.35 + 1 × 0.65 = 0.7175 + 0.65 = 1.3675 → 1.37
  it("differs from the weighted average once there are three ratings", () => {
    expect(score(series(4, 1, 1), decaying(65))).toBe(1.37);
    expect(score(series(4, 1, 1), weighted(65))).toBe(1.53);
  });
  // d2 = 2 × 0.35 + 3 × 0.65 = 0.7 + 1.95 = 2.65 — the same as weighted with two ratings
  it("with two ratings equals the weighted average of the same weight", () => {
    expect(score(series(2, 3), decaying(65))).toBe(2.65);
    expect(score(series(2, 3), weighted(65))).toBe(2.65);
  });
  it("rounds only at the end", () => {
    // d2 = 1 × 0.35 + 2 × 0.65 = 1.65; d3 = 1.65 × 0.35 + 3 × 0.65 = 0.5775 + 1.95 = 2.5275;
    // d4 = 2.5275 × 0.35 + 1 × 0.65 = 0.884625 + 0.65 = 1.534625 → 1.53.
    // Rounding at each step would give d3 = 2.53, d4 = 0.8855 + 0.65 = 1.5355 → 1.54.
    const { working } = computeMastery(series(1, 2, 3, 1), decaying(65), 3);
    expect(calculations(working).map((c) => c.value)).toEqual([1, 1.65, 2.5275, 1.534625]);
    expect(score(series(1, 2, 3, 1), decaying(65))).toBe(1.53);
  });
  it("one rating is that rating", () => expect(score(series(3), decaying(99))).toBe(3));
});

describe("computeMastery: n times boundaries", () => {
  it("n = 1 needs one rating at or above the threshold", () => {
    expect(score(series(2, 3), nTimes(1), 3)).toBe(3);
    expect(score(series(3), nTimes(1), 3)).toBe(3);
    // one score below the threshold: n times' own rule wins over "one score → that score"
    expect(score(series(2), nTimes(1), 3)).toBeNull();
  });
  it("a rating exactly at the threshold counts, one just below does not", () => {
    expect(score(series(3, 2.99), nTimes(2), 3)).toBeNull();
    expect(score(series(3, 3), nTimes(2), 3)).toBe(3);
  });
  // exactly n = 5 at or above 3: 3 + 3 + 4 + 4 + 3 = 17; 17 / 5 = 3.4 (the 2 and 1 are left out)
  it("exactly n proficient ratings give their mean", () => expect(score(series(3, 2, 3, 4, 1, 4, 3), nTimes(5), 3)).toBe(3.4));
  it("n − 1 proficient ratings are not yet", () => expect(score(series(3, 2, 3, 4, 1, 4), nTimes(5), 3)).toBeNull());
  // ten of 3, 4 alternating: 35 / 10 = 3.5
  it("n = 10 needs ten", () => {
    const ten = [3, 4, 3, 4, 3, 4, 3, 4, 3, 4];
    expect(score(series(1, ...ten), nTimes(10), 3)).toBe(3.5);
    expect(score(series(1, ...ten.slice(1)), nTimes(10), 3)).toBeNull();
  });
  // more than n: the mean of all kept, not the latest n — (3 + 4 + 4) / 3 = 3.666… → 3.67
  it("averages every kept rating when there are more than n", () => expect(score(series(3, 4, 4), nTimes(2), 3)).toBe(3.67));
  it("works with a threshold between levels", () => expect(score(series(2, 2.5, 3), nTimes(2), 2.5)).toBe(2.75));
  it("says why it is not yet", () => {
    const result = computeMastery(series(3, 2), nTimes(3), 3).working.at(-1);
    expect(result).toMatchObject({ kind: "result", outcome: "not-yet", score: null });
    expect(result?.text).toBe("Not yet: 1 of the 3 ratings needed is at or above the proficient threshold (3).");
  });
});

describe("computeMastery: ordering", () => {
  it("equal dates keep the input order", () => {
    const a = { points: 2, at: day(1) };
    const b = { points: 4, at: day(1) };
    expect(score([a, b], MOST_RECENT)).toBe(4);
    expect(score([b, a], MOST_RECENT)).toBe(2);
    // [2, 4]: 2 × 0.35 + 4 × 0.65 = 0.7 + 2.6 = 3.3; [4, 2]: 4 × 0.35 + 2 × 0.65 = 1.4 + 1.3 = 2.7
    expect(score([a, b], decaying(65))).toBe(3.3);
    expect(score([b, a], decaying(65))).toBe(2.7);
  });
  it("orders by time of day, not just the day", () => {
    const morning = { points: 1, at: new Date("2026-01-05T09:00:00Z") };
    const afternoon = { points: 4, at: new Date("2026-01-05T15:00:00Z") };
    expect(score([afternoon, morning], MOST_RECENT)).toBe(4);
  });
  it("does not reorder the caller's array", () => {
    const input = unsorted.slice();
    computeMastery(input, decaying(65), 3);
    expect(input).toEqual(unsorted);
  });
  it("inEvidenceOrder keeps each score's input index", () => {
    expect(inEvidenceOrder(unsorted).map((o) => [o.score.points, o.source])).toEqual([
      [3, 1],
      [2, 2],
      [4, 0],
    ]);
  });
});

describe("computeMastery: rounding to 2 decimals, half away from zero", () => {
  it.each([
    [1.005, 1.01], // 1.005 is 1.00499999999999989… as a double; Math.round(x * 100) / 100 gives 1
    [2.675, 2.68], // (2.675).toFixed(2) is "2.67"
    [1.255, 1.26],
    [0.125, 0.13],
    [2.135, 2.14], // Math.round((x + Number.EPSILON) * 100) / 100 gives 2.13
    [4.015, 4.02], // … and 4.01
    [2.344, 2.34],
    [-1.005, -1.01], // away from zero, not up
    [-2.345, -2.35],
    [3, 3],
  ])("one score of %s is %s", (points, expected) => expect(score(series(points), AVERAGE)).toBe(expected));
  // (1 + 1.01) / 2 = 1.005 → 1.01; (1 + 2 + 2) / 3 = 1.666… → 1.67; (1 + 1 + 2) / 3 = 1.333… → 1.33
  it("rounds a mean that lands on a half", () => expect(score(series(1, 1.01), AVERAGE)).toBe(1.01));
  it("rounds a repeating decimal", () => {
    expect(score(series(1, 2, 2), AVERAGE)).toBe(1.67);
    expect(score(series(1, 1, 2), AVERAGE)).toBe(1.33);
  });
  it("never returns -0", () => expect(Object.is(score(series(-0.001), AVERAGE), 0)).toBe(true));
});

describe("computeMastery: edges", () => {
  it.each(ALL.map((m) => [m.kind, m] as const))("%s: no scores → null, and says so", (_, method) => {
    const { score, working } = computeMastery([], method, 3);
    expect(score).toBeNull();
    expect(working.at(-1)).toMatchObject({ kind: "result", outcome: "no-ratings", text: "No ratings yet." });
  });
  it.each(ALL.filter((m) => m.kind !== "N_TIMES").map((m) => [m.kind, m] as const))("%s: one score → that score", (_, method) => {
    expect(score(series(2.5), method)).toBe(2.5);
  });
  it("handles a long history exactly", () => {
    const long = series(...Array.from({ length: 1000 }, (_, i) => (i % 4) + 1));
    const result = score(long, decaying(65));
    expect(result).toBeGreaterThanOrEqual(1);
    expect(result).toBeLessThanOrEqual(4);
  });
  it("refuses an invalid method rather than computing with it", () => {
    expect(() => computeMastery(series(3), { kind: "WEIGHTED_AVERAGE", weight: 0 }, 3)).toThrow(/from 1 to 99/);
    expect(() => computeMastery(series(3), { kind: "N_TIMES", n: 11 }, 3)).toThrow(/from 1 to 10/);
  });
  it("refuses an invalid date, a non-finite score or threshold", () => {
    expect(() => computeMastery([{ points: 3, at: new Date("nope") }], AVERAGE, 3)).toThrow(RangeError);
    expect(() => computeMastery([{ points: Number.NaN, at: day(1) }], AVERAGE, 3)).toThrow(RangeError);
    expect(() => computeMastery([{ points: Infinity, at: day(1) }], AVERAGE, 3)).toThrow(RangeError);
    expect(() => computeMastery(series(3), AVERAGE, Number.NaN)).toThrow(RangeError);
  });
});

const calculations = (working: Step[]) => working.filter((s) => s.kind === "calculation");
const ratings = (working: Step[]) => working.filter((s) => s.kind === "rating");

describe("computeMastery: show the working", () => {
  it("lists the method, the ratings in date order with dates and input index, the arithmetic and the result", () => {
    const { working } = computeMastery(unsorted, weighted(65), 3);
    expect(working.map((s) => s.text)).toEqual([
      "Weighted average: the latest rating counts 65%, the mean of all earlier ratings 35%.",
      "Rating 1, Jan 1, 2026: 3 points",
      "Rating 2, Jan 2, 2026: 2 points",
      "Rating 3, Jan 3, 2026: 4 points",
      "Mean of earlier ratings: (3 + 2) ÷ 2 = 2.5",
      "Weighted average: 4 × 0.65 + 2.5 × 0.35 = 3.475",
      "Mastery: 3.48 (3.475 rounded to 2 decimals)",
    ]);
    expect(working[0]).toEqual({ kind: "method", method: weighted(65), text: expect.any(String) });
    expect(ratings(working).map((r) => [r.position, r.source, r.points, r.at])).toEqual([
      [1, 1, 3, day(1)],
      [2, 2, 2, day(2)],
      [3, 0, 4, day(3)],
    ]);
    expect(calculations(working).map((c) => [c.label, c.operands, c.value])).toEqual([
      ["Mean of earlier ratings", [3, 2], 2.5],
      ["Weighted average", [4, 2.5], 3.475],
    ]);
    expect(working.at(-1)).toEqual({ kind: "result", outcome: "score", score: 3.48, text: expect.any(String) });
  });
  it("shows each step of the decaying average", () => {
    const { working } = computeMastery(unsorted, decaying(65), 3);
    expect(calculations(working).map((c) => c.text)).toEqual([
      "d1: s1 = 3",
      "d2: d1 × 0.35 + s2 × 0.65 = 3 × 0.35 + 2 × 0.65 = 2.35",
      "d3: d2 × 0.35 + s3 × 0.65 = 2.35 × 0.35 + 4 × 0.65 = 3.4225",
    ]);
    expect(working.at(-1)?.text).toBe("Mastery: 3.42 (3.4225 rounded to 2 decimals)");
  });
  it("marks ≈ where a value is cut to 4 decimals", () => {
    const { working } = computeMastery(series(1, 2, 2), AVERAGE, 3);
    expect(calculations(working)[0]?.text).toBe("Mean of all ratings: (1 + 2 + 2) ÷ 3 ≈ 1.6667");
    expect(working.at(-1)?.text).toBe("Mastery: 1.67 (about 1.6667 rounded to 2 decimals)");
  });
  it("marks which ratings count", () => {
    const counted = (method: MasteryMethod) => ratings(computeMastery(unsorted, method, 3).working).map((r) => r.counted);
    expect(counted(MOST_RECENT)).toEqual([false, false, true]);
    expect(counted(HIGHEST)).toEqual([false, false, true]);
    expect(counted(AVERAGE)).toEqual([true, true, true]);
    expect(counted(nTimes(2))).toEqual([true, false, true]);
    const { working } = computeMastery(unsorted, nTimes(2), 3);
    expect(ratings(working)[1]?.text).toBe("Rating 2, Jan 2, 2026: 2 points (below the threshold, not counted)");
  });
  it("shows the highest and the n-times mean", () => {
    expect(calculations(computeMastery(unsorted, HIGHEST, 3).working)[0]?.text).toBe("Highest rating: max(3, 2, 4) = 4");
    expect(calculations(computeMastery(unsorted, nTimes(2), 3).working)[0]?.text).toBe(
      "Mean of ratings at or above the threshold: (3 + 4) ÷ 2 = 3.5",
    );
  });
  it("says when the only rating is the result", () => {
    expect(computeMastery(series(1), AVERAGE, 3).working.at(-1)?.text).toBe("Mastery: 1, the only rating");
    expect(ratings(computeMastery(series(1), AVERAGE, 3).working)[0]?.text).toBe("Rating 1, Jan 1, 2026: 1 point");
  });
  it("describes every method", () => {
    expect(describeMethod(MOST_RECENT)).toBe("Most recent: mastery is the latest rating.");
    expect(describeMethod(HIGHEST)).toBe("Highest: mastery is the highest rating.");
    expect(describeMethod(AVERAGE)).toBe("Average: mastery is the mean of all ratings.");
    expect(describeMethod(decaying(80))).toBe(
      "Decaying average: each new rating counts 80% and the average before it 20%, so older ratings fade.",
    );
    expect(describeMethod(nTimes(1), 3)).toBe(
      "n times: mastery needs 1 rating at or above the proficient threshold (3); it is then their mean.",
    );
    expect(describeMethod(nTimes(5))).toBe("n times: mastery needs 5 ratings at or above the proficient threshold; it is then their mean.");
  });
});

describe("masteryMethodSchema", () => {
  const messages = (input: unknown) => masteryMethodSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("fills in the defaults", () => {
    expect(masteryMethodSchema.parse({ kind: "WEIGHTED_AVERAGE" })).toEqual(weighted(65));
    expect(masteryMethodSchema.parse({ kind: "DECAYING_AVERAGE" })).toEqual(decaying(65));
    expect(masteryMethodSchema.parse({ kind: "N_TIMES" })).toEqual(nTimes(5));
  });
  it.each([weighted(1), weighted(99), decaying(50), decaying(99), nTimes(1), nTimes(10), MOST_RECENT, HIGHEST, AVERAGE])(
    "accepts %o",
    (method) => expect(masteryMethodSchema.parse(method)).toEqual(method),
  );
  it("drops parameters a method does not take", () => {
    expect(masteryMethodSchema.parse({ kind: "HIGHEST", weight: 3 })).toEqual(HIGHEST);
  });
  it.each([0, 100, -5])("refuses a weighted average weight of %s", (weight) => {
    expect(messages(weighted(weight))).toEqual([["weight", "The weight of the latest rating must be from 1 to 99."]]);
  });
  it.each([49, 1, 100])("refuses a decaying average weight of %s", (weight) => {
    expect(messages(decaying(weight))).toEqual([
      ["weight", "The weight of each new rating must be from 50 to 99, so that newer ratings count more than older ones."],
    ]);
  });
  it.each([0, 11])("refuses n times %s", (n) => {
    expect(messages(nTimes(n))).toEqual([["n", "The number of times must be from 1 to 10."]]);
  });
  it("refuses fractions", () => {
    expect(messages(weighted(65.5))).toEqual([["weight", "The weight of the latest rating must be a whole number from 1 to 99."]]);
    expect(messages(decaying(62.5))).toEqual([["weight", "The weight of each new rating must be a whole number from 50 to 99."]]);
    expect(messages(nTimes(2.5))).toEqual([["n", "The number of times must be a whole number from 1 to 10."]]);
  });
  it("refuses what is not a number", () => {
    expect(messages({ kind: "WEIGHTED_AVERAGE", weight: "65" })).toEqual([
      ["weight", "Enter the weight of the latest rating as a number."],
    ]);
    expect(messages({ kind: "N_TIMES", n: Number.NaN })).toEqual([["n", "Enter the number of times as a number."]]);
    expect(messages({ kind: "DECAYING_AVERAGE", weight: Infinity })).toEqual([
      ["weight", "Enter the weight of each new rating as a number."],
    ]);
  });
  it("refuses an unknown method", () => {
    expect(messages({ kind: "MEDIAN" })).toEqual([["kind", "Choose a calculation method."]]);
    expect(messages({})).toEqual([["kind", "Choose a calculation method."]]);
    expect(messages(null)).toEqual([["", "Choose a calculation method."]]);
  });
});

describe("levelFor, isProficient, proficientThreshold", () => {
  // The demo scale, listed out of order on purpose.
  const levels = [
    { name: "Proficient", points: 3, proficient: true },
    { name: "Beginning", points: 1, proficient: false },
    { name: "Advanced", points: 4, proficient: true },
    { name: "Developing", points: 2, proficient: false },
  ];
  it.each([
    [1, "Beginning"],
    [2.99, "Developing"],
    [3, "Proficient"],
    [3.48, "Proficient"],
    [4, "Advanced"],
    [7, "Advanced"],
  ])("%s is %s", (s, name) => expect(levelFor(s, levels)?.name).toBe(name));
  it("is null below every level or without a score", () => {
    expect(levelFor(0.99, levels)).toBeNull();
    expect(levelFor(null, levels)).toBeNull();
    expect(levelFor(3, [])).toBeNull();
  });
  it("returns the caller's own level object", () => expect(levelFor(3, levels)).toBe(levels[0]));
  it("isProficient follows the level reached", () => {
    expect(isProficient(3, levels)).toBe(true);
    expect(isProficient(4.2, levels)).toBe(true);
    expect(isProficient(2.99, levels)).toBe(false);
    expect(isProficient(null, levels)).toBe(false);
    expect(isProficient(0, levels)).toBe(false);
  });
  it("the threshold is the lowest proficient level's points", () => {
    expect(proficientThreshold(levels)).toBe(3);
    expect(proficientThreshold(levels.map((l) => ({ ...l, proficient: false })))).toBeNull();
  });
});

describe("computeMastery: properties", () => {
  // Points with at most 2 decimals, like a scale's: then rounding cannot leave [min, max].
  const points = fc.integer({ min: 0, max: 600 }).map((n) => n / 100);
  const date = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true });
  const scores = fc.array(fc.record({ points, at: date }), { minLength: 1, maxLength: 25 });
  const averaging = fc.oneof(
    fc.constant<MasteryMethod>(AVERAGE),
    fc.integer({ min: 1, max: 99 }).map((w): MasteryMethod => weighted(w)),
    fc.integer({ min: 50, max: 99 }).map((w): MasteryMethod => decaying(w)),
  );
  const anyMethod = fc.oneof(
    averaging,
    fc.constant<MasteryMethod>(MOST_RECENT),
    fc.constant<MasteryMethod>(HIGHEST),
    fc.integer({ min: 1, max: 10 }).map((n): MasteryMethod => nTimes(n)),
  );
  const values = (s: Score[]) => s.map((x) => x.points);

  it("an averaging method stays within [min, max] of the scores", () => {
    fc.assert(
      fc.property(scores, averaging, (s, method) => {
        const result = score(s, method);
        expect(result).not.toBeNull();
        expect(result).toBeGreaterThanOrEqual(Math.min(...values(s)));
        expect(result).toBeLessThanOrEqual(Math.max(...values(s)));
      }),
    );
  });

  it("n times is null or within [threshold, max] of the kept scores", () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 10 }), points, (s, n, threshold) => {
        const kept = values(s).filter((p) => p >= threshold);
        const result = score(s, nTimes(n), threshold);
        if (kept.length < n) {
          expect(result).toBeNull();
          return;
        }
        expect(result).toBeGreaterThanOrEqual(Math.min(...kept));
        expect(result).toBeLessThanOrEqual(Math.max(...kept));
        expect(result).toBeGreaterThanOrEqual(threshold);
      }),
    );
  });

  it("the series is computeMastery's score after each rating, in evidence order", () => {
    fc.assert(
      fc.property(scores, anyMethod, points, (s, method, threshold) => {
        const ordered = inEvidenceOrder(s).map((o) => o.score);
        const expected = ordered.map((_, i) => computeMastery(ordered.slice(0, i + 1), method, threshold).score);
        expect(masterySeries(s, method, threshold)).toEqual(expected);
      }),
    );
  });

  it("most recent equals the last score by date (the last given among equal dates)", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const last = s.reduce((a, b) => (b.at.getTime() >= a.at.getTime() ? b : a));
        expect(score(s, MOST_RECENT)).toBe(last.points);
      }),
    );
  });

  it("highest is at least every score, and is one of them", () => {
    fc.assert(
      fc.property(scores, (s) => {
        const result = score(s, HIGHEST) ?? Number.NaN;
        for (const p of values(s)) expect(result).toBeGreaterThanOrEqual(p);
        expect(values(s)).toContain(result);
      }),
    );
  });

  it("any averaging method of a constant is that constant", () => {
    fc.assert(
      fc.property(
        points,
        fc.integer({ min: 1, max: 25 }),
        fc.array(date, { minLength: 25, maxLength: 25 }),
        averaging,
        (c, k, dates, method) => {
          const s = dates.slice(0, k).map((at) => ({ points: c, at }));
          expect(score(s, AVERAGE)).toBe(c);
          expect(score(s, method)).toBe(c);
        },
      ),
    );
  });

  it("permuting scores with distinct dates changes neither the result nor the working's order", () => {
    const distinct = fc
      .uniqueArray(fc.integer({ min: 0, max: 10 ** 12 }), { minLength: 1, maxLength: 20 })
      .chain((times) => fc.tuple(fc.constant(times), fc.array(points, { minLength: times.length, maxLength: times.length })))
      .map(([times, ps]) => times.map((t, i) => ({ points: ps[i] ?? 0, at: new Date(t) })));
    const permuted = distinct.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })));
    fc.assert(
      fc.property(permuted, anyMethod, points, ([s, shuffled], method, threshold) => {
        const a = computeMastery(s, method, threshold);
        const b = computeMastery(shuffled, method, threshold);
        expect(b.score).toBe(a.score);
        expect(b.working.map((w) => w.text)).toEqual(a.working.map((w) => w.text));
      }),
    );
  });

  it("agrees with a plain floating-point reading of the issue's formulas to within rounding", () => {
    const oracle = (ps: number[], m: MasteryMethod, threshold: number): number | null => {
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const latest = ps.at(-1) ?? 0;
      if (m.kind === "N_TIMES") {
        const kept = ps.filter((p) => p >= threshold);
        return kept.length < m.n ? null : mean(kept);
      }
      if (ps.length === 1) return latest;
      if (m.kind === "MOST_RECENT") return latest;
      if (m.kind === "HIGHEST") return Math.max(...ps);
      if (m.kind === "AVERAGE") return mean(ps);
      if (m.kind === "WEIGHTED_AVERAGE") return (latest * m.weight) / 100 + (mean(ps.slice(0, -1)) * (100 - m.weight)) / 100;
      return ps.slice(1).reduce((d, s) => (d * (100 - m.weight)) / 100 + (s * m.weight) / 100, ps[0] ?? 0);
    };
    fc.assert(
      fc.property(scores, anyMethod, points, (s, method, threshold) => {
        const byDate = inEvidenceOrder(s).map((o) => o.score.points);
        const expected = oracle(byDate, method, threshold);
        const result = score(s, method, threshold);
        if (expected === null) {
          expect(result).toBeNull();
          return;
        }
        expect(Math.abs((result ?? Number.NaN) - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(result).toBe(Math.round((result ?? 0) * 100) / 100); // 2 decimals at most
      }),
    );
  });
});
