import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { makeSchool } from "@/test/fixtures";
import { wordGrowth } from "./growth";
import { studentProgress, subjectSeries } from "./progress";
import { activePlan, DATES, rated, samGrows, applyPolicy } from "@/test/mastery";

let s: Awaited<ReturnType<typeof makeSchool>>;
let mathStandard: { id: string };
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  s = await makeSchool();
  await samGrows(s);
  // Cal: one rating on the same standard (no growth yet). Sam: a math standard rated once, Advanced.
  const cal = await activePlan(s.classmate, s.teacher, [s.standard.id]);
  await rated(s.classmate, s.teacher, cal, "Cal's essay", DATES.second, s.levels.DEVELOPING);
  mathStandard = await db.standard.create({
    data: { organizationId: s.district.id, code: "7.RP.A.2", subject: "MATH", description: "Recognize proportional relationships" },
  });
  const maths = await activePlan(s.student, s.teacher, [mathStandard.id]);
  await rated(s.student, s.teacher, maths, "Ratio table", DATES.second, s.levels.ADVANCED);
});

const scores = async () => {
  const p = await studentProgress(s.student, s.student.id, NOW);
  return p.subjects.find((x) => x.subject === "ELA")?.standards[0]?.series.map((x) => x.score);
};

describe("a student's progress", () => {
  it("shows each standard's stored level with its growth since the first rating, grouped by subject", async () => {
    const p = await studentProgress(s.guardian, s.student.id, NOW);
    expect(p.subjects.map((x) => x.label)).toEqual(["English Language Arts", "Math"]);
    const ela = p.subjects[0]!.standards[0]!;
    expect([ela.code, ela.mastery.level?.name, ela.mastery.ratingCount]).toEqual([s.standard.code, "Proficient", 3]);
    expect(ela.growth).toBe("Beginning → Proficient since Oct 3");
    // The same growth as facts, for the family's and student's pages to word in their language.
    expect(wordGrowth(ela.growthParts!, "en")).toBe(ela.growth);
    expect(wordGrowth(ela.growthParts!, "es")).toBe("Beginning → Proficient desde el 3 oct");
    const math = p.subjects[1]!.standards[0]!;
    expect([math.code, math.mastery.level?.name, math.growth, math.growthParts]).toEqual(["7.RP.A.2", "Advanced", null, null]);
  });

  it("has no growth with one rating", async () => {
    const p = await studentProgress(s.teacher, s.classmate.id, NOW);
    expect(p.subjects[0]?.standards[0]?.growth).toBeNull();
    expect(p.subjects[0]?.standards[0]?.series.map((x) => x.level?.name)).toEqual(["Developing"]);
  });

  it("puts the year in the growth date when it is not this year's", async () => {
    const p = await studentProgress(s.student, s.student.id, new Date("2027-02-01T00:00:00Z"));
    expect(p.subjects[0]?.standards[0]?.growth).toBe("Beginning → Proficient since Oct 3, 2026");
  });

  it("gives the mastery after each rating in evidence order, per method, ending at the stored value", async () => {
    const p = await studentProgress(s.student, s.student.id, NOW);
    const series = p.subjects[0]!.standards[0]!.series;
    expect(series.map((x) => [x.at.toISOString(), x.score, x.level?.name])).toEqual([
      [DATES.first.toISOString(), 1, "Beginning"],
      [DATES.second.toISOString(), 2, "Developing"],
      [DATES.third.toISOString(), 3, "Proficient"],
    ]);
    const cases = [
      ["AVERAGE", null, [1, 1.5, 2]],
      ["HIGHEST", null, [1, 2, 3]],
      ["WEIGHTED_AVERAGE", 65, [1, 1.65, 2.48]],
      ["DECAYING_AVERAGE", 65, [1, 1.65, 2.53]],
      ["N_TIMES", 1, [null, null, 3]],
      ["N_TIMES", 2, [null, null, null]],
    ] as const;
    try {
      for (const [method, parameter, expected] of cases) {
        await applyPolicy(s, method, parameter, [s.student.id]);
        expect(await scores(), method).toEqual(expected);
        const stored = await db.standardMastery.findUniqueOrThrow({
          where: { studentId_standardId: { studentId: s.student.id, standardId: s.standard.id } },
        });
        expect(stored.score, method).toBe(expected[2]);
      }
    } finally {
      await applyPolicy(s, "MOST_RECENT", null, [s.student.id]);
    }
  });

  it("follows a subject as the share of its rated standards at a proficient level", async () => {
    const p = await studentProgress(s.student, s.student.id, NOW);
    expect(p.subjects[0]?.series.map((x) => [x.proficient, x.rated, x.percent])).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [1, 1, 100],
    ]);
    expect(p.subjects[1]?.series.map((x) => x.percent)).toEqual([100]);
    const at = (d: string) => new Date(`2026-10-0${d}T00:00:00Z`);
    const level = (proficient: boolean) => ({ name: "", points: 0, colour: "#000000", proficient });
    const twoStandards = subjectSeries([
      {
        id: "a",
        series: [
          { at: at("1"), score: 3, level: level(true) },
          { at: at("5"), score: 1, level: level(false) },
        ],
      },
      { id: "b", series: [{ at: at("3"), score: 3, level: level(true) }] },
    ]);
    expect(twoStandards.map((x) => `${x.proficient}/${x.rated}=${x.percent}`)).toEqual(["1/1=100", "2/2=100", "1/2=50"]);
  });

  it("is there for the student, their guardian, their teacher and their admins", async () => {
    for (const actor of [s.student, s.guardian, s.teacher, s.admin, s.districtAdmin]) {
      expect((await studentProgress(actor, s.student.id, NOW)).subjects).toHaveLength(2);
    }
  });

  it("is not found for another teacher, another guardian, a classmate or another district", async () => {
    for (const actor of [s.otherTeacher, s.otherGuardian, s.classmate, s.teacherB, s.otherAdmin, s.otherStudent]) {
      await expect(studentProgress(actor, s.student.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(studentProgress(s.teacher, "no-such-student", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
