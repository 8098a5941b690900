// The rating action is a public endpoint: anyone can post any ids to it. These tests call it as
// the browser would, with tampered ids, and check nothing leaks or changes.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { defaultLevels, makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let recordId: string;

beforeAll(async () => {
  s = await makeSchool();
  recordId = (
    await db.learningRecord.create({
      data: {
        studentId: s.student.id,
        schoolId: s.school.id,
        title: "Museum talk",
        description: "Gave a talk.",
        setting: "COMMUNITY",
        happenedOn: new Date("2026-11-01"),
        reviewRequestedAt: new Date(),
        standards: { create: { standardId: s.standard.id } },
      },
    })
  ).id;
});
beforeEach(() => {
  signedIn = null;
});

const input = (over: Record<string, unknown> = {}) => ({
  recordId,
  standardId: s.standard.id,
  levelId: s.levels.PROFICIENT,
  feedback: "Well argued.",
  ...over,
});
const ratings = () => db.recordRating.count({ where: { recordId } });

describe("rateRecordAction", () => {
  it("refuses a signed-out caller and bad input without touching anything", async () => {
    expect(await actions.rateRecordAction(input())).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.teacher;
    const bad = await actions.rateRecordAction(input({ feedback: " ", levelId: "" }));
    expect(bad).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { feedback: ["Write feedback for the student."] } });
    expect(await actions.rateRecordAction("x".repeat(100))).toMatchObject({ ok: false, code: "INVALID" });
    expect(await ratings()).toBe(0);
  });

  it("answers tampered ids with 'not found', the student and family with 'forbidden', and changes nothing", async () => {
    for (const actor of [s.otherTeacher, s.teacherB, s.classmate, s.otherAdmin, s.admin]) {
      signedIn = actor;
      expect(await actions.rateRecordAction(input())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    for (const actor of [s.student, s.guardian]) {
      signedIn = actor;
      expect(await actions.rateRecordAction(input())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signedIn = s.teacher;
    expect(await actions.rateRecordAction(input({ recordId: "nope" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await actions.rateRecordAction(input({ standardId: s.foreignStandard.id }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await actions.rateRecordAction(input({ levelId: defaultLevels(s.other.id).PROFICIENT }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { levelId: ["Choose a level of your school's scale."] },
    });
    expect(await ratings()).toBe(0);
  });

  it("lets the student's teacher rate", async () => {
    signedIn = s.teacher;
    expect(await actions.rateRecordAction(input())).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await ratings()).toBe(1);
  });
});
