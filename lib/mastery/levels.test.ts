import { describe, expect, it } from "vitest";
import { planProgress, textOn } from "./levels";

describe("planProgress", () => {
  it("counts goals at a proficient level", () => {
    expect(planProgress([{ proficient: true }, { proficient: false }, { proficient: true }])).toEqual({
      mastered: 2,
      total: 3,
      percent: 67,
    });
  });
  it("is 0% with no goals", () => expect(planProgress([])).toEqual({ mastered: 0, total: 0, percent: 0 }));
});

describe("textOn", () => {
  it("puts white on dark colours and black on light ones", () => {
    expect(textOn("#1d4ed8")).toBe("#ffffff");
    expect(textOn("#15803d")).toBe("#ffffff");
    expect(textOn("#fde68a")).toBe("#000000");
    expect(textOn("#ffffff")).toBe("#000000");
  });
});
