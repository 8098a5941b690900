// A teacher's rating of a learning record counts toward the standard it rates, in the record's
// date order among the evidence ratings, and a policy's reach includes the record's student.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";
import { DATES, samGrows } from "@/test/mastery";
import { studentProgress } from "./progress";
import { recomputeStudents, studentsReachedBy } from "./recompute";

let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});

async function ratedRecord(happenedOn: Date, levelId: string, status: "RECORDED" | "SUGGESTED" = "RECORDED") {
  const record = await db.learningRecord.create({
    data: {
      studentId: s.student.id,
      schoolId: s.school.id,
      status,
      title: "Museum visit",
      description: "Read the primary sources in the archive room.",
      setting: "COMMUNITY",
      happenedOn,
      standards: { create: { standardId: s.standard.id } },
    },
  });
  await db.recordRating.create({ data: { recordId: record.id, standardId: s.standard.id, levelId, raterId: s.teacher.id } });
  return record;
}

const stored = () =>
  db.standardMastery.findUniqueOrThrow({
    where: { studentId_standardId: { studentId: s.student.id, standardId: s.standard.id } },
    select: { levelId: true, ratingCount: true },
  });

describe("learning records in stored mastery", () => {
  it("count toward the standard, ordered by when the learning happened", async () => {
    await samGrows(s); // Beginning, Developing, Proficient (Oct 3, 17, 31): most recent is Proficient
    expect(await stored()).toEqual({ levelId: s.levels.PROFICIENT, ratingCount: 3 });
    // A record of learning from after the last evidence decides under "most recent".
    await ratedRecord(new Date("2026-11-05"), s.levels.ADVANCED);
    await recomputeStudents(db, [s.student.id]);
    expect(await stored()).toEqual({ levelId: s.levels.ADVANCED, ratingCount: 4 });
    // One from before the first evidence does not.
    await ratedRecord(new Date(DATES.first.getTime() - 86_400_000), s.levels.BEGINNING);
    await recomputeStudents(db, [s.student.id]);
    expect(await stored()).toEqual({ levelId: s.levels.ADVANCED, ratingCount: 5 });
  });

  it("show in the student's progress over time, the last point matching the stored level", async () => {
    const progress = await studentProgress(s.student, s.student.id);
    const standard = progress.subjects.flatMap((x) => x.standards).find((x) => x.id === s.standard.id);
    expect(standard?.series).toHaveLength(5);
    expect(standard?.series.at(-1)?.level?.name).toBe("Advanced");
    // In date order: the record from before the first evidence comes first.
    expect(standard?.series[0]?.level?.name).toBe("Beginning");
  });

  it("count only once the student has the record (never a suggestion)", async () => {
    await ratedRecord(new Date("2026-11-20"), s.levels.BEGINNING, "SUGGESTED");
    await recomputeStudents(db, [s.student.id]);
    expect(await stored()).toEqual({ levelId: s.levels.ADVANCED, ratingCount: 5 });
  });

  it("bring the record's student within reach of the school's policy", async () => {
    const other = await db.learningRecord.create({
      data: {
        studentId: s.classmate.id,
        schoolId: s.school.id,
        title: "Coding club",
        description: "Wrote a game.",
        setting: "ONLINE",
        happenedOn: new Date("2026-11-01"),
      },
    });
    await db.recordRating.create({ data: { recordId: other.id, standardId: s.standard.id, levelId: s.levels.DEVELOPING } });
    const rows = await db.$queryRaw<
      { studentId: string }[]
    >`SELECT q."studentId" FROM (${studentsReachedBy({ organizationId: s.school.id, frameworkId: null }, "SCHOOL")}) q`;
    expect(rows.map((r) => r.studentId)).toContain(s.classmate.id);
  });
});
