import { describe, expect, it } from "vitest";
import { entryParts, entryText, wordEntry, WORDED_ACTIONS, type EntryFacts, type Lookup } from "./words";

const lookup: Lookup = {
  people: new Map([
    ["ada", { name: "Ada Admin", districtId: "d1" }],
    ["sam", { name: "Sam Student", districtId: "d1" }],
    ["far", { name: "Far Away", districtId: "d2" }],
  ]),
  titles: new Map([["titled", "River study"]]),
  districtId: "d1",
};

const actions = [...WORDED_ACTIONS, "something.new"];
const entries: EntryFacts[] = actions.flatMap((action) =>
  [true, false].flatMap((allowed) =>
    [null, "ada", "gone", "far"].flatMap((actorId) =>
      [null, "sam", "gone"].flatMap((studentId) =>
        ["titled", "untitled"].map((entityId) => ({ action, allowed, actorId, studentId, entityId })),
      ),
    ),
  ),
);

describe("wordEntry", () => {
  it("says in English exactly what entryText says, for every action and kind of person", () => {
    for (const e of entries) expect(wordEntry(entryParts(e, lookup), "en")).toBe(entryText(e, lookup));
  });

  it("words an entry in Spanish, keeping names and titles", () => {
    const e = { action: "plan.view", allowed: true, actorId: "ada", studentId: "sam", entityId: "titled" };
    expect(entryText(e, lookup)).toBe("Ada Admin opened Sam Student's plan ‘River study’");
    expect(wordEntry(entryParts(e, lookup), "es")).toBe("Ada Admin abrió el plan “River study” de Sam Student");
    const pdf = { ...e, action: "agreement.pdf", actorId: "far", studentId: null };
    expect(wordEntry(entryParts(pdf, lookup), "es")).toBe(
      "Alguien de otro distrito descargó el PDF del acuerdo de estudio independiente para “River study”",
    );
  });

  it("never sends English words in Spanish", () => {
    for (const e of entries)
      expect(wordEntry(entryParts(e, lookup), "es")).not.toMatch(/\b(opened|downloaded|refused|plan ‘|Someone|Former)\b/);
  });
});
