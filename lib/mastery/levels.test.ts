import { describe, expect, it } from "vitest";
import { goalLevel, planProgress } from "./levels";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe("goalLevel", () => {
  const ratings = [
    { level: "ADVANCED" as const, createdAt: at(1) },
    { level: "DEVELOPING" as const, createdAt: at(3) },
    { level: "BEGINNING" as const, createdAt: at(2) },
  ];
  it("is null without ratings", () => expect(goalLevel([], "MOST_RECENT")).toBeNull());
  it("takes the most recent by date, not by order given", () => expect(goalLevel(ratings, "MOST_RECENT")).toBe("DEVELOPING"));
  it("takes the highest", () => expect(goalLevel(ratings, "HIGHEST")).toBe("ADVANCED"));
  it("weights recent ratings more in the decaying average", () => {
    expect(goalLevel(ratings, "DECAYING_AVERAGE")).toBe("DEVELOPING");
    const rising = [
      { level: "BEGINNING" as const, createdAt: at(1) },
      { level: "PROFICIENT" as const, createdAt: at(2) },
      { level: "ADVANCED" as const, createdAt: at(3) },
    ];
    expect(goalLevel(rising, "DECAYING_AVERAGE")).toBe("PROFICIENT");
  });
});

describe("planProgress", () => {
  it("is the share of goals at Proficient or above", () => {
    expect(planProgress(["PROFICIENT", "ADVANCED", "DEVELOPING", null])).toEqual({ mastered: 2, total: 4, percent: 50 });
  });
  it("is zero for a plan without goals", () => expect(planProgress([]).percent).toBe(0));
});
