import { describe, expect, it } from "vitest";
import {
  addSchoolDays,
  isSchoolDay,
  latestReturnDate,
  schoolDaysBetween,
  signedInTime,
  signingRule,
  type SchoolCalendar,
} from "./school-days";

// 2026-09-07 is a Monday; Thanksgiving break closes 2026-11-26 and 27 (Thursday, Friday).
const year: SchoolCalendar = { startsOn: "2026-08-17", endsOn: "2027-06-10", closures: ["2026-11-26", "2026-11-27"] };

describe("school days", () => {
  it("are weekdays inside the school year, less closures", () => {
    expect(isSchoolDay("2026-09-07", year)).toBe(true);
    expect(isSchoolDay("2026-09-05", year)).toBe(false); // Saturday
    expect(isSchoolDay("2026-11-26", year)).toBe(false); // closed
    expect(isSchoolDay("2026-08-14", year)).toBe(false); // before the year
    expect(isSchoolDay("2027-06-11", year)).toBe(false); // after it
  });

  it("are counted with both ends included", () => {
    expect(schoolDaysBetween("2026-09-07", "2026-09-11", year)).toBe(5);
    expect(schoolDaysBetween("2026-09-07", "2026-09-20", year)).toBe(10);
    expect(schoolDaysBetween("2026-11-23", "2026-11-29", year)).toBe(3);
    expect(schoolDaysBetween("2026-09-11", "2026-09-07", year)).toBe(0);
  });

  it("are added skipping weekends and closures, and run out at the end of the year", () => {
    expect(addSchoolDays("2026-09-11", 1, year)).toBe("2026-09-14");
    expect(addSchoolDays("2026-11-24", 2, year)).toBe("2026-11-30");
    expect(addSchoolDays("2026-09-05", 0, year)).toBe("2026-09-07");
    expect(addSchoolDays("2027-06-09", 5, year)).toBeNull();
  });
});

describe("the signing rule", () => {
  it("asks every signature before the start of an agreement of 16 school days or more", () => {
    const rule = signingRule("2026-09-07", "2026-09-28", year); // 16 school days
    expect(rule).toMatchObject({ kind: "long", schoolDays: 16, signBefore: "2026-09-07" });
    expect(signedInTime(rule, "2026-09-04")).toBe(true);
    expect(signedInTime(rule, "2026-09-07")).toBe(false);
    expect(rule.text).toContain("before it starts");
  });

  it("gives a shorter one 10 school days from its first school day", () => {
    const rule = signingRule("2026-09-07", "2026-09-25", year); // 15 school days
    expect(rule).toMatchObject({ kind: "short", schoolDays: 15, signBy: "2026-09-18" });
    expect(signedInTime(rule, "2026-09-18")).toBe(true);
    expect(signedInTime(rule, "2026-09-21")).toBe(false);
    // Starting on a Saturday: counted from Monday.
    expect(signingRule("2026-09-05", "2026-09-11", year)).toMatchObject({ kind: "short", schoolDays: 5, signBy: "2026-09-18" });
  });
});

describe("a return to the classroom", () => {
  it("is no later than five school days ahead", () => {
    expect(latestReturnDate("2026-11-23", year)).toBe("2026-12-02");
  });
});
