import { describe, expect, it } from "vitest";
import { completeAgreement } from "@/test/agreements";
import { agreementDraftSchema, checkAgreement, ELEMENTS, emptyAgreement, type AgreementContext, type AgreementDraft } from "./elements";

const arrangement = { manner: "Online portal", time: "By 4 pm", frequency: "Weekly", place: "Home" };
const policy = {
  maxDaysToDue: { K: 5, "7": 10 },
  missedAssignmentsLimit: 3,
  satisfactoryProgress: "Completes at least 80% of assignments on time with work at Developing or above.",
  requiredSubjects: ["ELA", "MATH", "SCIENCE", "SOCIAL_STUDIES"] as const,
};
const ctx: AgreementContext = {
  calendar: { startsOn: "2026-08-17", endsOn: "2027-06-10" },
  policy: { ...policy, requiredSubjects: [...policy.requiredSubjects] },
  gradeLevel: 7,
  supervisingTeacher: true,
  assistants: [{ name: "Ms. Park", role: "Reading specialist" }],
  guardianMissing: false,
};

/** Every element filled in (test/agreements.ts), from September to October. */
const complete = (): AgreementDraft => ({ ...completeAgreement(), startsOn: "2026-09-07", endsOn: "2026-10-30" });

describe("an independent study agreement", () => {
  it("passes with every element present and valid", () => {
    expect(agreementDraftSchema.parse(complete())).toEqual(complete());
    expect(checkAgreement(complete(), ctx)).toEqual({});
  });

  it("starts as a draft that may be saved but not sent, with a message for each missing element", () => {
    const problems = checkAgreement(emptyAgreement(), { ...ctx, policy: null, supervisingTeacher: false });
    expect(Object.keys(problems).sort()).toEqual(ELEMENTS.filter((e) => e !== "optional").sort());
    // One message per element.
    for (const message of Object.values(problems)) expect(typeof message).toBe("string");
  });

  it("refuses each element on its own", () => {
    const cases: [Partial<AgreementDraft>, string, RegExp, Partial<AgreementContext>?][] = [
      [{ family: { ...arrangement, place: "" } }, "communication", /communicating with the parent/],
      [{ subjects: complete().subjects.slice(1) }, "study", /English Language Arts is missing/],
      [{ subjects: complete().subjects.map((s, i) => (i === 1 ? { ...s, evaluationMethods: "" } : s)) }, "study", /for Math/],
      [{ connectivityConfirmed: false }, "resources", /^Confirm the student has connectivity\.$/],
      [{ startsOn: "2026-08-01" }, "duration", /within the school year/],
      [{ endsOn: "2026-09-01" }, "duration", /on or after the start date/],
      [{ subjects: complete().subjects.map((s) => ({ ...s, credits: null })) }, "credits", /credits to be earned/],
      [{ optionalAcknowledged: false }, "optional", /optional/],
      [{ supports: "" }, "supports", /supports/],
      [{}, "signatures", /how Mr\. Lee will assist/, { assistants: [{ name: "Mr. Lee", role: " " }] }],
      [{}, "signatures", /no parent or guardian is linked/, { guardianMissing: true }],
      [{}, "duration", /school-year dates/, { calendar: null }],
    ];
    for (const [change, element, message, context] of cases) {
      const problems = checkAgreement({ ...complete(), ...change }, { ...ctx, ...context });
      expect(Object.keys(problems), element).toEqual([element]);
      expect(problems[element as keyof typeof problems]).toMatch(message);
    }
  });

  it("lets elementary grades measure accomplishment in words, and the board require fewer subjects", () => {
    const young = {
      ...ctx,
      gradeLevel: 3,
      policy: { ...ctx.policy!, maxDaysToDue: { "3": 5 }, requiredSubjects: ["ELA", "MATH"] as ("ELA" | "MATH")[] },
    };
    const a = complete();
    const twoSubjects = a.subjects.slice(0, 2).map((s) => ({ ...s, credits: null, measure: "Reads a chapter book on their own" }));
    expect(checkAgreement({ ...a, subjects: twoSubjects }, young)).toEqual({});
    expect(checkAgreement({ ...a, subjects: twoSubjects.map((s) => ({ ...s, measure: "" })) }, young)).toHaveProperty("credits");
  });

  it("needs the board's maximum time to a due date for the student's grade", () => {
    expect(checkAgreement(complete(), { ...ctx, gradeLevel: 9 })).toEqual({
      policy: "The board's policies give no maximum time to a due date for grade 9.",
    });
  });
});
