import { describe, expect, it } from "vitest";
import { describeGrowth, growthParts, growthSince, wordGrowth } from "./growth";
import { computeMastery } from "./methods";

const levels = [
  { name: "Beginning", points: 1, proficient: false },
  { name: "Developing", points: 2, proficient: false },
  { name: "Proficient", points: 3, proficient: true },
  { name: "Advanced", points: 4, proficient: true },
];
const oct = (day: number) => new Date(Date.UTC(2025, 9, day, 15));
const now = new Date(Date.UTC(2025, 11, 1));

describe("growthSince", () => {
  it("is null with no ratings or one", () => {
    expect(growthSince([], null, levels)).toBeNull();
    expect(growthSince([{ points: 2, at: oct(3) }], 2, levels)).toBeNull();
  });
  it("takes the baseline from the first rating by evidence date, not the first given", () => {
    const ratings = [
      { points: 3, at: oct(20) },
      { points: 2, at: oct(3) },
      { points: 1, at: oct(10) },
    ];
    expect(growthSince(ratings, 3, levels)).toEqual({ from: levels[1], to: levels[2], since: oct(3), change: "up" });
  });
  it("takes the first given among ratings with the same date", () => {
    const ratings = [
      { points: 1, at: oct(3) },
      { points: 4, at: oct(3) },
    ];
    expect(growthSince(ratings, 2, levels)?.from.name).toBe("Beginning");
    expect(growthSince(ratings.slice().reverse(), 2, levels)?.from.name).toBe("Advanced");
  });
  it("goes down when the current level is lower", () => {
    const growth = growthSince(
      [
        { points: 4, at: oct(3) },
        { points: 2, at: oct(9) },
      ],
      2.5,
      levels,
    );
    expect(growth).toMatchObject({ change: "down", from: { name: "Advanced" }, to: { name: "Developing" } });
  });
  it("compares levels, not scores", () => {
    const growth = growthSince(
      [
        { points: 2, at: oct(3) },
        { points: 3, at: oct(9) },
      ],
      2.65,
      levels,
    );
    expect(growth).toMatchObject({ change: "same", from: { name: "Developing" }, to: { name: "Developing" } });
  });
  it("is null when there is no level now (n times: not yet) or for the baseline", () => {
    const ratings = [
      { points: 2, at: oct(3) },
      { points: 3, at: oct(9) },
    ];
    expect(growthSince(ratings, null, levels)).toBeNull();
    expect(
      growthSince(
        [
          { points: 0.5, at: oct(3) },
          { points: 3, at: oct(9) },
        ],
        3,
        levels,
      ),
    ).toBeNull();
  });
  it("reads the current level from the computed mastery", () => {
    // decaying 65 of 2, 3, 4: d2 = 0.7 + 1.95 = 2.65; d3 = 2.65 × 0.35 + 4 × 0.65 = 0.9275 + 2.6 = 3.5275 → 3.53
    const ratings = [
      { points: 3, at: oct(9) },
      { points: 2, at: oct(3) },
      { points: 4, at: oct(20) },
    ];
    const { score } = computeMastery(ratings, { kind: "DECAYING_AVERAGE", weight: 65 }, 3);
    expect(score).toBe(3.53);
    expect(describeGrowth(growthSince(ratings, score, levels)!, { now })).toBe("Developing → Proficient since Oct 3");
  });
});

describe("describeGrowth", () => {
  const up = { from: levels[1]!, to: levels[2]!, since: oct(3), change: "up" as const };
  it("says from → to since the baseline's day", () => expect(describeGrowth(up, { now })).toBe("Developing → Proficient since Oct 3"));
  it("says when the level went down", () => {
    expect(describeGrowth({ ...up, from: levels[3]!, change: "down" }, { now })).toBe("Advanced → Proficient since Oct 3");
  });
  it("says still when the level has not moved", () => {
    expect(describeGrowth({ ...up, from: levels[2]!, change: "same" }, { now })).toBe("Still Proficient since Oct 3");
  });
  it("gives the year when it is not this year's", () => {
    expect(describeGrowth(up, { now: new Date(Date.UTC(2026, 0, 5)) })).toBe("Developing → Proficient since Oct 3, 2025");
  });
  it("reads the day in the given time zone", () => {
    const early = { ...up, since: new Date("2025-10-03T02:00:00Z") };
    expect(describeGrowth(early, { now })).toBe("Developing → Proficient since Oct 3");
    expect(describeGrowth(early, { now, timeZone: "America/Los_Angeles" })).toBe("Developing → Proficient since Oct 2");
  });
});

describe("wordGrowth", () => {
  const up = { from: levels[1]!, to: levels[2]!, since: oct(3), change: "up" as const };
  const cases = [
    { growth: up, now },
    { growth: { ...up, from: levels[3]!, change: "down" as const }, now },
    { growth: { ...up, from: levels[2]!, change: "same" as const }, now },
    { growth: up, now: new Date(Date.UTC(2026, 0, 5)) },
  ];
  it("says in English exactly what describeGrowth says", () => {
    for (const { growth, now } of cases) expect(wordGrowth(growthParts(growth, { now }), "en")).toBe(describeGrowth(growth, { now }));
  });
  it("words growth in Spanish, with the year only when it is not this year's", () => {
    expect(wordGrowth(growthParts(up, { now }), "es")).toBe("Developing → Proficient desde el 3 oct");
    expect(wordGrowth(growthParts({ ...up, change: "same" }, { now }), "es")).toBe("Sigue en Proficient desde el 3 oct");
    expect(wordGrowth(growthParts(up, { now: new Date(Date.UTC(2026, 0, 5)) }), "es")).toBe("Developing → Proficient desde el 3 oct 2025");
  });
});
