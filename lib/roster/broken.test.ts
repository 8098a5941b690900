// Hand-written broken exports (test/roster/broken/): every kind of row problem is reported
// with its file, line and reason, the good rows still import, and a file whose header is
// out of order stops the whole import.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeDistrict, person } from "@/test/fixtures";
import { BROKEN, check, checkAndApply, csvFiles, districtWithAdmin, readFolder, snapshot } from "@/test/roster/helpers";
import { applyRoster, checkRoster } from "./commands";

let rows: Record<string, string>;
beforeAll(async () => {
  rows = await readFolder(path.join(BROKEN, "rows"));
  // The email on users.csv line 10 belongs to someone in another district.
  const elsewhere = await makeDistrict();
  const taken = await person(elsewhere.district, "TEACHER", "Taken Elsewhere");
  await db.user.update({ where: { id: taken.id }, data: { email: "taken.elsewhere@broken.example.org" } });
});

describe("a broken export", () => {
  it("reports every row that cannot be imported with its file, line and reason", async () => {
    const { admin } = await districtWithAdmin();
    const { report } = await check(admin, rows);
    expect(report.fileErrors).toEqual([]);
    expect(report.errors).toEqual([
      { file: "orgs.csv", line: 4, reason: 'Duplicate sourcedId "br-school" (first on line 3); this row is skipped.' },
      { file: "academicSessions.csv", line: 3, reason: 'startDate "2026-13-01" is not a date (YYYY-MM-DD).' },
      { file: "courses.csv", line: 3, reason: 'orgSourcedId: unknown org "br-nowhere".' },
      { file: "classes.csv", line: 3, reason: 'courseSourcedId: course "br-course-lost" could not be imported (courses.csv line 3).' },
      { file: "users.csv", line: 5, reason: "Missing email: Pathways needs an email address to sign a person in." },
      { file: "users.csv", line: 6, reason: 'orgSourcedIds: unknown org "br-nowhere".' },
      { file: "users.csv", line: 7, reason: 'Duplicate sourcedId "br-student-1" (first on line 3); this row is skipped.' },
      { file: "users.csv", line: 8, reason: 'agentSourcedIds: unknown user "br-nobody"; this guardian is imported without that link.' },
      { file: "users.csv", line: 9, reason: "Missing required fields username, familyName." },
      {
        file: "users.csv",
        line: 10,
        reason: "email taken.elsewhere@broken.example.org belongs to a person in another district, who is left alone.",
      },
      { file: "users.csv", line: 12, reason: 'orgSourcedIds: org "br-state" is a state, which Pathways does not import.' },
      { file: "enrollments.csv", line: 4, reason: 'userSourcedId: user "br-student-2" could not be imported (users.csv line 5).' },
      { file: "enrollments.csv", line: 5, reason: 'classSourcedId: unknown class "br-class-nope".' },
      { file: "enrollments.csv", line: 6, reason: 'Duplicate sourcedId "br-e-2" (first on line 3); this row is skipped.' },
      { file: "enrollments.csv", line: 7, reason: "The same person has this role in this class on line 3." },
    ]);
    expect(report.errorCount).toBe(15);
    expect(report.notes).toEqual(
      expect.arrayContaining([
        "demographics.csv is not needed by Pathways: it was neither read nor kept.",
        "notes.txt is not a OneRoster file and was ignored.",
        "1 org of type local, state or national is not imported: Pathways has a district and its schools.",
        "1 proctor is not imported: Pathways has no proctor role.",
        "1 administrator or proctor enrollment is not imported: Pathways enrolls students, teachers and aides.",
      ]),
    );
    expect(report.counts.people).toEqual({ created: 4, updated: 0, deactivated: 0, unchanged: 0 });
  });

  it("imports the good rows and skips the others", async () => {
    const { district, admin } = await districtWithAdmin();
    const { report } = await checkAndApply(admin, rows);
    expect(report.counts.enrollments.created).toBe(2);
    const people = await db.user.findMany({
      where: { districtId: district.id, source: "oneroster" },
      select: { sourcedId: true, name: true },
    });
    expect(people.map((p) => p.sourcedId).sort()).toEqual(["br-parent-1", "br-parent-2", "br-student-1", "br-teacher"]);
    expect(people.find((p) => p.sourcedId === "br-student-1")?.name).toBe("Maya Jones, Jr.");
    // The parent and the student name each other: one link.
    expect(await db.guardianLink.count({ where: { districtId: district.id } })).toBe(1);
    expect(await db.class.count({ where: { school: { districtId: district.id } } })).toBe(1);
    // Only the files Pathways reads were stored: no demographics.
    const stored = await db.rosterImport.findFirstOrThrow({ where: { districtId: district.id }, select: { archive: true } });
    expect(Buffer.from(stored.archive).includes("2014-03-02")).toBe(false);
  });

  it("stops everything when a file's columns are out of order", async () => {
    const { district, admin } = await districtWithAdmin();
    const before = await snapshot(district.id);
    const checked = await checkRoster(admin, { files: csvFiles(await readFolder(path.join(BROKEN, "header-order"))) });
    expect(checked.report.fileErrors).toEqual([
      expect.objectContaining({
        file: "users.csv",
        line: 1,
        reason: expect.stringContaining('Column 9 of users.csv should be "givenName" but is "familyName"'),
      }),
    ]);
    expect(checked.report.counts.people.created).toBe(0);
    await expect(applyRoster(admin, { importId: checked.id })).rejects.toThrow("The files have problems that stop the import");
    expect(await snapshot(district.id)).toEqual(before);
    expect((await db.rosterImport.findUniqueOrThrow({ where: { id: checked.id } })).status).toBe("FAILED");
  });

  it("refuses an upload that is not a zip or CSV files, and one without any roster file", async () => {
    const { admin } = await districtWithAdmin();
    await expect(checkRoster(admin, { files: [new File(["x"], "roster.xlsx")] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["files"], message: "Choose a .zip file, or .csv files." })],
    });
    await expect(checkRoster(admin, { files: [new File(["hello"], "notes.csv")] })).rejects.toThrow("This upload has no OneRoster files");
  });
});
