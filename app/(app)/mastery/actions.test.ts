// "Show the working" actions are public endpoints: replayed with tampered ids, they answer
// "not found" and reveal nothing.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { samGrows } from "@/test/mastery";
import { makeSchool } from "@/test/fixtures";

let signedIn: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn }));

const actions = await import("./actions");
let s: Awaited<ReturnType<typeof makeSchool>>;
let goalId: string;

beforeAll(async () => {
  s = await makeSchool();
  goalId = (await samGrows(s)).goalId;
});
beforeEach(() => {
  signedIn = null;
});

describe("show the working actions", () => {
  it("refuse a signed-out caller", async () => {
    expect(await actions.goalWorkingAction({ goalId })).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    expect(await actions.standardWorkingAction({ studentId: s.student.id, standardId: s.standard.id })).toMatchObject({
      ok: false,
      code: "SESSION_ENDED",
    });
  });

  it("refuse malformed input before reading anything", async () => {
    signedIn = s.student;
    expect(await actions.goalWorkingAction({ goalId: "" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await actions.standardWorkingAction({ studentId: s.student.id })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await actions.goalWorkingAction("x".repeat(100))).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("answer tampered ids with 'not found' and no data", async () => {
    signedIn = s.classmate;
    const results = [
      await actions.goalWorkingAction({ goalId }),
      await actions.standardWorkingAction({ studentId: s.student.id, standardId: s.standard.id }),
    ];
    signedIn = s.otherAdmin;
    results.push(await actions.standardWorkingAction({ studentId: s.student.id, standardId: s.standard.id }));
    signedIn = s.student;
    results.push(await actions.standardWorkingAction({ studentId: s.classmate.id, standardId: s.standard.id }));
    results.push(await actions.standardWorkingAction({ studentId: s.student.id, standardId: s.foreignStandard.id }));
    for (const r of results) {
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND", message: expect.stringContaining("not found") });
      expect(JSON.stringify(r)).not.toContain("draft");
    }
  });

  it("give the working to someone who may see it", async () => {
    signedIn = s.guardian;
    const r = await actions.standardWorkingAction({ studentId: s.student.id, standardId: s.standard.id });
    expect(r.ok && r.data.ratings.map((x) => x.evidenceTitle)).toEqual(["First draft", "Second draft", "Final essay"]);
    signedIn = s.teacher;
    const g = await actions.goalWorkingAction({ goalId });
    expect(g.ok && g.data.level?.name).toBe("Proficient");
  });
});
