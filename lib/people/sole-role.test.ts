// A person with one role gets their relationship to a plan or student from the access rule alone
// in the once-per-request reads (soleRole): it must be exactly what the full read works out (the
// one writes make, in a transaction), for every kind of person, including someone with two roles.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findVisiblePlan } from "@/lib/plans/access";
import { createPlan } from "@/lib/plans/commands";
import { findVisibleStudent } from "@/lib/profiles/access";
import { makeSchool, planInput } from "@/test/fixtures";
import { step } from "@/test/plans";
import { soleRole } from "./access";

let s: Awaited<ReturnType<typeof makeSchool>>;
let plans: string[];

beforeAll(async () => {
  s = await makeSchool();
  const submitted = async (student: Actor, title: string) => {
    const { id } = await createPlan(student, planInput({ title }));
    await step(student, id, "submit");
    return id;
  };
  const draft = await createPlan(s.student, planInput({ title: "Draft" }));
  plans = [draft.id, await submitted(s.student, "Sam's"), await submitted(s.strangerStudent, "Stan's"), await submitted(s.childB, "Bea's")];
});

/** The relationships, or "not found". */
async function outcome(read: () => Promise<{ relations: string[] }>) {
  try {
    return [...(await read()).relations].sort();
  } catch (e) {
    if (e instanceof NotFoundError) return "not found";
    throw e;
  }
}

const everyone = () => ({
  student: s.student,
  guardian: s.guardian,
  otherGuardian: s.otherGuardian,
  teacher: s.teacher,
  teacherAndParent: s.teacherParent,
  teacherB: s.teacherB,
  admin: s.admin,
  districtAdmin: s.districtAdmin,
  otherAdmin: s.otherAdmin,
});

describe("one role, the relationship from the rule", () => {
  it("knows who holds a single role", () => {
    expect(soleRole(s.teacher)).toBe("TEACHER");
    expect(soleRole(s.guardian)).toBe("GUARDIAN");
    expect(soleRole(s.teacherParent)).toBeNull();
  });

  it("gives each person the same relationships to each plan as the full read in a transaction", async () => {
    for (const [who, actor] of Object.entries(everyone())) {
      for (const planId of plans) {
        const once = await outcome(() => findVisiblePlan(db, actor, planId, { id: true }));
        const full = await outcome(() => db.$transaction((tx) => findVisiblePlan(tx, actor, planId, { id: true })));
        expect(once, `${who} on ${planId}`).toEqual(full);
      }
    }
    // And they are what the people are to the plan.
    const sams = plans[1]!;
    expect(await outcome(() => findVisiblePlan(db, s.teacher, sams, { id: true }))).toEqual(["TEACHER"]);
    expect(await outcome(() => findVisiblePlan(db, s.guardian, sams, { id: true }))).toEqual(["GUARDIAN"]);
    expect(await outcome(() => findVisiblePlan(db, s.guardian, plans[0]!, { id: true }))).toBe("not found");
    expect(await outcome(() => findVisiblePlan(db, s.teacherParent, plans[3]!, { id: true }))).toEqual(["GUARDIAN"]);
  });

  it("gives each person the same relationships to each student as the full read in a transaction", async () => {
    const students = [s.student, s.strangerStudent, s.childB, s.otherStudent].map((x) => x.id);
    for (const [who, actor] of Object.entries(everyone())) {
      for (const studentId of students) {
        const once = await outcome(() => findVisibleStudent(db, actor, studentId, { id: true }));
        const full = await outcome(() => db.$transaction((tx) => findVisibleStudent(tx, actor, studentId, { id: true })));
        expect(once, `${who} on ${studentId}`).toEqual(full);
      }
    }
  });
});
