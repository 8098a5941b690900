import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { makeSchool } from "@/test/fixtures";
import { samGrows, applyPolicy } from "@/test/mastery";
import { recomputeStudents } from "./recompute";
import { goalWorking, standardWorking } from "./working";

let s: Awaited<ReturnType<typeof makeSchool>>;
let plan: { planId: string; goalId: string };

beforeAll(async () => {
  s = await makeSchool();
  plan = await samGrows(s);
});

const storedGoal = () => db.goalMastery.findUniqueOrThrow({ where: { goalId: plan.goalId }, include: { level: true } });
const storedStandard = () =>
  db.standardMastery.findUniqueOrThrow({
    where: { studentId_standardId: { studentId: s.student.id, standardId: s.standard.id } },
    include: { level: true },
  });

describe("show the working", () => {
  it("lists the ratings in evidence order, not the order they were given, with dates, raters and levels", async () => {
    const w = await goalWorking(s.student, plan.goalId);
    expect(w.ratings.map((r) => [r.position, r.evidenceTitle, r.level.name, r.points, r.rater])).toEqual([
      [1, "First draft", "Beginning", 1, "Tess Teacher"],
      [2, "Second draft", "Developing", 2, "Tess Teacher"],
      [3, "Final essay", "Proficient", 3, "Tess Teacher"],
    ]);
    const at = w.ratings.map((r) => r.evidenceAt.getTime());
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // Most recent counts only the latest by evidence date (rated second-to-last here).
    expect(w.ratings.map((r) => r.counted)).toEqual([false, false, true]);
    expect(w.method).toBe("Most recent: mastery is the latest rating.");
    expect(w.scale.levels.map((l) => l.name)).toEqual(["Beginning", "Developing", "Proficient", "Advanced"]);
  });

  it("ends at the stored goal and standard mastery", async () => {
    const [goal, standard] = await Promise.all([storedGoal(), storedStandard()]);
    const [g, st] = await Promise.all([goalWorking(s.teacher, plan.goalId), standardWorking(s.guardian, s.student.id, s.standard.id)]);
    expect([g.score, g.level?.name]).toEqual([goal.score, goal.level?.name]);
    expect([st.score, st.level?.name]).toEqual([standard.score, standard.level?.name]);
    expect(g.result).toBe("Mastery: 3");
  });

  it("shows the arithmetic of the policy in force, and still matches the stored value", async () => {
    await applyPolicy(s, "DECAYING_AVERAGE", 65, [s.student.id]);
    try {
      const w = await standardWorking(s.student, s.student.id, s.standard.id);
      expect(w.method).toContain("Decaying average");
      expect(w.calculations).toEqual([
        "d1: s1 = 1",
        "d2: d1 × 0.35 + s2 × 0.65 = 1 × 0.35 + 2 × 0.65 = 1.65",
        "d3: d2 × 0.35 + s3 × 0.65 = 1.65 × 0.35 + 3 × 0.65 = 2.5275",
      ]);
      expect(w.result).toBe("Mastery: 2.53 (2.5275 rounded to 2 decimals)");
      const stored = await storedStandard();
      expect([w.score, w.level?.name]).toEqual([stored.score, stored.level?.name]);
      expect(w.level?.name).toBe("Developing");
    } finally {
      await applyPolicy(s, "MOST_RECENT", null, [s.student.id]);
    }
  });

  it("names a deleted rater as a former member", async () => {
    const first = await db.rating.findFirstOrThrow({ where: { goalId: plan.goalId, evidence: { title: "First draft" } } });
    await db.rating.update({ where: { id: first.id }, data: { raterId: null } });
    try {
      const w = await goalWorking(s.admin, plan.goalId);
      expect(w.ratings[0]?.rater).toBe("Former member");
    } finally {
      await db.rating.update({ where: { id: first.id }, data: { raterId: s.teacher.id } });
    }
  });

  it("is there for the student, their guardian, their teacher and their admins", async () => {
    for (const actor of [s.student, s.guardian, s.teacher, s.admin, s.districtAdmin]) {
      expect((await goalWorking(actor, plan.goalId)).ratings).toHaveLength(3);
      expect((await standardWorking(actor, s.student.id, s.standard.id)).ratings).toHaveLength(3);
    }
  });

  it("is not found for another teacher, another guardian, a classmate or another district", async () => {
    for (const actor of [s.otherTeacher, s.otherGuardian, s.classmate, s.teacherB, s.otherAdmin, s.otherStudent]) {
      await expect(goalWorking(actor, plan.goalId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(standardWorking(actor, s.student.id, s.standard.id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("is not found for a standard the student has no ratings on, or of another district", async () => {
    await expect(standardWorking(s.student, s.student.id, s.foreignStandard.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(standardWorking(s.teacher, s.classmate.id, s.standard.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is not found once the plan is deleted", async () => {
    await db.plan.update({ where: { id: plan.planId }, data: { deletedAt: new Date() } });
    try {
      await expect(goalWorking(s.student, plan.goalId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(standardWorking(s.student, s.student.id, s.standard.id)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await db.plan.update({ where: { id: plan.planId }, data: { deletedAt: null } });
    }
  });
});

describe("show the working of a standard with learning records", () => {
  let t: Awaited<ReturnType<typeof makeSchool>>;
  let recordId: string;
  let hiddenId: string;

  beforeAll(async () => {
    t = await makeSchool();
    await samGrows(t); // Beginning Oct 3, Developing Oct 17, Proficient Oct 31 (evidence dates)
    const record = await db.learningRecord.create({
      data: {
        studentId: t.student.id,
        schoolId: t.school.id,
        title: "Debate at the library",
        description: "Argued for longer opening hours.",
        setting: "COMMUNITY",
        // Between the second and the third evidence: a record is dated by when the learning happened.
        happenedOn: new Date("2026-10-20"),
        standards: { create: { standardId: t.standard.id } },
        linkEvents: {
          create: [
            {
              studentId: t.student.id,
              standardId: t.standard.id,
              action: "LINKED",
              actorId: t.student.id,
              createdAt: new Date("2026-10-21"),
            },
            {
              studentId: t.student.id,
              standardId: t.standard.id,
              action: "UNLINKED",
              actorId: t.student.id,
              createdAt: new Date("2026-10-22"),
            },
            {
              studentId: t.student.id,
              standardId: t.standard.id,
              action: "LINKED",
              actorId: t.student.id,
              createdAt: new Date("2026-10-23"),
            },
          ],
        },
      },
    });
    recordId = record.id;
    await db.recordRating.create({ data: { recordId, standardId: t.standard.id, levelId: t.levels.ADVANCED, raterId: t.teacher.id } });
    // A suggestion the student has not accepted: never counted, never in the history for others.
    const hidden = await db.learningRecord.create({
      data: {
        studentId: t.student.id,
        schoolId: t.school.id,
        status: "SUGGESTED",
        title: "Reading app streak",
        description: "Read every day.",
        setting: "ONLINE",
        happenedOn: new Date("2026-11-10"),
        standards: { create: { standardId: t.standard.id } },
        linkEvents: { create: { studentId: t.student.id, standardId: t.standard.id, action: "LINKED", createdAt: new Date("2026-11-10") } },
      },
    });
    hiddenId = hidden.id;
    await db.recordRating.create({ data: { recordId: hiddenId, standardId: t.standard.id, levelId: t.levels.BEGINNING } });
    await recomputeStudents(db, [t.student.id]);
  });

  const stored = () =>
    db.standardMastery.findUniqueOrThrow({
      where: { studentId_standardId: { studentId: t.student.id, standardId: t.standard.id } },
      include: { level: true },
    });

  it("lists the record's rating among the evidence ratings, in date order, saying it is a learning record", async () => {
    const w = await standardWorking(t.student, t.student.id, t.standard.id);
    expect(w.ratings.map((r) => [r.position, r.kind, r.evidenceTitle, r.level.name])).toEqual([
      [1, "EVIDENCE", "First draft", "Beginning"],
      [2, "EVIDENCE", "Second draft", "Developing"],
      [3, "RECORD", "Debate at the library", "Advanced"],
      [4, "EVIDENCE", "Final essay", "Proficient"],
    ]);
    expect(w.ratings[2]).toMatchObject({ recordId, rater: "Tess Teacher", evidenceAt: new Date("2026-10-20") });
  });

  it("ends at the stored level under each method", async () => {
    for (const [method, parameter] of [
      ["MOST_RECENT", null],
      ["AVERAGE", null],
      ["DECAYING_AVERAGE", 65],
      ["HIGHEST", null],
    ] as const) {
      await applyPolicy(t, method, parameter, [t.student.id]);
      const [w, m] = await Promise.all([standardWorking(t.teacher, t.student.id, t.standard.id), stored()]);
      expect([w.score, w.level?.name, w.ratings.length], method).toEqual([m.score, m.level?.name, m.ratingCount]);
    }
    const w = await standardWorking(t.teacher, t.student.id, t.standard.id);
    expect(w.result).toBe("Mastery: 4");
    await applyPolicy(t, "MOST_RECENT", null, [t.student.id]);
  });

  it("shows the standard's history of records linked and unlinked, for records the viewer may see", async () => {
    const lines = (w: Awaited<ReturnType<typeof standardWorking>>) =>
      w.history.map((h) => [h.recordTitle, h.action, h.actor, h.at.toISOString().slice(0, 10)]);
    const expected = [
      ["Debate at the library", "LINKED", "Sam Student", "2026-10-21"],
      ["Debate at the library", "UNLINKED", "Sam Student", "2026-10-22"],
      ["Debate at the library", "LINKED", "Sam Student", "2026-10-23"],
    ];
    for (const actor of [t.teacher, t.guardian]) expect(lines(await standardWorking(actor, t.student.id, t.standard.id))).toEqual(expected);
    // The student sees their own suggestion's link too: it is theirs.
    const own = await standardWorking(t.student, t.student.id, t.standard.id);
    expect(own.history.map((h) => h.recordId)).toEqual([recordId, recordId, recordId, hiddenId]);
    // A goal's working has no history.
    expect(
      (await goalWorking(t.student, (await db.goal.findFirstOrThrow({ where: { plan: { studentId: t.student.id } } })).id)).history,
    ).toEqual([]);
  });

  it("hides the record from admins, who may see the progress but not the records", async () => {
    const w = await standardWorking(t.admin, t.student.id, t.standard.id);
    expect(w.ratings[2]).toMatchObject({ kind: "RECORD", evidenceTitle: null, recordId: null, points: 4 });
    expect(w.history).toEqual([]);
  });
});
