// Teachers review learning records: who sees which (record, standard) pairs in the queue, and who
// may rate them, with what effect on stored mastery.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { defaultLevels, makeSchool } from "@/test/fixtures";
import { teacherHome } from "@/lib/teacher/home";
import { listRecordsToReview, rateRecord } from "./review";

let s: Awaited<ReturnType<typeof makeSchool>>;
let speaking: { id: string; code: string };
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** A record of `studentId` linked to `standardIds`, review asked for `requestedDaysAgo` days ago (null: not asked). */
async function record(
  studentId: string,
  title: string,
  standardIds: string[],
  requestedDaysAgo: number | null,
  { schoolId = s.school.id, status = "RECORDED" as "RECORDED" | "SUGGESTED" } = {},
) {
  return db.learningRecord.create({
    data: {
      studentId,
      schoolId,
      status,
      title,
      description: "What I did and what I learned.",
      setting: "COMMUNITY",
      place: "Library",
      happenedOn: daysAgo(20),
      durationMinutes: 90,
      withWhom: "My aunt",
      reviewRequestedAt: requestedDaysAgo === null ? null : daysAgo(requestedDaysAgo),
      standards: { create: standardIds.map((standardId) => ({ standardId })) },
      attachments: { create: { kind: "LINK", title: "Slides", url: "https://example.org/slides" } },
    },
    select: { id: true },
  });
}

const queue = async (actor: Actor, after?: string | null, size?: number) => listRecordsToReview(actor, after, size);
const pairs = (list: Awaited<ReturnType<typeof queue>>) => list.items.map((i) => `${i.title} · ${i.standard.code}`);

let museum: { id: string };
let stanTrip: { id: string };
let beaClub: { id: string };

beforeAll(async () => {
  s = await makeSchool();
  speaking = await db.standard.create({
    data: { organizationId: s.district.id, code: `SL.${randomUUID().slice(0, 4)}`, subject: "ELA", description: "Present claims" },
    select: { id: true, code: true },
  });
  museum = await record(s.student.id, "Museum talk", [s.standard.id, speaking.id], 3);
  await record(s.classmate.id, "Coding club", [s.standard.id], 5);
  // Not asked for review, a suggestion not accepted, and a record with nothing linked: none waits.
  await record(s.student.id, "Kitchen science", [s.standard.id], null);
  await record(s.student.id, "Reading app", [s.standard.id], 8, { status: "SUGGESTED" });
  await record(s.classmate.id, "Nothing linked", [], 9);
  stanTrip = await record(s.strangerStudent.id, "Field trip", [s.standard.id], 4);
  beaClub = await record(s.childB.id, "Garden club", [s.standard.id], 2, { schoolId: s.schoolB.id });
});

describe("learning records to review", () => {
  it("lists each linked standard of a record its student asked to review, oldest request first, with a count", async () => {
    const list = await queue(s.teacher);
    expect(pairs(list).map((p) => p.split(" · ")[0])).toEqual(["Coding club", "Museum talk", "Museum talk"]);
    expect(list.total).toBe(3);
    expect(new Set(list.items.filter((i) => i.title === "Museum talk").map((i) => i.standard.id))).toEqual(
      new Set([s.standard.id, speaking.id]),
    );
    const item = list.items[0]!;
    expect(item).toMatchObject({
      student: { id: s.classmate.id, name: "Cal Classmate" },
      place: "Library",
      durationMinutes: 90,
      withWhom: "My aunt",
      attachments: [{ kind: "LINK", title: "Slides", url: "https://example.org/slides" }],
      standard: { id: s.standard.id, description: "Cite evidence" },
    });
    // Rated on the school's scale.
    expect(item.levels.map((l) => l.id)).toEqual(Object.values(s.levels));
  });

  it("pages with a keyset cursor and keeps the count", async () => {
    const first = await queue(s.teacher, null, 2);
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = await queue(s.teacher, first.next, 2);
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(second.total).toBe(3);
    expect(new Set([...first.items, ...second.items].map((i) => i.key)).size).toBe(3);
    // A cursor that is not ours starts from the oldest.
    expect((await queue(s.teacher, "not-a-cursor", 2)).items.map((i) => i.key)).toEqual(first.items.map((i) => i.key));
  });

  it("is on the teacher's home", async () => {
    const home = await teacherHome(s.teacher, { queuePage: 1, studentPage: 1 });
    expect(home.recordsToReview.total).toBe(3);
  });

  it("shows a teacher only the records of students they teach now, at their school", async () => {
    expect(pairs(await queue(s.otherTeacher))).toEqual([`Field trip · ${s.standard.code}`]);
    expect(pairs(await queue(s.teacherB))).toEqual([`Garden club · ${s.standard.code}`]);
  });

  it("is empty for the student, a guardian, admins and another district", async () => {
    for (const actor of [s.student, s.guardian, s.admin, s.districtAdmin, s.otherAdmin, s.otherStudent]) {
      expect(await queue(actor)).toEqual({ items: [], total: 0, next: null });
    }
  });

  it("loses a pair when the student unlinks the standard", async () => {
    await db.learningRecordStandard.delete({ where: { recordId_standardId: { recordId: museum.id, standardId: speaking.id } } });
    try {
      const list = await queue(s.teacher);
      expect(pairs(list)).not.toContain(`Museum talk · ${speaking.code}`);
      expect(list.total).toBe(2);
      // Rating what is no longer linked is refused, and nothing is stored.
      await expect(
        rateRecord(s.teacher, { recordId: museum.id, standardId: speaking.id, levelId: s.levels.PROFICIENT, feedback: "Good." }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await db.recordRating.count({ where: { recordId: museum.id } })).toBe(0);
    } finally {
      await db.learningRecordStandard.create({ data: { recordId: museum.id, standardId: speaking.id } });
    }
  });
});

describe("rating a learning record", () => {
  const input = (over: Record<string, string> = {}) => ({
    recordId: museum.id,
    standardId: speaking.id,
    levelId: s.levels.ADVANCED,
    feedback: "A clear talk, with sources.",
    ...over,
  });

  it("is not found for a teacher of another class or school, or another district", async () => {
    for (const actor of [s.otherTeacher, s.teacherB, s.admin, s.districtAdmin, s.otherAdmin, s.otherStudent, s.classmate]) {
      await expect(rateRecord(actor, input())).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(rateRecord(s.teacher, input({ recordId: stanTrip.id, standardId: s.standard.id }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(rateRecord(s.teacher, input({ recordId: beaClub.id, standardId: s.standard.id }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.recordRating.count({ where: { recordId: { in: [museum.id, stanTrip.id, beaClub.id] } } })).toBe(0);
  });

  it("is forbidden to the student and their guardian, who can see the record", async () => {
    for (const actor of [s.student, s.guardian]) {
      await expect(rateRecord(actor, input())).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.recordRating.count({ where: { recordId: museum.id } })).toBe(0);
  });

  it("refuses a level of another scale as a field error", async () => {
    const foreign = defaultLevels(s.other.id).ADVANCED;
    const error = await rateRecord(s.teacher, input({ levelId: foreign })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).fieldErrors).toEqual({ levelId: ["Choose a level of your school's scale."] });
    expect(await db.recordRating.count({ where: { recordId: museum.id } })).toBe(0);
  });

  it("refuses a standard of the district that is not linked to the record", async () => {
    await expect(rateRecord(s.teacher, input({ standardId: s.foreignStandard.id }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("stores the rating, changes stored mastery, leaves the queue and tells the student and family", async () => {
    const stored = () =>
      db.standardMastery.findUnique({
        where: { studentId_standardId: { studentId: s.student.id, standardId: speaking.id } },
        select: { levelId: true, ratingCount: true },
      });
    expect(await stored()).toBeNull();
    const { id } = await rateRecord(s.teacher, input());
    expect(await stored()).toEqual({ levelId: s.levels.ADVANCED, ratingCount: 1 });
    expect(await db.recordRating.findUniqueOrThrow({ where: { id } })).toMatchObject({
      recordId: museum.id,
      standardId: speaking.id,
      raterId: s.teacher.id,
      feedback: "A clear talk, with sources.",
    });
    const list = await queue(s.teacher);
    expect(pairs(list)).toEqual([`Coding club · ${s.standard.code}`, `Museum talk · ${s.standard.code}`]);
    expect(list.total).toBe(2);
    const told = await db.notification.findMany({ where: { recordId: museum.id, type: "RECORD_RATED" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([s.student.id, s.guardian.id].sort());
    expect(await db.auditEvent.count({ where: { entityId: museum.id, action: "record.rate", actorId: s.teacher.id } })).toBe(1);
  });
});
