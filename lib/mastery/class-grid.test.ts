import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeSchool, person } from "@/test/fixtures";
import { activePlan, ratedEvidence } from "@/test/plans";
import { classesForMastery, classMasteryGrid } from "./class-grid";
import { csvCell, csvFileName, gridCsv } from "./grid-csv";

let s: Awaited<ReturnType<typeof makeSchool>>;
let framework: { id: string };
let domainRP: { id: string };
let std1: { id: string };
let std2: { id: string };
let farTeacher: Actor;

const rate = (student: Actor, teacher: Actor, plan: { id: string }, goalId: string, levelId: string) =>
  ratedEvidence(student, teacher, { planId: plan.id, goalId }, levelId);

const names = (grid: { students: { name: string }[] }) => grid.students.map((r) => r.name);
const cellOf = (grid: Awaited<ReturnType<typeof classMasteryGrid>>, studentId: string, standardId: string) =>
  grid.cells.get(`${studentId}:${standardId}`);

beforeAll(async () => {
  s = await makeSchool();
  framework = await db.standardFramework.create({ data: { organizationId: s.district.id, caseId: randomUUID(), title: "Test Math 7" } });
  const item = (data: { code: string; itemType: string; description: string; parentId?: string }) =>
    db.standard.create({
      data: { ...data, organizationId: s.district.id, frameworkId: framework.id, subject: "MATH" },
      select: { id: true },
    });
  domainRP = await item({ code: "7.RP", itemType: "Domain", description: "Ratios" });
  const cluster = await item({ code: "7.RP.A", itemType: "Cluster", description: "Analyze", parentId: domainRP.id });
  std1 = await item({ code: "7.RP.A.2", itemType: "Standard", description: "Recognize proportional relationships", parentId: cluster.id });
  const domainSP = await item({ code: "7.SP", itemType: "Domain", description: "Statistics" });
  std2 = await item({ code: "7.SP.1", itemType: "Standard", description: "Understand samples", parentId: domainSP.id });

  const sam = await activePlan(s.student, s.teacher, [[s.standard.id], [std1.id]]);
  const cal = await activePlan(s.classmate, s.teacher, [[std1.id], [std2.id]]);
  await activePlan(s.strangerStudent, s.otherTeacher, [[std2.id]]);
  await rate(s.student, s.teacher, sam, sam.goalIds[0]!, s.levels.PROFICIENT);
  await rate(s.student, s.teacher, sam, sam.goalIds[1]!, s.levels.DEVELOPING);
  await rate(s.classmate, s.teacher, cal, cal.goalIds[0]!, s.levels.ADVANCED);

  // A student whose enrollment ended yesterday is no longer a row.
  const gone = await person(s.school, "STUDENT", "Gil Gone");
  await db.enrollment.create({
    data: { classId: s.classA.id, userId: gone.id, role: "STUDENT", endsOn: new Date(Date.now() - 2 * 864e5) },
  });
  farTeacher = await person(s.otherSchool, "TEACHER", "Fay Faraway");
});

describe("class mastery grid", () => {
  it("lists only the classes the teacher teaches now, with their student counts", async () => {
    expect(await classesForMastery(s.teacher)).toEqual([expect.objectContaining({ id: s.classA.id, studentCount: 2 })]);
    expect((await classesForMastery(s.otherTeacher)).map((c) => c.id)).toEqual([s.classB.id]);
    await expect(classesForMastery(s.student)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows current students by name, the standards their plans link, and stored levels", async () => {
    const grid = await classMasteryGrid(s.teacher, s.classA.id, {});
    expect(names(grid)).toEqual(["Cal Classmate", "Sam Student"]);
    expect(grid.standards.map((st) => st.id).sort()).toEqual([s.standard.id, std1.id, std2.id].sort());
    expect(cellOf(grid, s.student.id, std1.id)).toMatchObject({ rated: true, planned: true, proficient: false, ratingCount: 1 });
    expect(cellOf(grid, s.student.id, std1.id)?.level?.name).toBe("Developing");
    expect(cellOf(grid, s.classmate.id, std1.id)?.level?.name).toBe("Advanced");
    expect(cellOf(grid, s.classmate.id, std2.id)).toMatchObject({ rated: false, planned: true, level: null });
    expect(cellOf(grid, s.student.id, std2.id)).toMatchObject({ rated: false, planned: false });
    // Rows carry their cells in the columns' order.
    const sam = grid.students.find((r) => r.id === s.student.id)!;
    expect(sam.cells.map((c) => c.standardId)).toEqual(grid.standards.map((st) => st.id));
    expect(grid.levels.map((l) => l.name)).toEqual(["Beginning", "Developing", "Proficient", "Advanced"]);
    expect(grid.domains.map((d) => d.label).sort()).toEqual(["7.RP Ratios", "7.SP Statistics"]);
  });

  it("reads stored mastery and never recomputes it", async () => {
    const where = { studentId_standardId: { studentId: s.student.id, standardId: std1.id } };
    await db.standardMastery.update({ where, data: { levelId: s.levels.BEGINNING } });
    try {
      const grid = await classMasteryGrid(s.teacher, s.classA.id, {});
      expect(cellOf(grid, s.student.id, std1.id)?.level?.name).toBe("Beginning");
    } finally {
      await db.standardMastery.update({ where, data: { levelId: s.levels.DEVELOPING } });
    }
  });

  it("gives NotFound to a teacher of another class, school or district, and refuses people who are not teachers", async () => {
    for (const other of [s.otherTeacher, s.teacherB, farTeacher]) {
      await expect(classMasteryGrid(other, s.classA.id, {})).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(classMasteryGrid(s.teacher, s.classB.id, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(classMasteryGrid(s.teacher, "no-such-class", {})).rejects.toBeInstanceOf(NotFoundError);
    for (const other of [s.admin, s.student, s.guardian]) {
      await expect(classMasteryGrid(other, s.classA.id, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("filters by framework, domain (at any depth), subject and not yet proficient", async () => {
    const ids = (g: { standards: { id: string }[] }) => g.standards.map((st) => st.id).sort();
    expect(ids(await classMasteryGrid(s.teacher, s.classA.id, { frameworkId: framework.id }))).toEqual([std1.id, std2.id].sort());
    expect(ids(await classMasteryGrid(s.teacher, s.classA.id, { frameworkId: "local:Local" }))).toEqual([s.standard.id]);
    // The domain is the standard's grandparent (domain → cluster → standard).
    expect(ids(await classMasteryGrid(s.teacher, s.classA.id, { domainId: domainRP.id }))).toEqual([std1.id]);
    expect(ids(await classMasteryGrid(s.teacher, s.classA.id, { subject: "ELA" }))).toEqual([s.standard.id]);
    // "class": the class's course's subject (7 ELA).
    expect(ids(await classMasteryGrid(s.teacher, s.classA.id, { subject: "class" }))).toEqual([s.standard.id]);
    // On 7.RP.A.2 Cal is Advanced (proficient): only Sam is not yet proficient.
    expect(names(await classMasteryGrid(s.teacher, s.classA.id, { domainId: domainRP.id, notYet: true }))).toEqual(["Sam Student"]);
    // On Sam's ELA standard he is Proficient, and Cal does not work on it: nobody is left.
    expect(names(await classMasteryGrid(s.teacher, s.classA.id, { subject: "ELA", notYet: true }))).toEqual([]);
  });

  it("sorts by name or by the level on a standard, both ways", async () => {
    expect(names(await classMasteryGrid(s.teacher, s.classA.id, { dir: "desc" }))).toEqual(["Sam Student", "Cal Classmate"]);
    expect(names(await classMasteryGrid(s.teacher, s.classA.id, { sort: std1.id }))).toEqual(["Sam Student", "Cal Classmate"]);
    expect(names(await classMasteryGrid(s.teacher, s.classA.id, { sort: std1.id, dir: "desc" }))).toEqual(["Cal Classmate", "Sam Student"]);
  });

  it("counts the class at each level of the scale on one standard", async () => {
    const grid = await classMasteryGrid(s.teacher, s.classA.id, {});
    const counts = grid.distribution(std1.id)?.map((d) => [d.label, d.count]);
    expect(counts).toEqual([
      ["Beginning", 0],
      ["Developing", 1],
      ["Proficient", 0],
      ["Advanced", 1],
      ["Not rated yet", 0],
    ]);
    expect(grid.distribution(std2.id)?.find((d) => d.label === "Not rated yet")?.students).toEqual(["Cal Classmate"]);
    expect(grid.distribution("unknown")).toBeNull();
  });
});

describe("grid CSV", () => {
  it("escapes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell("Plain")).toBe("Plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    for (const formula of ["=SUM(A1:A9)", "+1", "-1", "@cmd", "\tx"]) expect(csvCell(formula)).toBe(`'${formula}`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it("has a header of Student and codes, and a row per student with level names", () => {
    const csv = gridCsv({
      standards: [{ code: "7.RP.A.2" }, { code: "=evil" }],
      students: [
        {
          name: "Lee, Ana",
          cells: [
            { level: { name: "Proficient" }, rated: true, planned: true },
            { level: null, rated: false, planned: true },
          ],
        },
        {
          name: "Bo",
          cells: [
            { level: null, rated: true, planned: true },
            { level: null, rated: false, planned: false },
          ],
        },
      ],
    });
    expect(csv).toBe(`Student,7.RP.A.2,'=evil\r\n"Lee, Ana",Proficient,Not rated yet\r\nBo,Not yet,\r\n`);
    expect(csvFileName("Grade 7 Math")).toBe("grade-7-math-mastery.csv");
    expect(csvFileName("“Ünïcode” / 7")).toBe("unicode-7-mastery.csv");
  });

  it("exports the real grid", async () => {
    const grid = await classMasteryGrid(s.teacher, s.classA.id, { domainId: domainRP.id });
    expect(gridCsv(grid)).toBe("Student,7.RP.A.2\r\nCal Classmate,Advanced\r\nSam Student,Developing\r\n");
  });
});

describe("grid query", () => {
  it("defaults to the class's subject, and drops malformed values instead of failing", async () => {
    const { gridOptionsOf, gridQueryOf } = await import("./grid-schemas");
    expect(gridOptionsOf(gridQueryOf({}))).toMatchObject({ subject: "class", sort: "name", dir: "asc", notYet: false });
    expect(gridOptionsOf(gridQueryOf({ subject: "ALL", notYet: "1", dir: "desc" }))).toMatchObject({
      subject: undefined,
      notYet: true,
      dir: "desc",
    });
    expect(gridOptionsOf(gridQueryOf({ subject: "NOPE", dir: "sideways", sort: ["a", "b"] }))).toMatchObject({
      subject: "class",
      dir: "asc",
      sort: "a",
    });
  });
});
