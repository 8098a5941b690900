// The validator's edge cases, without a database: what xAPI 1.0.3 accepts and refuses.
import { describe, expect, it } from "vitest";
import { isDuration, isTimestamp, validateStatement } from "./validate";

const base = {
  actor: { mbox: "mailto:a@example.com" },
  verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
  object: { id: "https://x.example/a" },
};
const refuses = (extra: object, message: string) => expect(() => validateStatement({ ...base, ...extra })).toThrow(message);

describe("statement validation", () => {
  it("accepts timestamps with a zone, refuses those without or with -00:00", () => {
    for (const ok of ["2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123+01:00", "2026-11-23T10:00Z", "2026-11-23T10:00:00-0500"])
      expect(isTimestamp(ok), ok).toBe(true);
    for (const bad of ["2026-11-23T10:00:00", "2026-11-23", "2026-13-01T00:00:00Z", "2026-11-23T10:00:00-00:00", "yesterday"])
      expect(isTimestamp(bad), bad).toBe(false);
  });

  it("accepts ISO 8601 durations only", () => {
    for (const ok of ["PT1H0M0S", "P1D", "P3Y6M4DT12H30M5S", "PT0.5S", "P2W"]) expect(isDuration(ok), ok).toBe(true);
    for (const bad of ["P", "PT", "1H", "P1H", "PT1D"]) expect(isDuration(bad), bad).toBe(false);
  });

  it("allows an authority that is an agent or an anonymous group of two, nothing else", () => {
    const agent = { mbox: "mailto:x@example.com" };
    expect(() => validateStatement({ ...base, authority: agent })).not.toThrow();
    expect(() =>
      validateStatement({ ...base, authority: { objectType: "Group", member: [agent, { mbox: "mailto:y@example.com" }] } }),
    ).not.toThrow();
    refuses({ authority: { objectType: "Group", member: [agent] } }, "exactly two agents");
    refuses({ authority: { objectType: "Group", mbox: "mailto:g@example.com", member: [agent, agent] } }, "must be anonymous");
  });

  it("keeps sub-statements simple and interactions typed", () => {
    refuses(
      { object: { objectType: "SubStatement", ...base, id: "8f4c6c2e-5d3a-4b8e-9a7f-1c2d3e4f5a6b" } },
      "statement.object.id: is not a property",
    );
    refuses({ object: { objectType: "SubStatement", ...base, object: { objectType: "SubStatement", ...base } } }, "cannot contain another");
    refuses({ object: { id: "https://x.example/q", definition: { choices: [{ id: "a" }] } } }, "interactionType");
    refuses(
      { object: { id: "https://x.example/q", definition: { interactionType: "choice", choices: [{ id: "a" }, { id: "a" }] } } },
      "used twice",
    );
  });

  it("refuses null where a value is expected, but not inside extensions", () => {
    refuses({ result: null }, "statement.result: must be a JSON object");
    expect(() => validateStatement({ ...base, result: { extensions: { "https://x.example/e": null } } })).not.toThrow();
  });
});
