// Reading OneRoster files: RFC 4180 quoting, multi-valued cells, the spec's header order,
// the manifest's file modes, and what is dropped with a note.
import { strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildRoster, csvLine, rosterFiles, rosterZip } from "@/test/roster/generate";
import { archiveOf, collectFiles } from "./files";
import { parseRoster } from "./parse";
import { HEADERS } from "./spec";
import { gradeLevel, list, subjectOf } from "./values";

const USERS = HEADERS.users.join(",");

function filesOf(named: Record<string, string>) {
  return new Map(Object.entries(named).map(([k, v]) => [k, strToU8(v)]));
}

const manifest = (modes: Record<string, string>) =>
  ["propertyName,value", "manifest.version,1.0", "oneroster.version,1.1", ...Object.entries(modes).map(([f, m]) => `file.${f},${m}`)].join(
    "\n",
  );

describe("parsing OneRoster CSV", () => {
  it("honours quoting, keeps accents, splits multi-valued cells and numbers rows by their first line", () => {
    const users = [
      "\ufeff" + USERS,
      csvLine([
        "u1",
        "",
        "",
        "true",
        "s1,s2",
        "teacher",
        "jo",
        "",
        'Anne "Annie"',
        "O'Brien, Jr.",
        "",
        "",
        "anne@x.org",
        "",
        "",
        "",
        "",
        "",
      ]),
      // A quoted cell with a line break: the row starts on line 3 and ends on line 4.
      csvLine([
        "u2",
        "",
        "",
        "true",
        "s1",
        "student",
        "zo",
        "",
        "Zoë",
        "Nguyễn",
        "",
        "",
        "zoe@x.org",
        "",
        "",
        "p1,p2",
        "07",
        "note\non two lines",
      ]),
      csvLine(["u3", "", "", "true", "s1", "student", "li", "", "Liam", "García", "", "", "liam@x.org", "", "", "", "KG", ""]),
    ].join("\r\n");
    const parsed = parseRoster(filesOf({ "manifest.csv": manifest({ users: "bulk" }), "users.csv": users }));
    expect(parsed.problems.fileErrors).toEqual([]);
    const [anne, zoe, liam] = parsed.rows.users;
    expect(anne?.values).toMatchObject({ givenName: 'Anne "Annie"', familyName: "O'Brien, Jr.", orgSourcedIds: "s1,s2" });
    expect(list(anne?.values.orgSourcedIds)).toEqual(["s1", "s2"]);
    expect([zoe?.values.givenName, zoe?.values.familyName, zoe?.line]).toEqual(["Zoë", "Nguyễn", 3]);
    expect(list(zoe?.values.agentSourcedIds)).toEqual(["p1", "p2"]);
    expect(liam?.line).toBe(5);
    expect([gradeLevel(zoe?.values.grades), gradeLevel(liam?.values.grades), gradeLevel("PK"), gradeLevel("UG")]).toEqual([7, 0, -1, null]);
  });

  it("refuses a file whose columns are out of the spec's order, or missing, naming the column", () => {
    const swapped = HEADERS.users.map((h) => (h === "givenName" ? "familyName" : h === "familyName" ? "givenName" : h)).join(",");
    const missing = HEADERS.enrollments.filter((h) => h !== "primary").join(",");
    const parsed = parseRoster(
      filesOf({
        "manifest.csv": manifest({ users: "bulk", enrollments: "bulk" }),
        "users.csv": swapped + "\n",
        "enrollments.csv": missing + "\n",
      }),
    );
    expect(parsed.problems.fileErrors).toEqual([
      expect.objectContaining({
        file: "users.csv",
        line: 1,
        reason: expect.stringContaining('Column 9 of users.csv should be "givenName" but is "familyName"'),
      }),
      expect.objectContaining({
        file: "enrollments.csv",
        reason: expect.stringContaining('Column 8 of enrollments.csv should be "primary" but is "beginDate"'),
      }),
    ]);
  });

  it("reads extra trailing columns as a note, and ignores them", () => {
    const users = [
      `${USERS},metadata.nickname`,
      csvLine(["u1", "", "", "true", "s1", "student", "a", "", "A", "B", "", "", "a@x.org", "", "", "", "05", "", "Bee"]),
    ].join("\n");
    const parsed = parseRoster(filesOf({ "manifest.csv": manifest({ users: "bulk" }), "users.csv": users }));
    expect(parsed.problems.fileErrors).toEqual([]);
    expect(parsed.rows.users).toHaveLength(1);
    expect(parsed.problems.notes).toContain("users.csv has columns after the standard ones (metadata.nickname); they are ignored.");
  });

  it("follows the manifest: absent files are ignored and their records kept, a listed file must be there", () => {
    const parsed = parseRoster(
      filesOf({
        "manifest.csv": manifest({ users: "absent", enrollments: "bulk", orgs: "delta" }),
        "users.csv": USERS + "\n",
        "orgs.csv": HEADERS.orgs.join(","),
      }),
    );
    expect(parsed.modes).toMatchObject({ users: "absent", orgs: "delta", classes: "absent" });
    expect(parsed.problems.notes).toEqual(
      expect.arrayContaining([
        "The manifest marks users.csv as absent, so the file given is ignored.",
        "users.csv is not part of this export: what was imported from it before stays as it is.",
      ]),
    );
    expect(parsed.problems.fileErrors).toEqual([
      { file: "enrollments.csv", reason: "The manifest lists enrollments.csv as bulk, but the upload has no enrollments.csv." },
    ]);
    const bare = parseRoster(filesOf({ "users.csv": USERS + "\n" }));
    expect(bare.modes.users).toBe("bulk");
    expect(bare.modes.enrollments).toBe("absent");
    expect(bare.problems.notes[0]).toContain("There is no manifest.csv");
  });

  it("reads status and dateLastModified, and reports bad values, duplicates and missing fields by line", () => {
    const row = (sid: string, status: string, modified: string, given = "A") =>
      csvLine([sid, status, modified, "true", "s1", "student", "a", "", given, "B", "", "", `${sid}@x.org`, "", "", "", "05", ""]);
    const users = [
      USERS,
      row("u1", "", ""),
      row("u2", "tobedeleted", "2026-11-01T10:00:00.000Z", ""),
      row("u3", "gone", ""),
      row("u4", "active", "yesterday"),
      row("u1", "", ""),
      row("u5", "", "", ""),
      row("", "", ""),
      "u6,,,true",
    ].join("\n");
    const parsed = parseRoster(filesOf({ "manifest.csv": manifest({ users: "delta" }), "users.csv": users }));
    expect(parsed.rows.users.map((r) => [r.sourcedId, r.deleted])).toEqual([
      ["u1", false],
      ["u2", true],
    ]);
    expect(parsed.problems.rows).toEqual([
      { file: "users.csv", line: 4, reason: 'status is "gone"; it must be blank, active or tobedeleted.' },
      { file: "users.csv", line: 5, reason: 'dateLastModified "yesterday" is not a date and time (2026-08-01T12:00:00Z).' },
      { file: "users.csv", line: 6, reason: 'Duplicate sourcedId "u1" (first on line 2); this row is skipped.' },
      { file: "users.csv", line: 7, reason: "Missing required field givenName." },
      { file: "users.csv", line: 8, reason: "Missing required field sourcedId." },
      { file: "users.csv", line: 9, reason: "The row has 4 values where the header has 18 columns." },
    ]);
    // A row with a problem keeps its record as it is: never deactivated for it.
    expect([...parsed.problems.failed.users.keys()]).toEqual(["u3", "u4", "u5", "u6"]);
  });

  it("reports a CSV syntax error as a problem of the whole file", () => {
    const parsed = parseRoster(filesOf({ "users.csv": `${USERS}\nu1,,,"true,s1\n` }));
    expect(parsed.problems.fileErrors).toEqual([
      expect.objectContaining({ file: "users.csv", reason: expect.stringContaining("is not valid CSV") }),
    ]);
  });

  it("unpacks a zip, drops demographics.csv and unknown files with a note, and keeps only what it reads", () => {
    const files = rosterFiles(buildRoster({ students: 3, prefix: "zip" }));
    const zip = rosterZip({
      ...files,
      "demographics.csv": "sourcedId,birthDate\nu1,2012-01-01\n",
      "export/readme.txt": "hello",
      "Users.CSV": "x",
    });
    const collected = collectFiles([{ name: "roster.zip", bytes: zip }]);
    expect(collected.notes).toEqual([
      "demographics.csv is not needed by Pathways: it was neither read nor kept.",
      "readme.txt is not a OneRoster file and was ignored.",
    ]);
    expect(collected.fileErrors).toEqual([{ file: "users.csv", reason: "The upload holds two files named users.csv." }]);
    const stored = unzipSync(archiveOf(collected.files));
    expect(Object.keys(stored).sort()).toEqual(
      ["academicSessions.csv", "classes.csv", "courses.csv", "enrollments.csv", "manifest.csv", "orgs.csv", "users.csv"].sort(),
    );
    expect(collectFiles([{ name: "broken.zip", bytes: strToU8("PK\u0003\u0004 not really") }]).fileErrors[0]?.reason).toContain(
      "The zip could not be read",
    );
  });

  it("maps subjects from SCED codes first, then names, else OTHER", () => {
    expect(subjectOf("Homeroom", "02052")).toBe("MATH");
    expect(subjectOf("Biology,Chemistry", "")).toBe("SCIENCE");
    expect(subjectOf("Physical Education", undefined)).toBe("HEALTH_PE");
    expect(subjectOf("Homeroom", "")).toBe("OTHER");
  });
});
