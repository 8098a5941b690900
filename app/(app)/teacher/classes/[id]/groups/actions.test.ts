// The group actions are public endpoints: replayed with tampered ids, they change nothing.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  signedIn = null;
});

const form = (overrides: Record<string, unknown> = {}) => ({
  classId: s.classA.id,
  name: "Readers",
  note: "",
  meetsOn: "",
  standardIds: [s.standard.id],
  studentIds: [s.student.id],
  ...overrides,
});

describe("group actions", () => {
  it("save a group for the class's teacher, and refuse everyone else with a stable code", async () => {
    expect(await actions.saveGroupAction(form())).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    signedIn = s.teacher;
    const saved = await actions.saveGroupAction(form());
    expect(saved.ok).toBe(true);
    signedIn = s.otherTeacher;
    expect(await actions.saveGroupAction(form())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.admin;
    expect(await actions.saveGroupAction(form())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.learningGroup.count({ where: { classId: s.classA.id } })).toBe(1);
  });

  it("refuse a tampered student id with a field error, and malformed input before any database work", async () => {
    signedIn = s.teacher;
    const tampered = await actions.saveGroupAction(form({ studentIds: [s.strangerStudent.id] }));
    expect(tampered).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { studentIds: [expect.any(String)] } });
    const malformed = await actions.saveGroupAction(form({ name: "", studentIds: [], meetsOn: "tomorrow" }));
    expect(malformed).toMatchObject({ ok: false, code: "INVALID" });
    expect(Object.keys((malformed as { fieldErrors: object }).fieldErrors).sort()).toEqual(["meetsOn", "name", "studentIds"]);
  });

  it("add a shared activity only for the group's class's teacher", async () => {
    signedIn = s.teacher;
    const saved = await actions.saveGroupAction(form({ name: "Shared" }));
    if (!saved.ok) throw new Error(saved.message);
    signedIn = s.otherTeacher;
    const input = { groupId: saved.data.id, description: "Read aloud", timing: "" };
    expect(await actions.addGroupActivityAction(input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signedIn = s.teacher;
    // Sam has no active plan: named back, nothing guessed.
    expect(await actions.addGroupActivityAction(input)).toMatchObject({
      ok: true,
      data: { added: [], skipped: [{ name: "Sam Student" }] },
    });
  });
});
